package dk.enplan.testing;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * The few users tests need: a visitation caseworker, a coordinator, a specialist system, caseworkers of three sectors
 * (Jobcenter, Ydelse, Sundhed), a manager and an analyst in Allerød and in Ballerup, an administrator (without one,
 * the webapps show their first-time setup page instead of the login), and the network-wide roles' users of no
 * municipality: {@code netvaerk}, {@code evaluering} and {@code drift}. Each user has an e-mail
 * ({@code koordinator@allerod.kommune.example}); the test configuration gives koordinator.allerod a phone.
 */
@Component
public class TestIdentity {

  public static final List<String> TENANTS = List.of("allerod", "ballerup");

  private final IdentityService identity;
  private final AuthorizationService authorizations;

  TestIdentity(IdentityService identity, AuthorizationService authorizations) {
    this.identity = identity;
    this.authorizations = authorizations;
  }

  /**
   * One user per group and tenant; fagsystem and a sector's group for the plan API's access rules, analytiker for
   * deployments.
   */
  public static final List<String> GROUPS = List.of("visitation", "koordinator", "fagsystem",
      "sektor-beskaeftigelse", "sektor-ydelse", "sektor-sundhed", "leder", "analytiker");

  /** The network role and its one user (same id), member of no tenant: shared deployments. */
  public static final String NETWORK = "netvaerk";

  /** Network-wide roles of no municipality, one user each named like the group: the evaluator and operations. */
  public static final String EVALUATOR = "evaluering";
  public static final String OPERATIONS = "drift";

  /** The password of every test user {@code <group>.<tenant>}. */
  public static final String PASSWORD = "test-password";

  public void ensure() {
    if (identity.createUserQuery().memberOfGroup("camunda-admin").count() == 0) {
      if (identity.createGroupQuery().groupId("camunda-admin").count() == 0) {
        identity.saveGroup(identity.newGroup("camunda-admin"));
      }
      User admin = identity.newUser("admin");
      admin.setPassword(PASSWORD);
      identity.saveUser(admin);
      identity.createMembership("admin", "camunda-admin");
    }
    grantAllToAdministrators();
    for (String group : GROUPS) {
      if (identity.createGroupQuery().groupId(group).count() == 0) {
        identity.saveGroup(identity.newGroup(group));
      }
    }
    for (String role : List.of(NETWORK, EVALUATOR, OPERATIONS)) {
      if (identity.createUserQuery().userId(role).count() == 0) {
        if (identity.createGroupQuery().groupId(role).count() == 0) {
          identity.saveGroup(identity.newGroup(role));
        }
        User user = identity.newUser(role);
        user.setPassword(PASSWORD);
        identity.saveUser(user);
        identity.createMembership(role, role);
      }
    }
    for (String tenant : TENANTS) {
      if (identity.createTenantQuery().tenantId(tenant).count() == 0) {
        identity.saveTenant(identity.newTenant(tenant));
      }
      for (String group : GROUPS) {
        String userId = group + "." + tenant;
        if (identity.createUserQuery().userId(userId).count() == 0) {
          User user = identity.newUser(userId);
          user.setFirstName(group);
          user.setLastName(tenant);
          user.setEmail(group + "@" + tenant + ".kommune.example");
          user.setPassword(PASSWORD);
          identity.saveUser(user);
          identity.createMembership(userId, group);
          identity.createTenantUserMembership(tenant, userId);
        }
      }
    }
  }

  /**
   * Every permission on every resource for group camunda-admin, as the Camunda starter grants it to the administrator
   * it creates ({@code camunda.bpm.admin-user}, demo and production): an administrator can, for example, execute a
   * timer job as in Cockpit.
   */
  private void grantAllToAdministrators() {
    for (Resources resource : Resources.values()) {
      if (authorizations.createAuthorizationQuery().groupIdIn("camunda-admin").resourceType(resource).count() == 0) {
        Authorization all = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        all.setGroupId("camunda-admin");
        all.setResource(resource);
        all.setResourceId(Authorization.ANY);
        all.addPermission(Permissions.ALL);
        authorizations.saveAuthorization(all);
      }
    }
  }
}
