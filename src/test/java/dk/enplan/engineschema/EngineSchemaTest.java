package dk.enplan.engineschema;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The engine's schema from Flyway (production): a new database gets the engine's tables from the engine's own
 * scripts and an engine that runs no DDL starts on it; a database the engine created itself before is baselined,
 * nothing is run twice. On H2 here; CourseOnPostgresIT and ClusterIT run it on PostgreSQL.
 */
class EngineSchemaTest {

  @Test
  void aNewDatabaseGetsTheEngineTablesAndAnEngineWithoutSchemaUpdateStartsOnIt() {
    DataSource dataSource = h2("engine-schema-new");
    new JdbcTemplate(dataSource).execute("create table plan_store_table (id int)");  // the plan store came first

    assertThat(EngineSchema.migrate(dataSource)).isEqualTo(1);
    assertThat(history(dataSource)).as("created by the migration, not baselined over").contains("7.24.0 JDBC")
        .doesNotContain("7.24.0 BASELINE");
    assertThat(EngineSchema.migrate(dataSource)).as("a second node, a restart").isZero();

    ProcessEngine engine = engine(dataSource, ProcessEngineConfiguration.DB_SCHEMA_UPDATE_FALSE, "schemanew");
    try {
      assertThat(engine.getRepositoryService().createDeploymentQuery().count()).isZero();
      assertThat(new JdbcTemplate(dataSource).queryForObject(
          "select VERSION_ from ACT_GE_SCHEMA_LOG where ID_ = '0'", String.class)).isEqualTo("7.24.0");
    } finally {
      engine.close();
    }
  }

  @Test
  void aDatabaseTheEngineCreatedIsBaselinedAtItsVersionAndNothingRuns() {
    DataSource dataSource = h2("engine-schema-existing");
    engine(dataSource, ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE, "schemaexisting").close();

    assertThat(EngineSchema.migrate(dataSource)).isZero();
    assertThat(history(dataSource)).containsExactly("7.24.0 BASELINE");
    assertThat(EngineSchema.migrate(dataSource)).isZero();
  }

  @Test
  void onlyFalseHandsTheSchemaToFlyway() {
    assertThat(new EngineSchema("false").managed()).isTrue();
    assertThat(new EngineSchema("true").managed()).isFalse();
    assertThat(new EngineSchema("create-drop").managed()).isFalse();
  }

  private static java.util.List<String> history(DataSource dataSource) {
    return new JdbcTemplate(dataSource).queryForList("select \"version\" || ' ' || \"type\" from \""
        + EngineSchema.HISTORY_TABLE + "\" where \"success\" and \"version\" is not null order by \"installed_rank\"",
        String.class);
  }

  private static DataSource h2(String name) {
    return new DriverManagerDataSource("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", "sa", "");
  }

  private static ProcessEngine engine(DataSource dataSource, String schemaUpdate, String name) {
    StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
    configuration.setDataSource(dataSource);
    configuration.setDatabaseSchemaUpdate(schemaUpdate);
    configuration.setProcessEngineName(name);
    configuration.setJobExecutorActivate(false);
    configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
    return configuration.buildProcessEngine();
  }
}
