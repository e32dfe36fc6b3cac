package dk.enplan.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.enplan.security.LoginThrottle.Decision;
import dk.enplan.security.LoginThrottle.LoginPair;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * In front of every password check over HTTP: HTTP Basic on {@code /engine-rest} and {@code /api}, and the webapps'
 * login form ({@code POST /camunda/api/admin/auth/user/{engine}/login/{app}}). A pair of user id and source address
 * that the {@link LoginThrottle} holds back is answered 429 with Retry-After before the password is even looked at;
 * otherwise the request goes on and the outcome of the password check is counted.
 *
 * <p>The source address is {@link HttpServletRequest#getRemoteAddr()}: behind a reverse proxy it is the proxy's
 * unless {@code server.forward-headers-strategy} makes Tomcat take the client from the trusted proxy's
 * X-Forwarded-For (docs/accounts.md).
 */
class LoginThrottleFilter extends OncePerRequestFilter {

  static final Pattern WEBAPP_LOGIN = Pattern.compile("/camunda/api/admin/auth/user/[^/]+/login/[^/]+/?");
  private static final String BASIC = "basic ";

  private final LoginThrottle throttle;
  private final ObjectMapper json;

  LoginThrottleFilter(LoginThrottle throttle, ObjectMapper json) {
    this.throttle = throttle;
    this.json = json;
  }

  /**
   * The path as the servlets see it (decoded, dot segments resolved, path parameters removed), never the raw URI:
   * ".../login;x/tasklist" and ".../%6Cogin/tasklist" reach the same login.
   */
  static String servletPath(HttpServletRequest request) {
    return request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    boolean webappLogin = "POST".equals(request.getMethod())
        && WEBAPP_LOGIN.matcher(servletPath(request)).matches();
    String userId = webappLogin ? request.getParameter("username") : basicUserId(request);
    if (userId == null || userId.isEmpty()) {
      chain.doFilter(request, response);
      return;
    }
    LoginPair pair = new LoginPair(userId, LoginThrottle.source(request.getRemoteAddr()));
    Decision decision = throttle.check(pair);
    if (!decision.allowed()) {
      refuse(response, decision);
      return;
    }
    chain.doFilter(request, response);
    Boolean passwordRight = webappLogin ? webappOutcome(response.getStatus())
        : (Boolean) request.getAttribute(LoginRecordingAuthenticationProvider.PASSWORD_CHECKED);
    if (Boolean.TRUE.equals(passwordRight)) {
      throttle.succeeded(pair);
    } else if (Boolean.FALSE.equals(passwordRight)) {
      throttle.failed(pair);
    }
  }

  /** The webapps' login answers 200 for the right password and 401 for a wrong one; anything else says nothing. */
  private static Boolean webappOutcome(int status) {
    return status == 200 ? Boolean.TRUE : status == 401 ? Boolean.FALSE : null;
  }

  /** The user id of an HTTP Basic header, split as Camunda splits it (at the first colon), or null. */
  static String basicUserId(HttpServletRequest request) {
    String header = request.getHeader("Authorization");
    if (header == null || header.length() <= BASIC.length()
        || !header.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
      return null;
    }
    try {
      String decoded = new String(Base64.getDecoder().decode(header.substring(BASIC.length()).trim()),
          StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      return colon < 0 ? null : decoded.substring(0, colon);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private void refuse(HttpServletResponse response, Decision decision) throws IOException {
    long seconds = Math.max(1, (decision.retryAfter().toMillis() + 999) / 1000);
    response.setStatus(429);
    response.setHeader("Retry-After", Long.toString(seconds));
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    String message = (decision.locked()
        ? "Login for denne bruger er spærret fra din adresse efter for mange forkerte adgangskoder. "
        : "For mange forkerte adgangskoder for denne bruger fra din adresse. ")
        + "Prøv igen om " + seconds + " sekunder, eller kontakt en administrator.";
    json.writeValue(response.getWriter(), Map.of("type", "LoginThrottled", "message", message));
  }
}
