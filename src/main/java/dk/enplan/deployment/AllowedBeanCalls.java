package dk.enplan.deployment;

import dk.enplan.names.ModelCalls;
import java.util.List;
import java.util.Set;

/**
 * THE allow-list, as the deployment gate applies it: every call of an application bean (and the one property read)
 * that an expression in a deployed model may make, listed in the registry of names ({@link ModelCalls#ENTRIES}). A
 * model's chain must equal an entry exactly, so {@code sectorCatalog.get(sector).name()} passes and
 * {@code sectorCatalog.get(sector).getClass()} does not. Arguments are themselves checked by the safe grammar
 * ({@link ExpressionParser}).
 */
final class AllowedBeanCalls {

  static final List<String> ENTRIES = ModelCalls.ENTRIES;

  private static final Set<String> CHAINS = Set.copyOf(ENTRIES);

  private AllowedBeanCalls() {
  }

  /** Whether the chain, written like an entry ({@code sectorCatalog.get(_).name()}), is allowed. */
  static boolean allows(String chain) {
    return CHAINS.contains(chain);
  }

  /** Whether some entry starts with this head, i.e. the name is meant to be called, not read as a variable. */
  static boolean isHead(String name) {
    return ENTRIES.stream().anyMatch(entry -> entry.startsWith(name + "."));
  }
}
