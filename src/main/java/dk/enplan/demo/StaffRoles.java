package dk.enplan.demo;

import dk.enplan.names.GroupNames;
import dk.enplan.sector.Sector;
import dk.enplan.sector.SectorCatalog;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.authorization.Groups;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The groups of Én Plan: the fixed roles and one {@code sektor-<key>} group per configured sector, each staffed in a
 * municipality; and the network-wide roles, members of no municipality.
 */
@Component
@Profile("demo")
class StaffRoles {

  private static final List<StaffRole> FIXED = List.of(
      new StaffRole(GroupNames.VISITATION, "Visitationen", Groups.GROUP_TYPE_WORKFLOW, "Visitator"),
      new StaffRole(GroupNames.COORDINATOR, "Koordinerende kontaktpersoner", Groups.GROUP_TYPE_WORKFLOW, "Koordinator"),
      new StaffRole(GroupNames.MANAGER, "Ledere", Groups.GROUP_TYPE_WORKFLOW, "Leder"),
      new StaffRole(GroupNames.ANALYST, "Analytikere", Groups.GROUP_TYPE_WORKFLOW, "Analytiker"),
      new StaffRole(GroupNames.SPECIALIST_SYSTEM, "Fagsystemer", Groups.GROUP_TYPE_SYSTEM, "Fagsystem"));

  /**
   * Network-wide roles, one demo user each named like the group and a member of no tenant: {@code netvaerk}
   * (network-wide KPIs, shared model deployments), {@code evaluering} (the pseudonymised export) and {@code drift}
   * (operations: health and metrics under /actuator, docs/operations.md).
   */
  private static final List<StaffRole> NETWORK = List.of(
      new StaffRole(GroupNames.NETWORK, "Netværket", Groups.GROUP_TYPE_WORKFLOW, "Netværkskoordinator"),
      new StaffRole(GroupNames.EVALUATOR, "Evaluering", Groups.GROUP_TYPE_WORKFLOW, "Evaluator"),
      new StaffRole(GroupNames.OPERATIONS, "Drift", Groups.GROUP_TYPE_SYSTEM, "Driftsovervågning"));

  private final SectorCatalog sectors;

  StaffRoles(SectorCatalog sectors) {
    this.sectors = sectors;
  }

  List<StaffRole> all() {
    List<StaffRole> roles = new ArrayList<>(FIXED);
    sectors.all().forEach(sector -> roles.add(sectorRole(sector)));
    return roles;
  }

  List<StaffRole> network() {
    return NETWORK;
  }

  private static StaffRole sectorRole(Sector sector) {
    return new StaffRole(sector.group(), "Sektor: " + sector.name(), Groups.GROUP_TYPE_WORKFLOW,
        "Sagsbehandler, " + sector.name());
  }
}
