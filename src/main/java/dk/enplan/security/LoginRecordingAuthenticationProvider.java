package dk.enplan.security;

import jakarta.servlet.http.HttpServletRequest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;

/**
 * Camunda's HTTP Basic authentication that also leaves its verdict on the request, for {@link LoginThrottleFilter}:
 * the throttle counts only what the password check itself said, never a status code some other filter may have
 * answered without checking the password. Instantiated by Camunda's authentication filter (public, no arguments).
 */
public class LoginRecordingAuthenticationProvider extends HttpBasicAuthenticationProvider {

  /** Request attribute: {@link Boolean#TRUE} if the password was right, {@link Boolean#FALSE} if it was checked and wrong. */
  static final String PASSWORD_CHECKED = LoginRecordingAuthenticationProvider.class.getName() + ".passwordRight";

  @Override
  public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
    AuthenticationResult result = super.extractAuthenticatedUser(request, engine);
    if (result.isAuthenticated() || result.getAuthenticatedUser() != null) {
      request.setAttribute(PASSWORD_CHECKED, result.isAuthenticated());
    }
    return result;
  }
}
