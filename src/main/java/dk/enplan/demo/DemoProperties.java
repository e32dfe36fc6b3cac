package dk.enplan.demo;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Profile;

/**
 * Demo mode settings ({@code enplan.demo}): the one password of every demo user and the municipalities that get a
 * full staff of demo users.
 */
@Profile("demo")
@ConfigurationProperties("enplan.demo")
record DemoProperties(String password, List<String> staffedMunicipalities) {

  DemoProperties {
    if (password == null || password.isBlank()) {
      throw new IllegalStateException("enplan.demo.password must be set in demo mode");
    }
    staffedMunicipalities = staffedMunicipalities == null ? List.of() : List.copyOf(staffedMunicipalities);
  }
}
