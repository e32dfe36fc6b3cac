package dk.enplan.security;

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
 * Who calls the engine's API, for the filters in front of it (the allow-list, the form check): on
 * {@code /engine-rest} the user HTTP Basic authenticated (set by the authentication filter before them), on the
 * webapps' API the user logged in to Tasklist, Cockpit or Admin (from the session, as the webapps' own
 * authentication filter reads it).
 */
@Component
public class EngineApiCallers {

  private final IdentityService identity;

  EngineApiCallers(IdentityService identity) {
    this.identity = identity;
  }

  /** The caller of this request to the engine named {@code engine}, or empty when nobody is logged in. */
  public Optional<Authentication> of(HttpServletRequest request, String engine) {
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
