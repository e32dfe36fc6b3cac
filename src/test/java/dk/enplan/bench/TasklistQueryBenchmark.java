package dk.enplan.bench;

import dk.enplan.testing.CourseDriver;
import dk.enplan.testing.TestIdentity;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
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
 * The query a coordinator's Tasklist filter "Koordinator" makes (candidate group {@code koordinator}, assigned tasks
 * included, sorted by due date then creation time; authorization and tenant check on, authenticated as
 * koordinator.allerod with tenant allerod): the first page (15) and its count, with many active tasks in the
 * database. The load is a minimal process with one user task with that candidate group, a due date and the
 * municipality as tenant, which gives the task query exactly the shape of a waiting course (task, identity link,
 * authorization, tenant), far cheaper than driving real courses there; a course's coordinator tasks are assigned to
 * one of 20 coordinators of the municipality. Besides the page and count of "Koordinator" it measures the first page
 * of the two other shipped filters for the same user, "Mine opgaver" and "Min sektor" (empty for a coordinator). On
 * PostgreSQL it measures Camunda's defaults (optionally) and then each tuning step of {@link TaskQueryTuning} on the
 * same data, and prints the plans.
 *
 * <p>Prints figures, asserts nothing about time. Not part of {@code mvn verify}; run with
 * {@code mvn -Pbench test -Dtest=TasklistQueryBenchmark} (see docs/benchmarks.md). {@code -Dbench.activeTasks}
 * (default 100000) is the goal, {@code -Dbench.loadSeconds} (default 300) the most time spent loading: it stops
 * earlier and prints the number reached.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles(resolver = BenchDatabase.Profiles.class)
