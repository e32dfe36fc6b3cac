package dk.enplan.security;

import dk.enplan.process.RequestRefusedException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.http.HttpStatus;

/**
 * The administrators' endpoints under {@code /api/admin/…} (HTTP Basic, like the plan API) answer only members of
 * {@code camunda-admin}: 401 without a caller, 403 for anyone else, with a Danish message saying what is refused.
 */
public final class AdministratorsOnly {

  public static final String ADMIN_GROUP = Groups.CAMUNDA_ADMIN;

  private AdministratorsOnly() {
  }

  /**
   * Refuses the current caller unless she is an administrator ({@code what}: "ser og ophæver …"): a
   * {@link RequestRefusedException}, which {@link dk.enplan.process.ApiProblems} answers 401 or 403.
   */
  public static void require(IdentityService identity, String what) {
    Authentication caller = identity.getCurrentAuthentication();
    if (caller == null || caller.getUserId() == null) {
      throw new RequestRefusedException(HttpStatus.UNAUTHORIZED, null, "log ind med HTTP Basic");
    }
    if (caller.getGroupIds() == null || !caller.getGroupIds().contains(ADMIN_GROUP)) {
      throw new RequestRefusedException(HttpStatus.FORBIDDEN, null, "kun administratorer (gruppen " + ADMIN_GROUP
          + ") " + what);
    }
  }
}
