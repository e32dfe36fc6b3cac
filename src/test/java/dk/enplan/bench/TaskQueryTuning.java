package dk.enplan.bench;

import java.util.Arrays;
import java.util.List;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Candidates the Tasklist benchmark can measure on top of what the application ships, one after the other on the
 * same data, with {@code -Dbench.tuning=noParallel} (default: none). What the
 * application ships (the settings of the {@code postgres} profile and the migrations in db/engine/postgres) is
 * always in place: the benchmark runs the application as production runs it and never undoes it.
 */
record TaskQueryTuning(String name, String what, java.util.function.Consumer<JdbcTemplate> apply) {

  static final List<TaskQueryTuning> CANDIDATES = List.of(
      new TaskQueryTuning("noParallel", "max_parallel_workers_per_gather = 0", jdbc -> {
        String database = jdbc.queryForObject("select current_database()", String.class);
        jdbc.execute("alter database " + database + " set max_parallel_workers_per_gather = 0");
        ((HikariDataSource) jdbc.getDataSource()).getHikariPoolMXBean().softEvictConnections();
      }));

  static List<TaskQueryTuning> chosen() {
    String chosen = System.getProperty("bench.tuning", "");
    return Arrays.stream(chosen.split(",")).map(String::trim).filter(name -> !name.isEmpty())
        .map(name -> CANDIDATES.stream().filter(step -> step.name().equals(name)).findFirst()
            .orElseThrow(() -> new IllegalArgumentException("unknown tuning step " + name + "; known: "
                + CANDIDATES.stream().map(TaskQueryTuning::name).toList())))
        .toList();
  }
}
