package dk.enplan.security;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import dk.enplan.names.GroupNames;
import dk.enplan.sector.Sector;
import dk.enplan.sector.SectorCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.springframework.stereotype.Component;

/**
 * Who may do what, with Camunda's authorization switched on. Tasks need no grant here: the engine gives a task's
 * assignee and candidate groups access to that task only, so a sector sees its own tasks and not another sector's.
 * Tenant membership limits everything further to the caseworker's municipality. Created at every start, idempotent.
 *
 * <ul>
 *   <li>every caseworker group: Tasklist, reading process and decision definitions (forms, diagrams), users and
 *       groups (names in Tasklist);
 *   <li>{@code visitation}, {@code koordinator}, {@code fagsystem}: start a course;
 *   <li>{@code leder}: Cockpit, read courses and their tasks, also the tasks' history (of their municipality);
 *   <li>{@code analytiker}: Cockpit, read courses and their tasks' history, deploy models;
 *   <li>{@code netvaerk}: deploy shared models (no tenant), read definitions (docs/deployment-rules.md); Cockpit,
 *       for the network-wide KPIs on its Én Plan page (no course of any municipality: no process instance grant).
 * </ul>
 */
@Component
class AccessPolicy extends AbstractProcessEnginePlugin {

  static final String VISITATION = GroupNames.VISITATION;
  static final String COORDINATOR = GroupNames.COORDINATOR;
  static final String MANAGER = GroupNames.MANAGER;
  static final String ANALYST = GroupNames.ANALYST;
  static final String SPECIALIST_SYSTEM = GroupNames.SPECIALIST_SYSTEM;
  static final String NETWORK = GroupNames.NETWORK;
  static final String COURSE_PROCESS = EngineApiAllowList.COURSE_PROCESS_KEY;

  private final SectorCatalog sectors;

  AccessPolicy(SectorCatalog sectors) {
    this.sectors = sectors;
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    AuthorizationService authorizations = engine.getAuthorizationService();
    long revokes = authorizations.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_REVOKE)
        .count();
    if (revokes > 0) {
      throw new IllegalStateException(revokes + " revoke authorizations in ACT_RU_AUTHORIZATION: the engine is"
          + " configured not to check revokes (authorization-check-revokes: never, docs/security.md); remove them"
          + " (and the grants they were meant to limit) before starting");
    }
    for (String group : caseworkerGroups()) {
      grant(authorizations, group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
      grant(authorizations, group, Resources.PROCESS_DEFINITION, ANY, Permissions.READ);
      grant(authorizations, group, Resources.DECISION_DEFINITION, ANY, Permissions.READ);
      grant(authorizations, group, Resources.USER, ANY, Permissions.READ);
      grant(authorizations, group, Resources.GROUP, ANY, Permissions.READ);
    }
    for (String group : List.of(VISITATION, COORDINATOR, SPECIALIST_SYSTEM)) {
      grant(authorizations, group, Resources.PROCESS_DEFINITION, ANY, Permissions.CREATE_INSTANCE);
      grant(authorizations, group, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
    }
    for (String group : List.of(MANAGER, ANALYST)) {
      grant(authorizations, group, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
      grant(authorizations, group, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
      grant(authorizations, group, Resources.TASK, ANY, Permissions.READ);
      // Cockpit's "Brugeropgaver" counts the open tasks by assignment from the task history: without this it
      // showed 0 (docs/webapps.md). The tasks' history only (not variables); the tenant check applies as ever.
      grant(authorizations, group, Resources.HISTORIC_TASK, ANY, HistoricTaskPermissions.READ);
    }
    grant(authorizations, ANALYST, Resources.DEPLOYMENT, ANY, Permissions.CREATE, Permissions.READ);
    // Course events (AendredeForhold, Klage, …) by message: correlating one updates the course. What else that
    // permission would allow over REST (variables, modification) the engine API's allow-list refuses.
    for (String group : List.of(COORDINATOR, SPECIALIST_SYSTEM)) {
      grant(authorizations, group, Resources.PROCESS_DEFINITION, COURSE_PROCESS, Permissions.UPDATE_INSTANCE);
    }
    grant(authorizations, NETWORK, Resources.DEPLOYMENT, ANY, Permissions.CREATE, Permissions.READ);
    grant(authorizations, NETWORK, Resources.PROCESS_DEFINITION, ANY, Permissions.READ);
    grant(authorizations, NETWORK, Resources.DECISION_DEFINITION, ANY, Permissions.READ);
    grant(authorizations, NETWORK, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
  }

  private List<String> caseworkerGroups() {
    List<String> groups = new ArrayList<>(List.of(VISITATION, COORDINATOR, MANAGER, ANALYST, SPECIALIST_SYSTEM));
    sectors.all().stream().map(Sector::group).forEach(groups::add);
    return groups;
  }

  private static void grant(AuthorizationService authorizations, String group, Resource resource, String resourceId,
                            Permission... permissions) {
    Authorization existing = authorizations.createAuthorizationQuery().groupIdIn(group).resourceType(resource)
        .resourceId(resourceId).singleResult();
    Authorization grant = existing != null ? existing : authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
    grant.setGroupId(group);
    grant.setResource(resource);
    grant.setResourceId(resourceId);
    Stream.of(permissions).forEach(grant::addPermission);
    authorizations.saveAuthorization(grant);
  }
}
