package dk.enplan.form;

import dk.enplan.security.EngineApiCallers;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers {@link FormSubmissionFilter} on both engine APIs, after the authentication (101) and the allow-list
 * (103), before the engine.
 */
@Configuration
class FormSubmissionFilterRegistration {

  static final int ORDER = 104;

  @Bean
  FilterRegistrationBean<FormSubmissionFilter> formSubmissionFilter(EngineApiCallers callers, SubmissionTargets targets,
                                                                    FormSubmissionCheck check) {
    FilterRegistrationBean<FormSubmissionFilter> registration =
        new FilterRegistrationBean<>(new FormSubmissionFilter(callers, targets, check));
    registration.setName("form-submission");
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
    registration.setOrder(ORDER);
    return registration;
  }
}
