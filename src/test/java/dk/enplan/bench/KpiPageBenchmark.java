package dk.enplan.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dk.enplan.kpi.KpiRebuild;
import dk.enplan.postgres.EmbeddedPostgresSupport;
import dk.enplan.privacy.CprProtection;
import dk.enplan.testing.EngineHttp;
import dk.enplan.testing.TestIdentity;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The Én Plan page in Cockpit at scale (issue 11), on the application as production runs it (profiles
 * {@code prod,postgres}): loads {@code bench.kpiCourses} (1,000,000) courses of nine municipalities since 2022 straight
 * into the plan store with the course events production records as they run ({@link PlanStoreLoader},
 * {@link PlanStoreLoader.Mix#network}), rebuilds the KPI read model from them with the application's own rebuild
 * (timed), and then measures over HTTP what the page asks when it opens: as {@code leder.allerod} the summary of
 * her municipality for the default period (the last twelve months) and a list behind a number (the drill-down), as
 * the network user {@code netvaerk} the network-wide summary; p50/p95/max after a warm-up. Prints EXPLAIN ANALYZE of
 * the statements the requests send.
 *
 * <p>Prints figures, asserts only that the requests answer 200. Not part of {@code mvn verify}; run with
 * {@code mvn -Pbench test -Dtest=KpiPageBenchmark -Dbench.database=postgres} (docs/benchmarks.md).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles(resolver = BenchDatabase.ProductionProfiles.class)
@Order(6)
class KpiPageBenchmark {

  static final int COURSES = Integer.getInteger("bench.kpiCourses", 1_000_000);
  static final int WARM_UP_RUNS = Integer.getInteger("bench.warmUpQueries", 30);
  static final int RUNS = Integer.getInteger("bench.queries", 300);
  /** The lists behind the numbers measured, {@code kpi} or {@code kpi:key}, comma-separated. */
  static final List<String> DRILL_DOWNS = Arrays.asList(System.getProperty("bench.kpiDrillDowns",
      "activeCourses,activeCourses:INTERVENTION,referrals,daysToConsent,daysToFirstPlan,contactPersons,"
      + "activePlansPerCitizen,lateAssessments,lateFollowUps,progression,progression:arbejde,closures:maal_naaet,"
      + "deliveriesFailed,deliveriesRejected,complaints").split(","));
  static final String LEADER = "leder.allerod";
  /**
   * Candidates measured after what is shipped, in the same run ({@code -Dbench.kpiIndexes=dueOpenCovering,dueLate};
   * V6 ships both in its own form since: the open items with kind and month in the index, the late lists by key):
   * the open due items counted from a covering partial index, the late lists by municipality, kind and month.
   */
  static final Map<String, String> CANDIDATE_INDEXES = Map.of(
      "dueOpenCovering", "create index bench_kpi_due_open_covering on kpi_due (due_at, tenant_id) include (kind,"
          + " due_month) where is_open",
      "dueLate", "create index bench_kpi_due_late on kpi_due (tenant_id, kind, due_month)");
  static final List<String> INDEXES = System.getProperty("bench.kpiIndexes", "").isBlank() ? List.of()
      : List.of(System.getProperty("bench.kpiIndexes").split(","));

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    BenchDatabase.register(registry, "kpi", "jdbc:h2:file:./target/bench-kpi/db;WRITE_DELAY=0");
    BenchDatabase.productionSecrets(registry);
  }

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired TestIdentity identity;
  @Autowired CprProtection cpr;
  @Autowired KpiRebuild kpiRebuild;

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void kpiPageAtAMillionCourses() throws Exception {
    if (!BenchDatabase.postgres()) {
      throw new IllegalStateException("KpiPageBenchmark runs on PostgreSQL only: -Dbench.database=postgres");
    }
    identity.ensure();
    StringBuilder out = new StringBuilder("\nKPI PAGE BENCH: ").append(BenchDatabase.describe()).append('\n');
    Instant until = LocalDate.now().atStartOfDay(PlanStoreLoader.DANISH_TIME).toInstant();
    long stored = BenchDatabase.reusing() ? jdbc.queryForObject("select count(*) from course", Long.class) : 0;
    if (stored >= COURSES) {
      // -Denplan.postgres.dataDir: an earlier run loaded and filled this database; measure it as it is.
      out.append(String.format("reused the loaded database in %s: %,d courses, not loaded again%n",
          System.getProperty(EmbeddedPostgresSupport.DATA_DIRECTORY), stored));
    } else {
      if (stored > 0) {
        throw new IllegalStateException("the reused database holds " + stored + " courses, not " + COURSES
            + ": remove the data directory or use another");
      }
      long loadStart = System.nanoTime();
      Map<String, Long> written = new PlanStoreLoader(jdbc, storedCprs()).load(COURSES, PlanStoreLoader.Mix.network(until)
          .withEvents());
      double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
      out.append(String.format("loaded in %.1f s: %s%n", loadSeconds, written));
      long analyzeStart = System.nanoTime();
      analyze();
      out.append(String.format("analyze: %.1f s%n", (System.nanoTime() - analyzeStart) / 1e9));
      long fillStart = System.nanoTime();
      Map<String, Double> filled = new KpiReadModelFill(jdbc).fill();
      out.append(String.format("KPI read model filled from the event log, set-based (KpiReadModelFill): %.1f s %s%n",
          (System.nanoTime() - fillStart) / 1e9, filled));
    }
    analyze();
    out.append(rowCounts());
    System.out.print(out);

    YearMonth now = YearMonth.now(PlanStoreLoader.DANISH_TIME);
    String period = "from=" + now.minusMonths(11) + "&to=" + now;
    Map<String, HttpRequest> requests = new LinkedHashMap<>();
    requests.put("leader: summary (Allerød)", get(LEADER, "/api/kpi/summary?" + period));
    for (String drill : DRILL_DOWNS) {
      String[] kpiKey = drill.split(":", 2);
      requests.put("leader: list " + drill, get(LEADER, "/api/kpi/courses?kpi=" + encode(kpiKey[0])
          + (kpiKey.length > 1 ? "&key=" + encode(kpiKey[1]) : "") + "&" + period));
    }
    requests.put("network: summary (all)", get(TestIdentity.NETWORK, "/api/kpi/summary?" + period));
    requests.put("network: summary (Ballerup)", get(TestIdentity.NETWORK, "/api/kpi/summary?" + period
        + "&municipality=ballerup"));
    StringBuilder sizes = new StringBuilder();
    for (Map.Entry<String, HttpRequest> request : requests.entrySet()) {
      HttpResponse<String> response = http.send(request.getValue(), HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as(request.getKey() + ": " + response.body()).isEqualTo(200);
      sizes.append(String.format("  %-34s %,9d bytes: %s%n", request.getKey(), response.body().length(),
          abbreviate(response.body())));
    }
    // The second page of the first list, as "Vis flere" asks it (after= the first page's next).
    String next = EngineHttp.json(http.send(requests.get("leader: list " + DRILL_DOWNS.get(0)),
        HttpResponse.BodyHandlers.ofString())).path("next").asText(null);
    if (next != null) {
      String[] kpiKey = DRILL_DOWNS.get(0).split(":", 2);
      requests.put("leader: list " + DRILL_DOWNS.get(0) + ", page 2", get(LEADER, "/api/kpi/courses?kpi="
          + encode(kpiKey[0]) + (kpiKey.length > 1 ? "&key=" + encode(kpiKey[1]) : "") + "&" + period + "&after="
          + encode(next)));
    }
    System.out.print("answers:\n" + sizes);

    measure(requests, period, "as shipped");
    if (!INDEXES.isEmpty()) {
      for (String index : INDEXES) {
        jdbc.execute(CANDIDATE_INDEXES.get(index));
      }
      jdbc.execute("analyze kpi_due");
      measure(requests, period, "with the candidate indexes " + INDEXES);
      for (String index : INDEXES) {
        // Not left behind in a reused data directory (-Denplan.postgres.dataDir) for the next run.
        jdbc.execute("drop index " + CANDIDATE_INDEXES.get(index).split(" ")[2]);
      }
    }
    rebuild(requests);
  }

  private void measure(Map<String, HttpRequest> requests, String period, String step) throws Exception {
    Map<String, long[]> times = new LinkedHashMap<>();
    requests.keySet().forEach(name -> times.put(name, new long[RUNS]));
    long[] leaderPage = new long[RUNS];
    long[] networkPage = new long[RUNS];
    String firstDrill = "leader: list " + DRILL_DOWNS.get(0);
    double loadBefore = loadAverage();
    for (int run = -WARM_UP_RUNS; run < RUNS; run++) {
      for (Map.Entry<String, HttpRequest> request : requests.entrySet()) {
        long start = System.nanoTime();
        HttpResponse<byte[]> response = http.send(request.getValue(), HttpResponse.BodyHandlers.ofByteArray());
        long elapsed = System.nanoTime() - start;
        if (response.statusCode() != 200) {
          throw new IllegalStateException(request.getKey() + ": " + response.statusCode());
        }
        if (run >= 0) {
          times.get(request.getKey())[run] = elapsed;
        }
      }
      if (run >= 0) {
        leaderPage[run] = times.get("leader: summary (Allerød)")[run] + times.get(firstDrill)[run];
        networkPage[run] = times.get("network: summary (all)")[run];
      }
    }
    StringBuilder figures = new StringBuilder(String.format("%nKPI PAGE BENCH (" + step + "): %,d courses, %d runs after %d warm-up "
        + "runs, period %s, load average %.1f before, %.1f after%n", COURSES, RUNS, WARM_UP_RUNS, period,
        loadBefore, loadAverage()));
    figures.append(String.format("%-40s %8s %8s %8s%n", "request", "p50 ms", "p95 ms", "max ms"));
    times.forEach((name, t) -> figures.append(line(name, t)));
    figures.append(line("PAGE, leader: summary + " + DRILL_DOWNS.get(0), leaderPage));
    figures.append(line("PAGE, network: summary", networkPage));
    figures.append("target: the KPI page (all its requests together) p95 < 50 ms at 1,000,000 courses on "
        + "PostgreSQL\n");
    System.out.print(figures);
    System.out.print(explain(requests));
  }

  /**
   * The application's own rebuild ({@code POST /api/admin/kpi/rebuild} calls the same bean) on what was loaded,
   * timed, given at most {@code bench.rebuildMinutes} (0: no limit; cancelled after it, which rolls it back). When
   * it finishes, the summaries must be the same as from the set-based fill: printed if they differ.
   */
  private void rebuild(Map<String, HttpRequest> requests) throws Exception {
    Map<String, String> before = new LinkedHashMap<>();
    for (String name : List.of("leader: summary (Allerød)", "network: summary (all)")) {
      before.put(name, http.send(requests.get(name), HttpResponse.BodyHandlers.ofString()).body());
    }
    int minutes = Integer.getInteger("bench.rebuildMinutes", 0);
    long start = System.nanoTime();
    java.util.concurrent.ExecutorService executor = java.util.concurrent.Executors.newSingleThreadExecutor();
    java.util.concurrent.Future<KpiRebuild.Report> running = executor.submit(() -> kpiRebuild.rebuild());
    try {
      KpiRebuild.Report report = minutes == 0 ? running.get()
          : running.get(minutes, java.util.concurrent.TimeUnit.MINUTES);
      System.out.printf("%nREBUILD (KpiRebuild, as POST /api/admin/kpi/rebuild) of %,d courses: %.1f s, %s%n", COURSES,
          (System.nanoTime() - start) / 1e9, report);
      for (Map.Entry<String, String> summary : before.entrySet()) {
        String after = http.send(requests.get(summary.getKey()), HttpResponse.BodyHandlers.ofString()).body();
        System.out.printf("  %s after the rebuild: %s%n", summary.getKey(), after.equals(summary.getValue())
            ? "the same as from the set-based fill" : "DIFFERS:\n    fill:    " + summary.getValue()
            + "\n    rebuild: " + after);
      }
    } catch (java.util.concurrent.TimeoutException e) {
      jdbc.queryForList("select pg_cancel_backend(pid) from pg_stat_activity where datname = current_database()"
          + " and pid <> pg_backend_pid() and state <> 'idle'", Boolean.class);
      System.out.printf("%nREBUILD (KpiRebuild) of %,d courses: not finished after %d min; cancelled%n", COURSES,
          minutes);
    } catch (java.util.concurrent.ExecutionException e) {
      System.out.printf("%nREBUILD (KpiRebuild) of %,d courses failed after %.1f s: %s%n", COURSES,
          (System.nanoTime() - start) / 1e9, e.getCause());
    } finally {
      executor.shutdownNow();
    }
  }

  /** EXPLAIN ANALYZE of every distinct statement the requests send (from JdbcTemplate's log). */
  private String explain(Map<String, HttpRequest> requests) {
    StringBuilder plans = new StringBuilder("\nEXPLAIN ANALYZE of the statements the requests send:\n");
    Set<String> seen = new LinkedHashSet<>();
    requests.forEach((name, request) -> {
      List<String> statements = JdbcStatementCapture.capture(() -> {
        try {
          http.send(request, HttpResponse.BodyHandlers.discarding());
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      for (String sql : statements) {
        if (!seen.add(sql) || !sql.trim().toLowerCase().startsWith("select")) {
          continue;
        }
        List<String> plan = jdbc.queryForList("explain (analyze, buffers) " + sql, String.class);
        String total = plan.stream().filter(row -> row.startsWith("Execution Time")).findFirst().orElse("");
        plans.append("\n-- ").append(name).append(": ").append(total).append('\n').append(sql).append('\n');
        plan.forEach(row -> plans.append("  ").append(row).append('\n'));
      }
    });
    return plans.toString();
  }

  /** A thousand made-up CPR numbers (born 1900–1999: 7th digit 0–3), encrypted as the plan store keeps them (the lists decrypt and mask them). */
  private List<String> storedCprs() {
    java.util.Random random = new java.util.Random(11);
    return java.util.stream.IntStream.range(0, 1000).mapToObj(n -> cpr.encrypt(String.format("%02d%02d%02d%04d",
        1 + random.nextInt(28), 1 + random.nextInt(12), random.nextInt(100), random.nextInt(4_000)))).toList();
  }

  private String rowCounts() {
    StringBuilder counts = new StringBuilder("rows:");
    for (String table : List.of("course", "plan_version", "consent_scope", "sector_report", "progression_measurement",
        "distribution_record", "kpi_event", "kpi_course", "kpi_month", "kpi_due", "kpi_progression")) {
      counts.append(String.format(" %s %,d", table, jdbc.queryForObject("select count(*) from " + table,
          Long.class)));
    }
    return counts.append('\n').toString();
  }

  private void analyze() {
    if (BenchDatabase.postgres()) {
      // What autovacuum's analyze does after so many new rows in production.
      jdbc.execute("analyze");
    }
  }

  private HttpRequest get(String user, String path) {
    return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Accept", "application/json")
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + TestIdentity.PASSWORD)
            .getBytes(StandardCharsets.UTF_8))).build();
  }

  private static String line(String name, long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return String.format("%-40s %8.1f %8.1f %8.1f%n", name, percentile(sorted, 50) / 1e6,
        percentile(sorted, 95) / 1e6, sorted[sorted.length - 1] / 1e6);
  }

  private static long percentile(long[] sorted, int p) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static String abbreviate(String body) {
    return body.length() <= 300 ? body : body.substring(0, 300) + " …";
  }

  private static double loadAverage() {
    return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }
}
