package dk.enplan.security;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The REST APIs ({@code /engine-rest}, the plan API {@code /api} and the operations endpoints {@code /actuator},
 * which {@link OperationsOnly} further restricts to its groups) answer only authenticated callers: HTTP Basic
 * against the Camunda identity service. The engine then sees the caller's groups and tenants, so tenant isolation
 * applies to REST as well, and the plan API reads the caller from {@code IdentityService#getCurrentAuthentication}.
 */
@Configuration
class EngineRestAuthentication {

  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthenticationFilter() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("engine-rest-authentication");
    registration.addUrlPatterns("/engine-rest/*");
    registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        LoginRecordingAuthenticationProvider.class.getName());
    registration.setOrder(101);
    return registration;
  }

  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> planApiAuthenticationFilter() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("plan-api-authentication");
    registration.addUrlPatterns("/api/*");
    registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        LoginRecordingAuthenticationProvider.class.getName());
    registration.setOrder(102);
    return registration;
  }

  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> actuatorAuthenticationFilter() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("actuator-authentication");
    registration.addUrlPatterns(OperationsOnly.ACTUATOR + "/*");
    registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        LoginRecordingAuthenticationProvider.class.getName());
    registration.setOrder(103);
    return registration;
  }
}
