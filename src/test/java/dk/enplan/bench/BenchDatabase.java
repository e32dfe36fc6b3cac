package dk.enplan.bench;

import dk.enplan.postgres.EmbeddedPostgresSupport;
import org.springframework.test.context.ActiveProfilesResolver;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The database a benchmark runs on, chosen with {@code -Dbench.database}: {@code h2} (default, the test profile's
 * in-memory H2) or {@code postgres}: the {@code postgres} profile as production runs it (pool, PostgreSQL dialect),
 * on an embedded PostgreSQL started for the run, or on the server given by {@code -Dbench.postgres.url} (with
 * {@code bench.postgres.user}, {@code bench.postgres.password}; the database must be empty).
 *
 * <p>Either way the job executor stays off: the benchmarks run jobs and timers themselves.
 */
final class BenchDatabase {

  static final String KIND = System.getProperty("bench.database", "h2");

  private BenchDatabase() {
  }

  static boolean postgres() {
    return switch (KIND) {
      case "h2" -> false;
      case "postgres" -> true;
      default -> throw new IllegalArgumentException("bench.database must be h2 or postgres, not " + KIND);
    };
  }

  /**
   * Whether the embedded server keeps its data directory between runs ({@code -Denplan.postgres.dataDir=DIR}): the
   * benchmark's database is then {@code enplan_bench_<name>}, and a benchmark may find what an earlier run loaded.
   */
  static boolean reusing() {
    return postgres() && System.getProperty("bench.postgres.url") == null
        && EmbeddedPostgresSupport.keepsDataDirectory();
  }

  /** For {@code @DynamicPropertySource}: the H2 URL to use on H2, or the PostgreSQL database. */
  static void register(DynamicPropertyRegistry registry, String name, String h2Url) {
    if (!postgres()) {
      registry.add("spring.datasource.url", () -> h2Url);
      return;
    }
    String external = System.getProperty("bench.postgres.url");
    String url = external != null ? external
        : reusing() ? EmbeddedPostgresSupport.reusableDatabase("bench_" + name)
        : EmbeddedPostgresSupport.newDatabase("bench_" + name);
    registry.add("ENPLAN_DB_URL", () -> url);
    registry.add("ENPLAN_DB_USER", () -> System.getProperty("bench.postgres.user", EmbeddedPostgresSupport.USER));
    registry.add("ENPLAN_DB_PASSWORD",
        () -> System.getProperty("bench.postgres.password", EmbeddedPostgresSupport.PASSWORD));
    // The postgres profile turns the job executor on (production); the benchmarks drive jobs themselves.
    registry.add("camunda.bpm.job-execution.enabled", () -> "false");
  }

  /** What the printed figures ran on. */
  static String describe() {
    if (!postgres()) {
      return "H2 in-memory, profile test";
    }
    return (System.getProperty("bench.postgres.url") != null ? "PostgreSQL " + System.getProperty("bench.postgres.url")
        : "embedded PostgreSQL");
  }

  /**
   * The secrets the {@code prod} profile refuses to start without (an administrator password, the CPR key, the export's pseudonym secret), for a
   * benchmark of the application as production runs it. Not secrets of any installation.
   */
  static void productionSecrets(DynamicPropertyRegistry registry) {
    registry.add("ENPLAN_ADMIN_PASSWORD", () -> "benchmark-admin-password");
    registry.add("ENPLAN_CPR_KEY", () -> java.util.Base64.getEncoder().encodeToString(new byte[32]));
    registry.add("ENPLAN_EXPORT_SECRET", () -> java.util.Base64.getEncoder().encodeToString(new byte[32]));
  }

  /** Profiles: production's {@code prod,postgres} on PostgreSQL, the test profile on H2. */
  static final class ProductionProfiles implements ActiveProfilesResolver {

    @Override
    public String[] resolve(Class<?> testClass) {
      return postgres() ? new String[] {"prod", "postgres"} : new String[] {"test"};
    }
  }

  /** Profiles: the test profile, plus the production {@code postgres} profile on PostgreSQL. */
  static final class Profiles implements ActiveProfilesResolver {

    @Override
    public String[] resolve(Class<?> testClass) {
      return postgres() ? new String[] {"test", "postgres"} : new String[] {"test"};
    }
  }
}
