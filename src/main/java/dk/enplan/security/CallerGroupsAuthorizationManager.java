package dk.enplan.security;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.impl.db.DbEntity;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;

/**
 * Camunda's authorization manager without one query per request. Before its first authorization check in a command
 * the engine narrows the caller's groups to those that occur in {@code ACT_RU_AUTHORIZATION}, with
 * {@code SELECT DISTINCT GROUP_ID_} over the whole table. That table holds a row per task and candidate group (the
 * engine's grant to the group), so in a network with 100,000 waiting courses every Tasklist request read 100,000
 * index entries first (7 ms of the first page on PostgreSQL, docs/benchmarks.md). The narrowing only shortens the
 * {@code IN} list of groups in the check, which matters for callers with hundreds of groups; a group that has no
 * authorization matches no row, so the check answers the same with the caller's groups as they are. Our
 * caseworkers have one to three.
 *
 * <p>And without revoke authorizations: access is only ever granted here ({@link AccessPolicy}, the engine's grants
 * to a task's assignee and candidate groups), so the engine is configured not to look for revokes before every
 * authorized query ({@code authorization-check-revokes: never}, six statements a Tasklist page), and a revoke is
 * refused when it is created or a grant turned into one; {@link AccessPolicy} refuses to start on a database that
 * holds one.
 */
class CallerGroupsAuthorizationManager extends AuthorizationManager {

  @Override
  public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
    return authenticatedGroupIds == null ? new ArrayList<>() : new ArrayList<>(authenticatedGroupIds);
  }

  static final String NO_REVOKES = "Én Plan bruger ikke afvisende tilladelser (REVOKE): adgang gives kun med"
      + " tilladelser (GRANT). Fjern i stedet den tilladelse, der giver adgangen.";

  @Override
  public void insert(DbEntity authorization) {
    refuseRevoke(authorization);
    super.insert(authorization);
  }

  @Override
  public void update(AuthorizationEntity authorization) {
    refuseRevoke(authorization);
    super.update(authorization);
  }

  private static void refuseRevoke(DbEntity authorization) {
    if (authorization instanceof AuthorizationEntity entity
        && entity.getAuthorizationType() == Authorization.AUTH_TYPE_REVOKE) {
      throw new BadUserRequestException(NO_REVOKES);
    }
  }
}
