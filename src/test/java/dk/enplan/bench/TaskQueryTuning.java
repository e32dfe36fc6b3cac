package dk.enplan.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiConsumer;
import com.zaxxer.hikari.HikariDataSource;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.GenericManagerFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The tuning steps the Tasklist benchmark measures one after the other on the same data, each with the previous ones
 * in place: first what the application ships (the engine setting and the migration in db/engine/postgres), then
 * candidates it does not ship. {@link #undoShipped} returns to Camunda's defaults for the baseline.
 * {@code -Dbench.tuning=statistics,innerJoins} chooses steps and order; default: all that apply to the database.
 */
record TaskQueryTuning(String name, String what, boolean shipped, boolean postgresOnly,
                       BiConsumer<JdbcTemplate, ProcessEngineConfigurationImpl> apply) {

  static final String STATISTICS = "db/engine/postgres/V1__task_query_statistics.sql";
  static final String AUTH_INDEX = "db/engine/postgres/V2__authorization_resource_index.sql";
  /** V3 creates the due-date index and an identity-link index, V4 drops the latter. */
  static final List<String> DUE_DATE_INDEX = List.of("db/engine/postgres/V3__task_query_order_indexes.sql",
      "db/engine/postgres/V4__task_due_date_index_only.sql");
  /** The application's authorization manager (security.CallerGroupsAuthorizationManager), set aside by undoShipped. */
  private static SessionFactory shippedAuthorizationManager;

  static final List<TaskQueryTuning> ALL = List.of(
      // Together: statistics alone do not help once PostgreSQL switches to a generic plan (it does after five runs of
      // a prepared statement), custom plans alone still see the 0.5 % guess; either alone takes seconds a query.
      new TaskQueryTuning("statistics", "statistics on ACT_RU_AUTHORIZATION.PERMS_ bits (" + STATISTICS + ") and "
          + "plan_cache_mode = force_custom_plan (connection-init-sql)", true, true, (jdbc, engine) -> {
            runScript(jdbc, STATISTICS);
            databaseDefault(jdbc, "plan_cache_mode", "force_custom_plan");
          }),
      new TaskQueryTuning("innerJoins", "cmmn-enabled=false, standalone-tasks-enabled=false (inner joins)", true,
          false, (jdbc, engine) -> {
            engine.setCmmnEnabled(false);
            engine.setStandaloneTasksEnabled(false);
          }),
      new TaskQueryTuning("authResource", "index ACT_RU_AUTHORIZATION (RESOURCE_ID_, RESOURCE_TYPE_, TYPE_, PERMS_, "
          + "GROUP_ID_, USER_ID_) (" + AUTH_INDEX + ")", true, true, (jdbc, engine) -> runScript(jdbc, AUTH_INDEX)),
      new TaskQueryTuning("callerGroups", "authorization check with the caller's groups as they are, no SELECT "
          + "DISTINCT GROUP_ID_ over ACT_RU_AUTHORIZATION per request (security.CallerGroupsAuthorizationPlugin)", true,
          false, (jdbc, engine) -> engine.getSessionFactories().put(AuthorizationManager.class,
              shippedAuthorizationManager)),
      new TaskQueryTuning("dueDateIndex", "index ACT_RU_TASK (DUE_DATE_, CREATE_TIME_) (" + DUE_DATE_INDEX + ")",
          true, true, (jdbc, engine) -> DUE_DATE_INDEX.forEach(script -> runScript(jdbc, script))),
      // Candidates for the count (Tasklist's list over HTTP counts too): the authorization probe per visible task
      // reads every global grant for '*'; this index holds only the rows the task query's check can use.
      new TaskQueryTuning("authCheckIndex", "partial index ACT_RU_AUTHORIZATION (RESOURCE_ID_) INCLUDE (GROUP_ID_, "
          + "USER_ID_) WHERE the task query's check", false, true, (jdbc, engine) -> jdbc.execute(
              "create index enplan_bench_auth_task_check on act_ru_authorization (resource_id_) include (group_id_, "
                  + "user_id_) where type_ < 2 and (resource_type_ = 7 and perms_ & 2 = 2 or resource_type_ = 6 and "
                  + "perms_ & 64 = 64)")),
      new TaskQueryTuning("identityLinkIndex", "index ACT_RU_IDENTITYLINK (GROUP_ID_, TYPE_, TASK_ID_)", false, true,
          (jdbc, engine) -> jdbc.execute(
              "create index enplan_bench_ident_lnk on act_ru_identitylink (group_id_, type_, task_id_)")),
      // Measured for the count in two runs and not shipped, like the two above (docs/benchmarks.md, candidates).
      new TaskQueryTuning("noParallel", "max_parallel_workers_per_gather = 0", false, true,
          (jdbc, engine) -> databaseDefault(jdbc, "max_parallel_workers_per_gather", "0")));

  static List<TaskQueryTuning> steps(boolean postgres) {
    String chosen = System.getProperty("bench.tuning");
    List<TaskQueryTuning> steps = chosen == null ? ALL : Arrays.stream(chosen.split(","))
        .map(String::trim).filter(name -> !name.isEmpty())
        .map(name -> ALL.stream().filter(step -> step.name().equals(name)).findFirst()
            .orElseThrow(() -> new IllegalArgumentException("unknown tuning step " + name + "; known: "
                + ALL.stream().map(TaskQueryTuning::name).toList())))
        .toList();
    return steps.stream().filter(step -> postgres || !step.postgresOnly()).toList();
  }

  /**
   * Back to Camunda's and PostgreSQL's defaults: left joins, Camunda's authorization manager; no statistics on the
   * permission bits, none of our indexes, PostgreSQL's plan cache and parallel query (the benchmark's pool runs
   * without our connection-init-sql, see {@link BenchDatabase}; the steps set these as the database's defaults for
   * new connections instead).
   */
  static void undoShipped(JdbcTemplate jdbc, ProcessEngineConfigurationImpl engine, boolean postgres) {
    engine.setCmmnEnabled(true);
    engine.setStandaloneTasksEnabled(true);
    SessionFactory shipped = engine.getSessionFactories().put(AuthorizationManager.class,
        new GenericManagerFactory(AuthorizationManager.class));
    if (shippedAuthorizationManager == null) {
      shippedAuthorizationManager = shipped;
    }
    if (postgres) {
      jdbc.execute("drop statistics if exists enplan_auth_perms_bits");
      jdbc.execute("drop index if exists enplan_idx_auth_resource");
      jdbc.execute("drop index if exists enplan_idx_task_due");
      databaseDefault(jdbc, "plan_cache_mode", "auto");
      databaseDefault(jdbc, "max_parallel_workers_per_gather", "2");
    }
  }

  /** Sets a parameter for every new connection to this database and renews the pool's connections. */
  private static void databaseDefault(JdbcTemplate jdbc, String parameter, String value) {
    String database = jdbc.queryForObject("select current_database()", String.class);
    jdbc.execute("alter database " + database + " set " + parameter + " = " + value);
    if (!(jdbc.getDataSource() instanceof HikariDataSource pool)) {
      throw new IllegalStateException("cannot renew the connections of " + jdbc.getDataSource());
    }
    pool.getHikariPoolMXBean().softEvictConnections();
  }

  private static void runScript(JdbcTemplate jdbc, String resource) {
    try {
      String script = new ClassPathResource(resource).getContentAsString(StandardCharsets.UTF_8)
          .replaceAll("(?m)^--.*$", "");
      Arrays.stream(script.split(";")).map(String::trim).filter(sql -> !sql.isEmpty()).forEach(jdbc::execute);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
