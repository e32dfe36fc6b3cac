package dk.enplan.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiConsumer;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
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

  static final String SHIPPED_STATISTICS = "db/engine/postgres/V1__task_query_statistics.sql";
  static final String SHIPPED_AUTH_INDEX = "db/engine/postgres/V2__authorization_resource_index.sql";

  static final List<TaskQueryTuning> ALL = List.of(
      new TaskQueryTuning("statistics", "statistics on ACT_RU_AUTHORIZATION.PERMS_ bits (" + SHIPPED_STATISTICS + ")",
          true, true, (jdbc, engine) -> runScript(jdbc, SHIPPED_STATISTICS)),
      new TaskQueryTuning("innerJoins", "cmmn-enabled=false, standalone-tasks-enabled=false (inner joins)", true,
          false, (jdbc, engine) -> {
            engine.setCmmnEnabled(false);
            engine.setStandaloneTasksEnabled(false);
          }),
      new TaskQueryTuning("authResource", "index ACT_RU_AUTHORIZATION (RESOURCE_ID_, RESOURCE_TYPE_, TYPE_, PERMS_, "
          + "GROUP_ID_, USER_ID_) (" + SHIPPED_AUTH_INDEX + ")", true, true,
          (jdbc, engine) -> runScript(jdbc, SHIPPED_AUTH_INDEX)),
      new TaskQueryTuning("taskDue", "index ACT_RU_TASK (DUE_DATE_, CREATE_TIME_)", false, false,
          (jdbc, engine) -> jdbc.execute("create index ENPLAN_BENCH_TASK_DUE on ACT_RU_TASK (DUE_DATE_, CREATE_TIME_)")),
      new TaskQueryTuning("identityLink", "index ACT_RU_IDENTITYLINK (GROUP_ID_, TYPE_, TASK_ID_)", false, false,
          (jdbc, engine) -> jdbc.execute("create index ENPLAN_BENCH_IDENT_LNK on ACT_RU_IDENTITYLINK "
              + "(GROUP_ID_, TYPE_, TASK_ID_)")));

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

  /** Back to Camunda's defaults: left joins, and on PostgreSQL no statistics on the permission bits, no index. */
  static void undoShipped(JdbcTemplate jdbc, ProcessEngineConfigurationImpl engine, boolean postgres) {
    engine.setCmmnEnabled(true);
    engine.setStandaloneTasksEnabled(true);
    if (postgres) {
      jdbc.execute("drop statistics if exists enplan_auth_perms_bits");
      jdbc.execute("drop index if exists enplan_idx_auth_resource");
      jdbc.execute("analyze act_ru_authorization");
    }
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
