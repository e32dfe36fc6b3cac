package dk.enplan.security;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * In production the engine is not even built (so no administrator is created) unless the administrator's
 * password comes from the environment: set, not a leftover placeholder, at least 12 characters, not the user id.
 */
@Component
@Profile("prod")
class AdminPasswordRequired extends AbstractProcessEnginePlugin {

  static final int MIN_LENGTH = 12;

  private final CamundaBpmProperties properties;

  AdminPasswordRequired(CamundaBpmProperties properties) {
    this.properties = properties;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    var admin = properties.getAdminUser();
    String password = admin == null ? null : admin.getPassword();
    if (password == null || password.isBlank() || password.contains("${") || password.length() < MIN_LENGTH
        || password.equals(admin.getId())) {
      throw new IllegalStateException("Én Plan will not start in production without an administrator password: "
          + "set ENPLAN_ADMIN_PASSWORD (at least " + MIN_LENGTH + " characters, not the user id).");
    }
  }
}
