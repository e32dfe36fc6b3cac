package dk.enplan.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.enplan.EnPlanApplication;
import dk.enplan.testing.CourseEngineTest;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The production profile: no start without a database, an administrator password and a CPR key from the
 * environment, no demo data, and the engine's tables from Flyway.
 * <p>After every test on the shared web context ({@code @Order}): it starts whole applications with Camunda's webapps
 * in this JVM, and the shared context's webapps answered with empty lists after it had run (Tasklist's start dialog
 * and user picker in {@code EngineApiAttackIT}, when Failsafe's order first put this class before it). Before the
 * PostgreSQL tests, which start their own applications.
 */
@Order(Integer.MAX_VALUE - 3)
@Tag(CourseEngineTest.AFTER_SHARED_CONTEXT)
class ProductionProfileIT {

  /** A command-line argument: it outranks application.yaml, unlike the builder's default properties. */
  private static final String RANDOM_PORT = "--server.port=0";

  /** A valid key for these tests only (32 bytes, base64); production takes its own from ENPLAN_CPR_KEY. */
  private static final String CPR_KEY = "ENPLAN_CPR_KEY=cHJvZHVjdGlvbi1wcm9maWxlLXRlc3Qta2V5LTMyYnk=";

  /** The same for the evaluator's pseudonyms (ENPLAN_EXPORT_SECRET). */
  private static final String EXPORT_SECRET = "ENPLAN_EXPORT_SECRET=cHJvZHVjdGlvbi1wcm9maWxlLWV4cG9ydC1zZWNyZXQ=";

  private static SpringApplicationBuilder production(String database, String... properties) {
    return new SpringApplicationBuilder(EnPlanApplication.class).profiles("prod")
        .properties("ENPLAN_DB_URL=jdbc:h2:mem:" + database + ";DB_CLOSE_DELAY=-1", "ENPLAN_DB_USER=sa",
            "camunda.bpm.job-execution.enabled=false",
            "camunda.bpm.process-engine-name=" + database.replace("-", ""), CPR_KEY, EXPORT_SECRET)
        .properties(properties);
  }

  @Test
  void refusesToStartWithoutAnAdministratorPassword() {
    assertThatThrownBy(() -> production("prod-no-password").run(RANDOM_PORT).close())
        .rootCause().hasMessageContaining("set ENPLAN_ADMIN_PASSWORD");
    assertThatThrownBy(() -> production("prod-short-password", "ENPLAN_ADMIN_PASSWORD=demo").run(RANDOM_PORT).close())
        .rootCause().hasMessageContaining("at least 12 characters");
  }

  @Test
  void refusesToStartWithoutAValidCprKey() {
    String password = "ENPLAN_ADMIN_PASSWORD=a-long-secret-from-vault";
    assertThatThrownBy(() -> production("prod-no-cpr-key", password, "ENPLAN_CPR_KEY=").run(RANDOM_PORT).close())
        .rootCause().hasMessageContaining("will not start without a key for CPR numbers")
        .hasMessageContaining("ENPLAN_CPR_KEY");
    assertThatThrownBy(() -> production("prod-short-cpr-key", password, "ENPLAN_CPR_KEY=c2hvcnQta2V5").run(RANDOM_PORT).close())
        .rootCause().hasMessageContaining("must be 32 bytes (AES-256) after base64 decoding, not 9")
        .hasMessageNotContaining("c2hvcnQta2V5");
  }

  @Test
  void refusesToStartWithoutADatabaseFromTheEnvironment() {
    String password = "ENPLAN_ADMIN_PASSWORD=a-long-secret-from-vault";
    SpringApplicationBuilder noDatabase = new SpringApplicationBuilder(EnPlanApplication.class).profiles("prod")
        .properties("camunda.bpm.job-execution.enabled=false", "camunda.bpm.process-engine-name=prodnodb", CPR_KEY,
            EXPORT_SECRET, password);
    // The unresolved ${ENPLAN_DB_URL} reaches the pool as it is: no H2 file is created in its place.
    assertThatThrownBy(() -> noDatabase.run(RANDOM_PORT).close()).rootCause()
        .hasMessageContaining("'url' must start with \"jdbc\"");
  }

  @Test
  void refusesToStartWithoutAnExportSecret() {
    String password = "ENPLAN_ADMIN_PASSWORD=a-long-secret-from-vault";
    assertThatThrownBy(() -> production("prod-no-export-secret", password, "ENPLAN_EXPORT_SECRET=").run(RANDOM_PORT)
        .close()).rootCause().hasMessageContaining("set ENPLAN_EXPORT_SECRET");
  }

  @Test
  void startsWithAPasswordFromTheEnvironmentAndCreatesNoDemoData() {
    try (ConfigurableApplicationContext app =
             production("prod-ok", "ENPLAN_ADMIN_PASSWORD=a-long-secret-from-vault").run(RANDOM_PORT)) {
      ProcessEngine engine = app.getBean(ProcessEngine.class);
      assertThat(engine.getIdentityService().createUserQuery().list()).extracting(u -> u.getId())
          .containsExactly("admin");
      assertThat(engine.getIdentityService().checkPassword("admin", "a-long-secret-from-vault")).isTrue();
      assertThat(engine.getIdentityService().createTenantQuery().count()).isZero();
      assertThat(engine.getRuntimeService().createProcessInstanceQuery().count()).isZero();
      assertThat(engine.getFilterService().createFilterQuery().count()).isZero();
      assertThat(new JdbcTemplate(app.getBean(DataSource.class)).queryForList("select \"version\" || ' ' || \"type\" "
          + "from \"enplan_camunda_schema_history\" where \"version\" is not null", String.class))
          .as("the engine's tables from Flyway, not from the engine's schema-update").contains("7.24.0 JDBC")
          .doesNotContain("7.24.0 BASELINE");
      assertThat(((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDatabaseSchemaUpdate())
          .isEqualTo("false");
    }
  }
}