@Order(2)
class TasklistQueryBenchmark {

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    // Its own database; H2 would otherwise answer a repeated identical query from its last result while no table
    // changed (OPTIMIZE_REUSE_RESULTS), which no real Tasklist with changing tasks gets.
    BenchDatabase.register(registry, "tasklist",
        "jdbc:h2:mem:enplan-bench-tasklist;DB_CLOSE_DELAY=-1;OPTIMIZE_REUSE_RESULTS=FALSE");
    // Our session settings are measured one by one: TaskQueryTuning sets them as the database's defaults instead.
    if (BenchDatabase.postgres()) {
      registry.add("spring.datasource.hikari.connection-init-sql", () -> "select 1");
    }
  }

  static final int GOAL = Integer.getInteger("bench.activeTasks", 100_000);
  static final int LOAD_SECONDS = Integer.getInteger("bench.loadSeconds", 300);
  static final int LOAD_THREADS = Integer.getInteger("bench.loadThreads", 2);
  static final int WARM_UP_RUNS = Integer.getInteger("bench.warmUpQueries", 50);
  static final int RUNS = Integer.getInteger("bench.queries", 200);

  static final String KEY = "bench-waiting-course";
  static final String TENANT = "allerod";
  static final String GROUP = "koordinator";
  static final String USER = GROUP + "." + TENANT;
  static final int COORDINATORS = 20;
  /**
   * {@code -Dbench.spread=false} (default): every task in Allerød with candidate group koordinator, the worst case
   * for its coordinators' filter (every loaded task is in it). {@code true}: the tasks round robin over the nine
   * municipalities and four candidate groups, as a network's waiting courses would be (1 in 36 in the filter).
   */
  static final boolean SPREAD = Boolean.getBoolean("bench.spread");
  /** Measure Camunda's defaults first: by default only up to 10,000 tasks (on PostgreSQL it takes seconds a query). */
  static final boolean BASELINE = Boolean.parseBoolean(System.getProperty("bench.baseline",
      String.valueOf(GOAL <= 10_000)));
  static final List<String> TENANTS = SPREAD ? List.of("allerod", "ballerup", "fredensborg", "frederikssund",
      "fureso", "gribskov", "halsnaes", "helsingor", "hillerod") : List.of(TENANT);
  static final List<String> GROUPS = SPREAD ? List.of(GROUP, "visitation", "sektor-beskaeftigelse", "sektor-ydelse")
      : List.of(GROUP);
  static final String PAGE_STATEMENT = "org.camunda.bpm.engine.impl.persistence.entity.TaskEntity"
      + ".selectTaskByQueryCriteria";
  static final String COUNT_STATEMENT = "org.camunda.bpm.engine.impl.persistence.entity.TaskEntity"
      + ".selectTaskCountByQueryCriteria";

  @Autowired TestIdentity testIdentity;
  @Autowired CourseDriver driver;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired RepositoryService repository;
  @Autowired JdbcTemplate jdbc;
  @Autowired ProcessEngine processEngine;
  @Autowired FilterService filters;
  @Autowired AuthorizationService authorizations;
  @LocalServerPort int port;

  @Test
  void firstPageOfTheCoordinatorFilter() throws Exception {
    testIdentity.ensure();
    BpmnModelInstance model = Bpmn.createExecutableProcess(KEY).camundaHistoryTimeToLive(1825)
        .startEvent().userTask("waitForCaseworker").camundaCandidateGroups("${group}").camundaAssignee("${assignee}")
        .camundaDueDate("${due}")
        .endEvent().done();
    repository.createDeployment().name(KEY).addModelInstance(KEY + ".bpmn", model).deploy();

    long loadStart = System.nanoTime();
    AtomicInteger inFilter = new AtomicInteger();
    int loaded = load(loadStart, inFilter);
    double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
    boolean postgres = BenchDatabase.postgres();
    if (postgres) {
      // What autovacuum's analyze does after so many new rows in production; without it the planner still
      // believes the tables are empty (estimates of 1 row) and picks nested loops that take seconds.
      jdbc.execute("analyze");
    }

    long visible = as(() -> coordinatorFilter().count());
    if (visible != inFilter.get()) {
      throw new IllegalStateException("the coordinator sees " + visible + " tasks, expected " + inFilter.get());
    }

    StringBuilder out = new StringBuilder("\n=== TasklistQueryBenchmark (" + BenchDatabase.describe() + ") ===\n");
    out.append(String.format("active tasks loaded: %d of goal %d in %.1f s (%.0f/s, %d threads, limit %d s) over "
        + "%d municipalit%s and %d candidate group(s)%n", loaded, GOAL, loadSeconds, loaded / loadSeconds,
        LOAD_THREADS, LOAD_SECONDS, TENANTS.size(), TENANTS.size() == 1 ? "y" : "ies", GROUPS.size()));
    out.append(String.format("in the filter of koordinator.allerod: %d%n", visible));
    ProcessEngineConfigurationImpl engine = (ProcessEngineConfigurationImpl) processEngine
        .getProcessEngineConfiguration();
    TaskQueryTuning.undoShipped(jdbc, engine, postgres);
    List<String> summary = new ArrayList<>();
    if (BASELINE) {
      summary.add(measure(out, "Camunda's defaults (left joins; only Camunda's indexes)"));
      if (postgres) {
        out.append(explain());
      }
    } else {
      out.append("\n-- Camunda's defaults: not measured (-Dbench.baseline=true; at 10,000 tasks on PostgreSQL one count "
          + "took 16 s)\n");
    }
    for (TaskQueryTuning step : TaskQueryTuning.steps(postgres)) {
      step.apply().accept(jdbc, engine);
      if (postgres) {
        jdbc.execute("analyze");
      }
      summary.add(measure(out, "+ " + step.name() + (step.shipped() ? " (shipped): " : " (candidate): ")
          + step.what()));
    }
    if (postgres) {
      out.append(explain());
    }
    String http = overHttp(out);
    out.append(String.format("%nsummary (%d runs each, ms)    %s%n", RUNS,
        "page p50  page p95  count p50  count p95  mine p95  sector p95"));
    summary.forEach(line -> out.append(line).append('\n'));
    out.append(http).append('\n');
    out.append("target: first page p95 < 50 ms at 100,000 active courses on PostgreSQL\n");
    System.out.println(out);
  }

  /**
   * Runs the filter's page and count, and the first pages of the other two filters, interleaved; appends their
   * figures to out and returns a one-line summary.
   */
  private String measure(StringBuilder out, String state) {
    for (int i = 0; i < WARM_UP_RUNS; i++) {
      as(() -> coordinatorFilter().listPage(0, 15));
      as(() -> coordinatorFilter().count());
      as(() -> myTasksFilter().listPage(0, 15));
      as(() -> mySectorFilter().listPage(0, 15));
    }
    long[] page = new long[RUNS];
    long[] count = new long[RUNS];
    long[] mine = new long[RUNS];
    long[] sector = new long[RUNS];
    List<Task> first = List.of();
    int mineShown = 0;
    int sectorShown = 0;
    for (int i = 0; i < RUNS; i++) {
      long t0 = System.nanoTime();
      first = as(() -> coordinatorFilter().listPage(0, 15));
      long t1 = System.nanoTime();
      as(() -> coordinatorFilter().count());
      long t2 = System.nanoTime();
      mineShown = as(() -> myTasksFilter().listPage(0, 15)).size();
      long t3 = System.nanoTime();
      sectorShown = as(() -> mySectorFilter().listPage(0, 15)).size();
      long t4 = System.nanoTime();
      page[i] = t1 - t0;
      count[i] = t2 - t1;
      mine[i] = t3 - t2;
      sector[i] = t4 - t3;
    }
    Stream.of(page, count, mine, sector).forEach(Arrays::sort);
    StringBuilder figures = new StringBuilder(String.format("%n-- %s: first page %d tasks, first due %s%n", state,
        first.size(), first.isEmpty() ? "-" : first.get(0).getDueDate()));
    figures.append(String.format("%-34s %8s %8s %8s %8s%n", "query (" + RUNS + " runs)", "p50 ms", "p95 ms", "max ms",
        "mean ms"));
    line(figures, "Koordinator: first page (15)", page);
    line(figures, "Koordinator: count", count);
    line(figures, "Mine opgaver: first page (" + mineShown + ")", mine);
    line(figures, "Min sektor: first page (" + sectorShown + ")", sector);
    System.out.print(figures);
    out.append(figures);
    return String.format("%-28s %9.1f %9.1f %10.1f %10.1f %10.1f %10.1f", state.split(":")[0],
        percentile(page, 50) / 1e6, percentile(page, 95) / 1e6, percentile(count, 50) / 1e6,
        percentile(count, 95) / 1e6, percentile(mine, 95) / 1e6, percentile(sector, 95) / 1e6);
  }

  /**
   * What Tasklist itself sends for the filter, in the final state of the steps: {@code POST
   * /engine-rest/filter/{id}/list} (HAL, as Tasklist asks, with the filter's variables) and {@code /count}, over
   * HTTP with HTTP Basic as the coordinator. The filter is "Koordinator" as demo mode creates it (TasklistFilters).
   */
  private String overHttp(StringBuilder out) throws Exception {
    Filter filter = filters.newTaskFilter("Koordinator").setQuery(coordinatorFilter())
        .setProperties(Map.of("variables", List.of(Map.of("name", "citizenName", "label", "Borger"),
            Map.of("name", "citizenMaskedCpr", "label", "CPR"), Map.of("name", "municipalityName", "label", "Kommune"))));
    filters.saveFilter(filter);
    Authorization read = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    read.setUserId(USER);
    read.setResource(Resources.FILTER);
    read.setResourceId(filter.getId());
    read.addPermission(Permissions.READ);
    authorizations.saveAuthorization(read);

    HttpClient http = HttpClient.newHttpClient();
    String base = "http://localhost:" + port + "/engine-rest/filter/" + filter.getId();
    String credentials = "Basic " + Base64.getEncoder().encodeToString((USER + ":" + TestIdentity.PASSWORD)
        .getBytes(StandardCharsets.UTF_8));
    BiFunction<String, String, HttpRequest> post = (url, accept) -> HttpRequest.newBuilder(URI.create(url))
        .header("Authorization", credentials).header("Accept", accept)
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build();
    HttpRequest list = post.apply(base + "/list?firstResult=0&maxResults=15", "application/hal+json");
    HttpRequest count = post.apply(base + "/count", "application/json");
    for (int i = 0; i < WARM_UP_RUNS; i++) {
      http.send(list, HttpResponse.BodyHandlers.ofString());
      http.send(count, HttpResponse.BodyHandlers.ofString());
    }
    long[] page = new long[RUNS];
    long[] counted = new long[RUNS];
    HttpResponse<String> last = null;
    for (int i = 0; i < RUNS; i++) {
      long t0 = System.nanoTime();
      last = http.send(list, HttpResponse.BodyHandlers.ofString());
      long t1 = System.nanoTime();
      HttpResponse<String> total = http.send(count, HttpResponse.BodyHandlers.ofString());
      page[i] = t1 - t0;
      counted[i] = System.nanoTime() - t1;
      if (last.statusCode() != 200 || total.statusCode() != 200) {
        throw new IllegalStateException("Tasklist's requests answered " + last.statusCode() + " / " + total.statusCode()
            + ": " + total.body());
      }
    }
    Arrays.sort(page);
    Arrays.sort(counted);
    int shown = last.body().split("\"taskDefinitionKey\"", -1).length - 1;
    StringBuilder figures = new StringBuilder(String.format("%n-- over HTTP as Tasklist asks (HAL, with the filter's "
        + "variables), final state: %d tasks, %d bytes%n", shown, last.body().length()));
    line(figures, "POST filter/{id}/list", page);
    line(figures, "POST filter/{id}/count", counted);
    System.out.print(figures);
    out.append(figures);
    return String.format("%-28s %9.1f %9.1f %10.1f %10.1f", "over HTTP (final state)", percentile(page, 50) / 1e6,
        percentile(page, 95) / 1e6, percentile(counted, 50) / 1e6, percentile(counted, 95) / 1e6);
  }

  /**
   * PostgreSQL's plans of the filters' queries exactly as the engine sends them: the statements are taken from
   * MyBatis' statement log while each query runs once, their parameters filled in.
   */
  private String explain() {
    StringBuilder plans = new StringBuilder();
    Map<String, Runnable> queries = new LinkedHashMap<>();
    queries.put("Koordinator, first page", () -> as(() -> coordinatorFilter().listPage(0, 15)));
    queries.put("Koordinator, count", () -> as(() -> coordinatorFilter().count()));
    queries.put("Mine opgaver, first page", () -> as(() -> myTasksFilter().listPage(0, 15)));
    queries.put("Min sektor, first page", () -> as(() -> mySectorFilter().listPage(0, 15)));
    queries.forEach((name, query) -> {
      String statement = name.endsWith("count") ? COUNT_STATEMENT : PAGE_STATEMENT;
      String sql = StatementCapture.capture(List.of(statement), query).get(statement);
      plans.append("\nEXPLAIN ANALYZE ").append(name).append(":\n").append(sql).append("\n");
      jdbc.queryForList("explain (analyze, buffers) " + sql, String.class)
          .forEach(row -> plans.append("  ").append(row).append("\n"));
    });
    return plans.toString();
  }

  /** The "Koordinator" filter of TasklistFilters, as Tasklist runs it for a coordinator. */
  private TaskQuery coordinatorFilter() {
    return tasks.createTaskQuery().taskCandidateGroup(GROUP).includeAssignedTasks()
        .orderByDueDate().asc().orderByTaskCreateTime().asc();
  }

  /** "Mine opgaver": the tasks assigned to the user (about 140 in the spread load). */
  private TaskQuery myTasksFilter() {
    return tasks.createTaskQuery().taskAssignee(USER).orderByDueDate().asc().orderByTaskCreateTime().asc();
  }

  /**
   * "Min sektor" for a coordinator: unassigned tasks of the user's groups. A course's coordinator tasks are all
   * assigned, so it is empty: the case where walking the tasks in due-date order finds nothing to stop at.
   */
  private TaskQuery mySectorFilter() {
    return tasks.createTaskQuery().taskCandidateGroupIn(List.of(GROUP)).orderByDueDate().asc()
        .orderByTaskCreateTime().asc();
  }

  private int load(long loadStart, AtomicInteger inFilter) throws Exception {
    AtomicInteger next = new AtomicInteger();
    AtomicInteger done = new AtomicInteger();
    long deadline = loadStart + TimeUnit.SECONDS.toNanos(LOAD_SECONDS);
    long now = System.currentTimeMillis();
    ExecutorService pool = Executors.newFixedThreadPool(LOAD_THREADS);
    List<Future<?>> workers = new ArrayList<>();
    for (int t = 0; t < LOAD_THREADS; t++) {
      workers.add(pool.submit(() -> {
        int i;
        while ((i = next.getAndIncrement()) < GOAL && System.nanoTime() < deadline) {
          Date due = new Date(now + ThreadLocalRandom.current().nextLong(TimeUnit.DAYS.toMillis(90)));
          String tenant = TENANTS.get(i % TENANTS.size());
          String group = GROUPS.get(i / TENANTS.size() % GROUPS.size());
          // A course's coordinator tasks are assigned to its coordinator: 20 coordinators per municipality, the
          // measured user one of them. Other groups' tasks wait unassigned.
          int coordinator = i / (TENANTS.size() * GROUPS.size()) % COORDINATORS;
          String assignee = !group.equals(GROUP) ? null : GROUP + "." + tenant + (coordinator == 0 ? "" : coordinator);
          Map<String, Object> variables = new HashMap<>(Map.of("municipality", tenant, "group", group, "due", due));
          variables.put("assignee", assignee);
          runtime.startProcessInstanceByKey(KEY, variables);
          if (tenant.equals(TENANT) && group.equals(GROUP)) {
            inFilter.incrementAndGet();
          }
          int n = done.incrementAndGet();
          if (n % 10_000 == 0) {
            System.out.printf("loaded %d active tasks in %.0f s%n", n, (System.nanoTime() - loadStart) / 1e9);
          }
        }
        return null;
      }));
    }
    for (Future<?> worker : workers) {
      worker.get();
    }
    pool.shutdown();
    return done.get();
  }

  /** As the coordinator Tasklist would query for. */
  private <T> T as(java.util.function.Supplier<T> query) {
    return driver.as(USER, List.of(GROUP), TENANT, query);
  }

  private static void line(StringBuilder out, String what, long[] sorted) {
    double mean = Arrays.stream(sorted).average().orElse(0) / 1e6;
    out.append(String.format("%-34s %8.2f %8.2f %8.2f %8.2f%n", what, percentile(sorted, 50) / 1e6,
        percentile(sorted, 95) / 1e6, sorted[sorted.length - 1] / 1e6, mean));
  }

  private static long percentile(long[] sorted, int p) {
    int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }
}
