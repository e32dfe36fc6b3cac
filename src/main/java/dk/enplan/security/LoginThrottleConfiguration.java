package dk.enplan.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The login throttle in front of every password check: before the authentication filters of {@code /engine-rest}
 * (order 101), {@code /api} (102) and {@code /actuator} (103), and before the webapps' login resource.
 */
@Configuration
class LoginThrottleConfiguration {

  static final int ORDER = 100;

  @Bean
  FilterRegistrationBean<LoginThrottleFilter> loginThrottleFilter(LoginThrottle throttle, ObjectMapper json) {
    FilterRegistrationBean<LoginThrottleFilter> registration =
        new FilterRegistrationBean<>(new LoginThrottleFilter(throttle, json));
    registration.setName("login-throttle");
    registration.addUrlPatterns("/engine-rest/*", "/api/*", "/actuator/*", "/camunda/api/admin/auth/user/*");
    registration.setOrder(ORDER);
    return registration;
  }
}
