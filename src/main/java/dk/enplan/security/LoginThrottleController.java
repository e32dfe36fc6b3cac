package dk.enplan.security;

import dk.enplan.process.RequestRefusedException;
import dk.enplan.security.LoginThrottle.LoginPair;
import dk.enplan.security.LoginThrottle.ThrottledLogin;
import io.swagger.v3.oas.annotations.Hidden;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * For administrators (group {@code camunda-admin}), over HTTP Basic like the plan API: the pairs of user id and
 * source address this node delays or locks ({@code GET /api/admin/login-throttle}), and lifting one
 * ({@code DELETE /api/admin/login-throttle?userId=…&source=…}). Not part of the plan API's published document.
 */
@Hidden
@RestController
class LoginThrottleController {

  static final String PATH = "/api/admin/login-throttle";

  private final LoginThrottle throttle;
  private final IdentityService identity;

  LoginThrottleController(LoginThrottle throttle, IdentityService identity) {
    this.throttle = throttle;
    this.identity = identity;
  }

  @GetMapping(value = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<?> throttled() {
    AdministratorsOnly.require(identity, "ser og ophæver spærrede logins");
    List<ThrottledLogin> pairs = throttle.throttled();
    return ResponseEntity.ok(Map.of("throttled", pairs, "trackedPairs", throttle.trackedPairs()));
  }

  @DeleteMapping(PATH)
  ResponseEntity<?> lift(@RequestParam(required = false) String userId,
                         @RequestParam(required = false) String source) {
    AdministratorsOnly.require(identity, "ser og ophæver spærrede logins");
    if (userId == null || userId.isBlank()) {
      return error(HttpStatus.BAD_REQUEST, "userId", "userId: mangler; angiv brugerens id");
    }
    if (source == null || source.isBlank()) {
      return error(HttpStatus.BAD_REQUEST, "source", "source: mangler; angiv adressen som vist i listen");
    }
    return throttle.lift(new LoginPair(userId, source)).<ResponseEntity<?>>map(pair -> ResponseEntity.noContent()
        .build()).orElseGet(() -> error(HttpStatus.NOT_FOUND, "source",
            "source: brugeren " + userId + " er ikke forsinket eller spærret fra " + source));
  }

  private static ResponseEntity<?> error(HttpStatus status, String field, String message) {
    throw new RequestRefusedException(status, field, message);
  }
}
