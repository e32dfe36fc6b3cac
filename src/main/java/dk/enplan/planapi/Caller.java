package dk.enplan.planapi;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** The authenticated caller as the authentication filter left it with the identity service: user, groups, tenants. */
record Caller(String userId, Set<String> groups, Set<String> tenants) {

  Caller {
    groups = Set.copyOf(groups);
    tenants = Set.copyOf(tenants);
  }

  static Caller of(Authentication authentication) {
    return new Caller(authentication.getUserId(), nullSafe(authentication.getGroupIds()),
        nullSafe(authentication.getTenantIds()));
  }

  boolean inAnyOf(Collection<String> wanted) {
    return wanted.stream().anyMatch(groups::contains);
  }

  boolean belongsTo(String tenant) {
    return tenants.contains(tenant);
  }

  private static Set<String> nullSafe(List<String> values) {
    return values == null ? Set.of() : Set.copyOf(values);
  }
}
