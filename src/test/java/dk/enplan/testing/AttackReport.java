package dk.enplan.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

/**
 * The attacks the security tests performed, printed as one table when the test run ends (and written to
 * {@code target/attacks.txt}). A test records an attack after asserting it: what was tried, by whom, whether it was
 * refused (the status) and whether anything was written (instances, variables, files, the other municipality's data).
 * Registered as a JUnit Platform listener in {@code META-INF/services}.
 */
public class AttackReport implements TestExecutionListener {

  /** One attack: the item, what was tried, as whom, the answer, and whether anything changed. */
  public record Attack(String item, String attack, String user, int status, boolean refused, boolean nothingWritten) {
  }

  private static final List<Attack> ATTACKS = new ArrayList<>();

  /**
   * Records an attack the calling test has just checked: {@code refused} and {@code nothingWritten} are what the
   * test asserted (a test records only after its assertions passed).
   */
  public static synchronized void record(String item, String attack, String user, int status, boolean refused,
                                         boolean nothingWritten) {
    ATTACKS.add(new Attack(item, attack, user, status, refused, nothingWritten));
  }

  static synchronized List<Attack> attacks() {
    return List.copyOf(ATTACKS);
  }

  @Override
  public void testPlanExecutionFinished(TestPlan testPlan) {
    List<Attack> attacks = attacks();
    if (attacks.isEmpty()) {
      return;
    }
    String table = table(attacks);
    System.out.println(table);
    try {
      Files.createDirectories(Path.of("target"));
      Files.writeString(Path.of("target", "attacks.txt"), table);
    } catch (IOException e) {
      System.out.println("attacks.txt not written: " + e.getMessage());
    }
  }

  static String table(List<Attack> attacks) {
    StringBuilder out = new StringBuilder("\nATTACKS: tried ").append(attacks.size())
        .append(", refused ").append(attacks.stream().filter(Attack::refused).count())
        .append(", nothing written ").append(attacks.stream().filter(Attack::nothingWritten).count()).append('\n');
    out.append(String.format("%-6s %-6s %-9s %-9s %-30s %s%n", "item", "status", "refused", "written", "as",
        "attack"));
    for (Attack a : attacks) {
      out.append(String.format("%-6s %-6d %-9s %-9s %-30s %s%n", a.item(), a.status(), a.refused() ? "yes" : "NO",
          a.nothingWritten() ? "nothing" : "CHANGED", a.user(), a.attack()));
    }
    return out.toString();
  }
}
