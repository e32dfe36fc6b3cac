package dk.enplan.demo;

import dk.enplan.municipality.Municipality;
import dk.enplan.municipality.MunicipalityCatalog;
import java.util.Objects;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo identities: every municipality as a Camunda tenant, every group of Én Plan, and in each staffed
 * municipality one user per group ({@code <group>.<tenant>}), member of that group and that tenant only. Creates
 * only what is missing, so it can run on every start against a database that survives restarts. The network-wide
 * roles ({@code netvaerk}, {@code evaluering}) get one user each, named like the group and a member of no tenant.
 */
@Component
@Profile("demo")
@Order(DemoIdentity.ORDER)
class DemoIdentity implements ApplicationRunner {

  static final int ORDER = 1;
  private static final Logger LOG = LoggerFactory.getLogger(DemoIdentity.class);

  private final IdentityService identity;
  private final MunicipalityCatalog municipalities;
  private final StaffRoles roles;
  private final DemoProperties demo;
  private final String adminId;

  DemoIdentity(IdentityService identity, MunicipalityCatalog municipalities, StaffRoles roles, DemoProperties demo,
               @Value("${camunda.bpm.admin-user.id:}") String adminId) {
    this.identity = identity;
    this.municipalities = municipalities;
    this.roles = roles;
    this.demo = demo;
    this.adminId = adminId;
  }

  @Override
  public void run(ApplicationArguments args) {
    municipalities.all().forEach(this::ensureTenant);
    roles.all().forEach(this::ensureGroup);
    roles.network().forEach(this::ensureGroup);
    demo.staffedMunicipalities().forEach(this::staff);
    roles.network().forEach(this::ensureNetworkMember);
    ensureAdminIsCamundaAdmin();
  }

  private void ensureTenant(Municipality municipality) {
    if (identity.createTenantQuery().tenantId(municipality.tenant()).count() == 0) {
      Tenant tenant = identity.newTenant(municipality.tenant());
      tenant.setName(municipality.name());
      identity.saveTenant(tenant);
      LOG.info("Demo: created tenant {} ({})", municipality.tenant(), municipality.name());
    }
  }

  private void ensureGroup(StaffRole role) {
    if (identity.createGroupQuery().groupId(role.groupId()).count() == 0) {
      Group group = identity.newGroup(role.groupId());
      group.setName(role.groupName());
      group.setType(role.groupType());
      identity.saveGroup(group);
      LOG.info("Demo: created group {} ({})", role.groupId(), role.groupName());
    }
  }

  private void staff(String tenant) {
    Municipality municipality = municipalities.byTenant(tenant).orElseThrow(() -> new IllegalStateException(
        "enplan.demo.staffed-municipalities names an unknown municipality: " + tenant));
    roles.all().forEach(role -> ensureStaffMember(role, municipality));
  }

  private void ensureStaffMember(StaffRole role, Municipality municipality) {
    String userId = role.userIdIn(municipality.tenant());
    if (identity.createUserQuery().userId(userId).count() == 0) {
      User user = identity.newUser(userId);
      user.setFirstName(role.roleName());
      user.setLastName(municipality.name());
      user.setPassword(demo.password());
      identity.saveUser(user);
      LOG.info("Demo: created user {}", userId);
    }
    demo.person(userId).ifPresent(this::ensureNamed);
    if (identity.createUserQuery().userId(userId).memberOfGroup(role.groupId()).count() == 0) {
      identity.createMembership(userId, role.groupId());
    }
    if (identity.createTenantQuery().userMember(userId).tenantId(municipality.tenant()).count() == 0) {
      identity.createTenantUserMembership(municipality.tenant(), userId);
    }
  }

  /** Gives a demo user the name and e-mail configured for them, also in a database from before they were set. */
  private void ensureNamed(DemoProperties.Person person) {
    User user = identity.createUserQuery().userId(person.user()).singleResult();
    if (!Objects.equals(user.getFirstName(), person.firstName()) || !Objects.equals(user.getLastName(),
        person.lastName()) || !Objects.equals(user.getEmail(), person.email())) {
      user.setFirstName(person.firstName());
      user.setLastName(person.lastName());
      user.setEmail(person.email());
      identity.saveUser(user);
      LOG.info("Demo: {} is {} {}", person.user(), person.firstName(), person.lastName());
    }
  }

  private void ensureNetworkMember(StaffRole role) {
    String userId = role.groupId();
    if (identity.createUserQuery().userId(userId).count() == 0) {
      User user = identity.newUser(userId);
      user.setFirstName(role.roleName());
      user.setLastName("Netværket");
      user.setPassword(demo.password());
      identity.saveUser(user);
      LOG.info("Demo: created user {}", userId);
    }
    if (identity.createUserQuery().userId(userId).memberOfGroup(role.groupId()).count() == 0) {
      identity.createMembership(userId, role.groupId());
    }
  }

  /** The Camunda starter creates the administrator in group camunda-admin; this only repairs a missing membership. */
  private void ensureAdminIsCamundaAdmin() {
    if (adminId.isBlank() || identity.createUserQuery().userId(adminId).count() == 0) {
      LOG.warn("Demo: no administrator user '{}' found; set camunda.bpm.admin-user", adminId);
      return;
    }
    if (identity.createGroupQuery().groupId(Groups.CAMUNDA_ADMIN).count() == 0) {
      Group group = identity.newGroup(Groups.CAMUNDA_ADMIN);
      group.setName("Camunda-administratorer");
      group.setType(Groups.GROUP_TYPE_SYSTEM);
      identity.saveGroup(group);
    }
    if (identity.createUserQuery().userId(adminId).memberOfGroup(Groups.CAMUNDA_ADMIN).count() == 0) {
      identity.createMembership(adminId, Groups.CAMUNDA_ADMIN);
      LOG.info("Demo: made {} a member of {}", adminId, Groups.CAMUNDA_ADMIN);
    }
  }
}
