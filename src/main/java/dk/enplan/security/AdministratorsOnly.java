package dk.enplan.security;

import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The administrators' endpoints under {@code /api/admin/…} (HTTP Basic, like the plan API) answer only members of
 * {@code camunda-admin}: 401 without a caller, 403 for anyone else, with a Danish message saying what is refused.
 */
public final class AdministratorsOnly {

  public static final String ADMIN_GROUP = Groups.CAMUNDA_ADMIN;

  private AdministratorsOnly() {
  }

  /** The refusal for the current caller, or empty if she is an administrator; {@code what}: "ser og ophæver …". */
  public static Optional<ResponseEntity<Map<String, String>>> refusal(IdentityService identity, String what) {
    Authentication caller = identity.getCurrentAuthentication();
    if (caller == null || caller.getUserId() == null) {
      return Optional.of(error(HttpStatus.UNAUTHORIZED, null, "log ind med HTTP Basic"));
    }
    if (caller.getGroupIds() == null || !caller.getGroupIds().contains(ADMIN_GROUP)) {
      return Optional.of(error(HttpStatus.FORBIDDEN, null, "kun administratorer (gruppen " + ADMIN_GROUP + ") "
          + what));
    }
    return Optional.empty();
  }

  /** An error as JSON: {@code {"field": …, "message": …}} (no field when no single input is to blame). */
  public static ResponseEntity<Map<String, String>> error(HttpStatus status, String field, String message) {
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
        .body(field == null ? Map.of("message", message) : Map.of("field", field, "message", message));
  }
}
