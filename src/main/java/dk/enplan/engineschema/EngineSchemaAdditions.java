package dk.enplan.engineschema;

import java.io.IOException;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Our additions to the engine's own tables (measured in docs/benchmarks.md), applied once the engine has created
 * or updated its schema: Flyway migrations from {@code db/engine/<Camunda database type>} with their own history
 * table, so they run once per database, under Flyway's lock when several nodes start together, and independently
 * of the plan store's migrations (which run before the engine exists). PostgreSQL below 16 is refused before
 * either ({@link SupportedPostgres}).
 */
@Component
class EngineSchemaAdditions implements InitializingBean {

  private static final String HISTORY_TABLE = "enplan_engine_schema_history";
  private static final Logger LOG = LoggerFactory.getLogger(EngineSchemaAdditions.class);

  private final ProcessEngine engine;
  private final DataSource dataSource;

  EngineSchemaAdditions(ProcessEngine engine, DataSource dataSource) {
    this.engine = engine;
    this.dataSource = dataSource;
  }

  @Override
  public void afterPropertiesSet() throws IOException {
    String databaseType = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDatabaseType();
    String folder = "db/engine/" + databaseType;
    if (new PathMatchingResourcePatternResolver().getResources("classpath*:" + folder + "/*.sql").length == 0) {
      LOG.info("Engine schema additions ({}): none for this database", databaseType);
      return;
    }
    var result = Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:" + folder)
        .table(HISTORY_TABLE)
        // The database already holds the engine's and the plan store's tables: start the history below V1.
        .baselineOnMigrate(true)
        .baselineVersion("0")
        .load()
        .migrate();
    LOG.info("Engine schema additions ({}): {} migration(s) applied", databaseType, result.migrationsExecuted);
  }
}
