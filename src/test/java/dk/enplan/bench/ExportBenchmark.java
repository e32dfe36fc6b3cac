package dk.enplan.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dk.enplan.testing.TestIdentity;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
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
 * The evaluator's export at scale: loads {@code bench.exportCourses} (1,000,000) courses of one municipality straight
 * into the plan store ({@link PlanStoreLoader}, no engine: the export reads only the plan store), half of them with one or two
 * plan versions, then exports them all over HTTP as CSV and as JSON and prints rows per second and the peak heap of
 * the JVM during each export. Prints figures, asserts only the row count. Not part of {@code mvn verify}; run with
 * {@code mvn -Pbench test -Dtest=ExportBenchmark -Dbench.database=postgres -DargLine=-Xmx512m} (docs/benchmarks.md):
 * PostgreSQL runs in its own process, so the heap measured is the application's alone. On H2 the database is a file
 * under {@code target/} (an in-memory H2 would put the million rows on the very heap being measured); loading a
 * million rows there grew the file by gigabytes a minute, so use {@code -Dbench.exportCourses=100000} on H2.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles(resolver = BenchDatabase.Profiles.class)
@Order(5)
class ExportBenchmark {

  static final int COURSES = Integer.getInteger("bench.exportCourses", 1_000_000);

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    BenchDatabase.register(registry, "export", "jdbc:h2:file:./target/bench-export/db;WRITE_DELAY=0");
  }

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired TestIdentity identity;

  @Test
  void exportsAMillionCourses() throws Exception {
    identity.ensure();
    long loadStart = System.nanoTime();
    load();
    System.out.printf("EXPORT BENCH: %s; %,d courses and %,d plan versions loaded in %.1f s%n",
        BenchDatabase.describe(), jdbc.queryForObject("select count(*) from course", Long.class),
        jdbc.queryForObject("select count(*) from plan_version", Long.class), (System.nanoTime() - loadStart) / 1e9);
    for (String format : List.of("csv", "json", "csv", "json")) {
      export(format);
    }
  }

  private void export(String format) throws Exception {
    System.gc();
    long heapBefore = usedHeap();
    List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
    heap.forEach(MemoryPoolMXBean::resetPeakUsage);
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port
            + "/api/export/courses?municipality=allerod&from=2025-01-01&to=2025-12-31&format=" + format))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((TestIdentity.EVALUATOR + ":"
            + TestIdentity.PASSWORD).getBytes(StandardCharsets.UTF_8))).build();
    long start = System.nanoTime();
    HttpResponse<InputStream> response = HttpClient.newHttpClient().send(request,
        HttpResponse.BodyHandlers.ofInputStream());
    assertThat(response.statusCode()).isEqualTo(200);
    long newlines = 0;
    long bytes = 0;
    long firstByteNanos = 0;
    byte[] buffer = new byte[64 * 1024];
    try (InputStream body = response.body()) {
      for (int n; (n = body.read(buffer)) > 0; ) {
        if (firstByteNanos == 0) {
          firstByteNanos = System.nanoTime() - start;
        }
        bytes += n;
        for (int i = 0; i < n; i++) {
          if (buffer[i] == (format.equals("csv") ? '\n' : '}')) {
            newlines++;
          }
        }
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    long rows = format.equals("csv") ? newlines - 1 : newlines;
    assertThat(rows).isEqualTo(COURSES);
    long peak = heap.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
    System.out.printf("EXPORT BENCH: %s %,d rows, %,d MB in %.1f s: %,.0f rows/s, first byte after %.0f ms; heap "
            + "in use before %,d MB, peak during the export %,d MB (max heap %,d MB)%n", format, rows,
        bytes / 1_000_000, seconds, rows / seconds, firstByteNanos / 1e6, heapBefore / 1_000_000, peak / 1_000_000,
        Runtime.getRuntime().maxMemory() / 1_000_000);
  }

  private static long usedHeap() {
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  /** Courses referred through 2025, 700,000 citizens (some with several courses); no engine rows. */
  private void load() throws java.sql.SQLException {
    new PlanStoreLoader(jdbc).load(COURSES, PlanStoreLoader.Mix.export());
  }
}
