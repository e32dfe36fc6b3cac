package dk.enplan.tasklist;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Adds {@link TaskCountCache} to the engine's MyBatis configuration (every session the engine opens afterwards goes
 * through it) and publishes how often a count was answered again, counted in full, or brought up to date by counting
 * only its changed courses, as {@code enplan.tasklist.counts} with tag {@code answer} ({@code again},
 * {@code counted}, {@code changed-courses}).
 */
@Component
class TaskCountCachePlugin extends AbstractProcessEnginePlugin {

  private final JdbcTemplate jdbc;
  private final ObjectProvider<MeterRegistry> registry;
  private TaskCountCache cache;

  /** The JdbcTemplate is created after the plan store's migrations, so {@code task_list_version} exists. */
  TaskCountCachePlugin(JdbcTemplate jdbc, ObjectProvider<MeterRegistry> registry) {
    this.jdbc = jdbc;
    this.registry = registry;
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    cache = new TaskCountCache(new TaskListChanges(jdbc,
        DbSqlSessionFactory.POSTGRES.equals(configuration.getDatabaseType())));
    configuration.getSqlSessionFactory().getConfiguration().addInterceptor(cache);
    registry.ifAvailable(meters -> {
      FunctionCounter.builder("enplan.tasklist.counts", cache.answeredAgain, Number::doubleValue)
          .description("Task counts answered again under unchanged versions, and counted in the database")
          .tag("answer", "again").register(meters);
      FunctionCounter.builder("enplan.tasklist.counts", cache.counted, Number::doubleValue)
          .tag("answer", "counted").register(meters);
      FunctionCounter.builder("enplan.tasklist.counts", cache.countedChangedCourses, Number::doubleValue)
          .tag("answer", "changed-courses").register(meters);
    });
  }

  TaskCountCache cache() {
    return cache;
  }
}
