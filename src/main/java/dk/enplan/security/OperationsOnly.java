package dk.enplan.security;

import dk.enplan.process.ApiProblems;
import org.springframework.http.HttpStatus;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.enplan.names.GroupNames;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The operations endpoints under {@code /actuator} (health and Prometheus metrics, docs/operations.md) answer only the
 * operations group {@code drift} and administrators ({@code camunda-admin}). The caller was authenticated by HTTP
 * Basic just before ({@link EngineRestAuthentication}, order 103; no caller: 401 there); anyone else gets 403 here,
 * before Spring Boot Actuator sees the request.
 */
@Configuration
class OperationsOnly {

  static final String ACTUATOR = "/actuator";
  public static final String OPERATIONS_GROUP = GroupNames.OPERATIONS;
  static final List<String> GROUPS = List.of(OPERATIONS_GROUP, AdministratorsOnly.ADMIN_GROUP);

  @Bean
  FilterRegistrationBean<GroupCheck> operationsOnlyFilter(IdentityService identity, ObjectMapper json) {
    FilterRegistrationBean<GroupCheck> registration = new FilterRegistrationBean<>(new GroupCheck(identity, json));
    registration.setName("operations-only");
    registration.addUrlPatterns(ACTUATOR + "/*");
    registration.setOrder(104);
    return registration;
  }

  static final class GroupCheck extends OncePerRequestFilter {

    private final IdentityService identity;
    private final ObjectMapper json;

    GroupCheck(IdentityService identity, ObjectMapper json) {
      this.identity = identity;
      this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      Authentication caller = identity.getCurrentAuthentication();
      List<String> groups = caller == null || caller.getGroupIds() == null ? List.of() : caller.getGroupIds();
      if (caller == null || caller.getUserId() == null) {
        ApiProblems.write(response, json, HttpStatus.UNAUTHORIZED, null, "log ind med HTTP Basic");
      } else if (GROUPS.stream().noneMatch(groups::contains)) {
        ApiProblems.write(response, json, HttpStatus.FORBIDDEN, null,
            "sundhed og målinger kan kun ses af grupperne " + String.join(" og ", GROUPS));
      } else {
        chain.doFilter(request, response);
      }
    }
  }
}
