package dk.enplan.testing;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/** The few caseworkers process tests need: a coordinator in Allerød and one in Ballerup. */
@Component
public class TestIdentity {

  public static final List<String> TENANTS = List.of("allerod", "ballerup");

  private final IdentityService identity;

  TestIdentity(IdentityService identity) {
    this.identity = identity;
  }

  public void ensure() {
    if (identity.createGroupQuery().groupId("koordinator").count() == 0) {
      identity.saveGroup(identity.newGroup("koordinator"));
    }
    for (String tenant : TENANTS) {
      if (identity.createTenantQuery().tenantId(tenant).count() == 0) {
        identity.saveTenant(identity.newTenant(tenant));
      }
      String userId = "koordinator." + tenant;
      if (identity.createUserQuery().userId(userId).count() == 0) {
        User user = identity.newUser(userId);
        user.setFirstName("Koordinator");
        user.setLastName(tenant);
        user.setPassword("test-" + tenant);
        identity.saveUser(user);
        identity.createMembership(userId, "koordinator");
        identity.createTenantUserMembership(tenant, userId);
      }
    }
  }
}
