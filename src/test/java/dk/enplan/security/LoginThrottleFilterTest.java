package dk.enplan.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The webapps' login is counted by the path the servlets see, so a login sent as {@code …/login;x/tasklist} or with
 * an encoded segment (the same login to Camunda) is throttled like any other.
 */
class LoginThrottleFilterTest {

  @Test
  void aLoginWithAPathParameterIsCountedAndThrottled() throws Exception {
    LoginThrottleFilter filter = new LoginThrottleFilter(new LoginThrottle(Clock.systemUTC(),
        LoginThrottleRules.DEFAULT), new ObjectMapper());
    int lastStatus = 0;
    int passedOn = 0;
    for (int attempt = 1; attempt <= LoginThrottleRules.DEFAULT.freeFailures() + 1; attempt++) {
      MockHttpServletRequest request = new MockHttpServletRequest("POST",
          "/camunda/api/admin/auth/user/default/login;x=1/tasklist");
      request.setServletPath("/camunda/api/admin");
      request.setPathInfo("/auth/user/default/login/tasklist");
      request.setRemoteAddr("127.0.0.9");
      request.addParameter("username", "koordinator.allerod");
      MockHttpServletResponse response = new MockHttpServletResponse();
      int[] chained = {0};
      filter.doFilter(request, response, (req, res) -> {
        chained[0]++;
        ((jakarta.servlet.http.HttpServletResponse) res).setStatus(401);
      });
      passedOn += chained[0];
      lastStatus = response.getStatus();
    }
    assertThat(passedOn).isEqualTo(LoginThrottleRules.DEFAULT.freeFailures());
    assertThat(lastStatus).as("the attempt after the free failures is delayed").isEqualTo(429);
  }
}
