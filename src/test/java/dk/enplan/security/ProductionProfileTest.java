package dk.enplan.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.enplan.EnPlanApplication;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The production profile: no start without an administrator password from the environment, and no demo data. */
class ProductionProfileTest {

  private static SpringApplicationBuilder production(String database, String... properties) {
    return new SpringApplicationBuilder(EnPlanApplication.class).profiles("prod")
        .properties("ENPLAN_DB_URL=jdbc:h2:mem:" + database + ";DB_CLOSE_DELAY=-1",
            "camunda.bpm.job-execution.enabled=false", "server.port=0",
            "camunda.bpm.process-engine-name=" + database)
        .properties(properties);
  }

  @Test
  void refusesToStartWithoutAnAdministratorPassword() {
    assertThatThrownBy(() -> production("prod-no-password").run().close())
        .rootCause().hasMessageContaining("set ENPLAN_ADMIN_PASSWORD");
    assertThatThrownBy(() -> production("prod-short-password", "ENPLAN_ADMIN_PASSWORD=demo").run().close())
        .rootCause().hasMessageContaining("at least 12 characters");
  }

  @Test
  void startsWithAPasswordFromTheEnvironmentAndCreatesNoDemoData() {
    try (ConfigurableApplicationContext app =
             production("prod-ok", "ENPLAN_ADMIN_PASSWORD=a-long-secret-from-vault").run()) {
      ProcessEngine engine = app.getBean(ProcessEngine.class);
      assertThat(engine.getIdentityService().createUserQuery().list()).extracting(u -> u.getId())
          .containsExactly("admin");
      assertThat(engine.getIdentityService().checkPassword("admin", "a-long-secret-from-vault")).isTrue();
      assertThat(engine.getIdentityService().createTenantQuery().count()).isZero();
      assertThat(engine.getRuntimeService().createProcessInstanceQuery().count()).isZero();
      assertThat(engine.getFilterService().createFilterQuery().count()).isZero();
    }
  }
}
