package dk.enplan.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.ibatis.builder.xml.XMLMapperBuilder;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.AuthorizationCheck;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.springframework.stereotype.Component;

/**
 * On PostgreSQL, counts tasks (Tasklist's filter count, which every HAL list of a filter runs as well) with the
 * engine's authorization check written as semi-joins ({@code TaskCountQuery.xml}) instead of the engine's join
 * {@code ON RESOURCE_ID_ IN (task, process definition key, '*')}, which PostgreSQL can only answer by probing
 * {@code ACT_RU_AUTHORIZATION} once per visible task (docs/benchmarks.md, Tasklist). Same grants, same filter, same
 * tenant check: the statement includes the engine's own filter fragment and its own permission fragment, and falls
 * back to the engine's statement word for word whenever the check is not the plain one it rewrites.
 *
 * <p>Done through the engine's own mechanism for database-specific statements: the statement is added to the
 * engine's MyBatis configuration, and this engine's statement mappings (a copy, so no other engine in the JVM is
 * affected) send {@code selectTaskCountByQueryCriteria} to it. The task list itself (the page) is unchanged. The
 * mapper is read on every database for its counts per course ({@link #PER_COURSE}, {@link #ENGINE_PER_COURSE}).
 */
@Component
public class TaskCountQueryPlugin extends AbstractProcessEnginePlugin {

  public static final String ENGINE_STATEMENT = "selectTaskCountByQueryCriteria";
  public static final String STATEMENT = "enplanSelectTaskCountByQueryCriteria";
  /** The application's count per course: column {@code course}, column {@code tasks} (the semi-joins or not). */
  public static final String PER_COURSE = "dk.enplan.security.TaskCountQuery.enplanSelectTaskCountsPerCourse";
  /** The engine's count statement per course. */
  public static final String ENGINE_PER_COURSE =
      "dk.enplan.security.TaskCountQuery.enplanSelectEngineTaskCountsPerCourse";
  private static final String MAPPER = "dk/enplan/security/TaskCountQuery.xml";

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    Configuration mybatis = configuration.getSqlSessionFactory().getConfiguration();
    if (!mybatis.hasStatement(STATEMENT, false)) {
      try (InputStream mapper = TaskCountQueryPlugin.class.getClassLoader().getResourceAsStream(MAPPER)) {
        new XMLMapperBuilder(mapper, mybatis, MAPPER, mybatis.getSqlFragments()).parse();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + MAPPER, e);
      }
    }
    if (!DbSqlSessionFactory.POSTGRES.equals(configuration.getDatabaseType())) {
      return;
    }
    DbSqlSessionFactory sessions = configuration.getDbSqlSessionFactory();
    Map<String, String> mappings = sessions.getStatementMappings() == null ? new HashMap<>()
        : new HashMap<>(sessions.getStatementMappings());
    mappings.put(ENGINE_STATEMENT, STATEMENT);
    sessions.setStatementMappings(mappings);
  }

  /** For TaskCountQuery.xml: the engine's filter fragment without its authorization join (the check follows it). */
  public static AuthorizationCheck uncheckedFragment() {
    return new AuthorizationCheck();
  }
}
