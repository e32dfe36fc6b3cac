package dk.enplan.demo;

import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Lets demo code act as a caseworker: the engine sees the user with the groups and tenants the identity service
 * gives them, exactly as for a Tasklist or REST user, and the authentication is cleared afterwards.
 */
@Component
@Profile("demo")
class Caseworkers {

  private final IdentityService identity;

  Caseworkers(IdentityService identity) {
    this.identity = identity;
  }

  <T> T actAs(String userId, Supplier<T> action) {
    if (identity.createUserQuery().userId(userId).count() == 0) {
      throw new IllegalStateException("Demo caseworker does not exist: " + userId);
    }
    List<String> groups = identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
    List<String> tenants = identity.createTenantQuery().userMember(userId).includingGroupsOfUser(true).list()
        .stream().map(Tenant::getId).toList();
    identity.setAuthentication(userId, groups, tenants);
    try {
      return action.get();
    } finally {
      identity.clearAuthentication();
    }
  }

  void actAs(String userId, Runnable action) {
    actAs(userId, () -> {
      action.run();
      return null;
    });
  }
}
