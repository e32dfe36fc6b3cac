package dk.enplan.security;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The gate in front of the engine's API: on {@code /engine-rest} right after HTTP Basic authentication (order 101),
 * so the engine's authentication of the caller is known; on the webapps' API, where the caller comes from the
 * session.
 */
@Configuration
class EngineApiGateRegistration {

  static final int ORDER = 103;

  @Bean
  FilterRegistrationBean<EngineApiGate> engineApiGate(EngineApiAllowList allowList, EngineApiCallers callers) {
    FilterRegistrationBean<EngineApiGate> registration =
        new FilterRegistrationBean<>(new EngineApiGate(allowList, callers));
    registration.setName("engine-api-gate");
    registration.addUrlPatterns(EngineApiGate.ENGINE_REST + "/*", EngineApiGate.WEBAPP_API + "/*");
    registration.setOrder(ORDER);
    return registration;
  }
}
