package dk.enplan.form;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.stereotype.Component;

/**
 * Who submits: on {@code /engine-rest} the user HTTP Basic authenticated (set by the authentication filter before
 * this one), on the webapps' engine API the user logged in to Tasklist (from the session, as the webapps' own
 * authentication filter reads it).
 */
@Component
class Callers {

  private final IdentityService identity;

  Callers(IdentityService identity) {
    this.identity = identity;
  }

  Optional<Authentication> of(HttpServletRequest request, String engine) {
    Authentication current = identity.getCurrentAuthentication();
    if (current != null) {
      return Optional.of(current);
    }
    HttpSession session = request.getSession(false);
    if (session == null) {
      return Optional.empty();
    }
    Authentications logins = AuthenticationUtil.getAuthsFromSession(session);
    if (logins != null && logins.getAuthenticationForProcessEngine(engine) instanceof UserAuthentication user) {
      return Optional.of(new Authentication(user.getIdentityId(), user.getGroupIds(), user.getTenantIds()));
    }
    return Optional.empty();
  }
}
