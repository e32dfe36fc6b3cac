package dk.enplan.bench;

import dk.enplan.course.CourseSteps;
import dk.enplan.security.TaskCountQueryPlugin;
import dk.enplan.taskcard.TaskCard;
import dk.enplan.testing.CourseDriver;
import dk.enplan.testing.EngineHttp;
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
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
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
 * Tasklist's first page at scale, on the application as production runs it: profiles {@code prod,postgres} (its
 * pool, its {@code connection-init-sql}, the engine settings, the migrations of db/engine/postgres, all in place and
 * never undone). The load is real courses copied: three courses are driven through the engine to where they wait
 * (visitation, consent with the coordinator, a sector's assessment), and their runtime rows are copied with COPY
 * ({@link EngineRowCloner}) until {@code -Dbench.activeTasks} courses wait, each with its task, due date, tenant,
 * candidate group, assignee, the engine's authorizations and all of a course's variables, the task cards' included.
 *
 * <p>Measured as {@code koordinator.allerod} (group koordinator, tenant allerod): through the Java API the filter
 * "Koordinator" (first page and count) and the first pages of "Mine opgaver" and "Min sektor"; over HTTP what
 * Tasklist sends: {@code POST /engine-rest/filter/{id}/list} with {@code Accept: application/hal+json} (the HAL list
 * with the filter's variables and the count) and {@code /count}, for the filter as it was (the course's process
 * variables) and as it is (the task cards), interleaved in the same run. Prints EXPLAIN ANALYZE of the statements.
 *
 * <p>Prints figures, asserts nothing about time. Not part of {@code mvn verify}; run with
 * {@code mvn -Pbench test -Dtest=TasklistQueryBenchmark -Dbench.database=postgres -Dbench.spread=true}
 * (docs/benchmarks.md).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles(resolver = BenchDatabase.ProductionProfiles.class)
@Order(2)
class TasklistQueryBenchmark {

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    // Its own database; H2 would otherwise answer a repeated identical query from its last result while no table
    // changed (OPTIMIZE_REUSE_RESULTS), which no real Tasklist with changing tasks gets.
    BenchDatabase.register(registry, "tasklist",
        "jdbc:h2:mem:enplan-bench-tasklist;DB_CLOSE_DELAY=-1;OPTIMIZE_REUSE_RESULTS=FALSE");
    BenchDatabase.productionSecrets(registry);
  }

  static final int GOAL = Integer.getInteger("bench.activeTasks", 100_000);
  static final int CHUNK = 2_000;
  static final int WARM_UP_RUNS = Integer.getInteger("bench.warmUpQueries", 30);
  static final int RUNS = Integer.getInteger("bench.queries", 150);

  static final String TENANT = "allerod";
  static final String GROUP = "koordinator";
  static final String USER = GROUP + "." + TENANT;
  static final int COORDINATORS = 20;
  /**
   * {@code -Dbench.spread=false} (default): every course in Allerød waiting for its coordinator, the worst case for
   * the coordinators' filter. {@code true}: the courses round robin over the nine municipalities and four candidate
   * groups (visitation, coordinator, two sectors), as a network's waiting courses would be (1 in 36 in the filter).
   */
  static final boolean SPREAD = Boolean.getBoolean("bench.spread");
  static final List<String> TENANTS = SPREAD ? List.of("allerod", "ballerup", "fredensborg", "frederikssund",
      "fureso", "gribskov", "halsnaes", "helsingor", "hillerod") : List.of(TENANT);
  static final List<String> GROUPS = SPREAD ? List.of(GROUP, "visitation", "sektor-beskaeftigelse", "sektor-ydelse")
      : List.of(GROUP);
  static final String PAGE_STATEMENT = "org.camunda.bpm.engine.impl.persistence.entity.TaskEntity"
      + ".selectTaskByQueryCriteria";
  /**
   * The task count per course a change sends (TaskCountCache): the application's statement on PostgreSQL
   * (security.TaskCountQueryPlugin), the engine's on H2.
   */
  static final String COUNT_STATEMENT = BenchDatabase.postgres() ? TaskCountQueryPlugin.PER_COURSE
      : TaskCountQueryPlugin.ENGINE_PER_COURSE;
  static final String VARIABLE_STATEMENT = "org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity"
      + ".selectVariableInstanceByQueryCriteria";
  /** What the filters showed before the task cards: the course's process variables. */
  static final List<Map<String, String>> PROCESS_VARIABLES = List.of(
      Map.of("name", "citizenName", "label", "Borger"), Map.of("name", "citizenMaskedCpr", "label", "CPR"),
      Map.of("name", "municipalityName", "label", "Kommune"));

  @Autowired TestIdentity testIdentity;
  @Autowired CourseDriver driver;
  @Autowired CourseSteps steps;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;
  @Autowired JdbcTemplate jdbc;
  @Autowired FilterService filters;
  @Autowired AuthorizationService authorizations;
  @LocalServerPort int port;

  @Test
  void firstPageOfTheCoordinatorFilter() throws Exception {
    testIdentity.ensure();
    boolean postgres = BenchDatabase.postgres();
    long loadStart = System.nanoTime();
    int inFilter = load();
    double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
    if (postgres) {
      // What autovacuum's analyze does after so many new rows in production.
      jdbc.execute("analyze");
    }
    long analyzed = System.nanoTime();
    long visible = as(() -> coordinatorFilter().count());
    if (visible != inFilter) {
      throw new IllegalStateException("the coordinator sees " + visible + " tasks, expected " + inFilter);
    }

    StringBuilder out = new StringBuilder("\n=== TasklistQueryBenchmark (" + BenchDatabase.describe() + ") ===\n");
    out.append(String.format("courses waiting: %,d (%,d engine rows copied) in %.1f s, analyze %.1f s, over %d "
        + "municipalit%s and %d candidate group(s); load average %s%n", GOAL, copiedRows, loadSeconds,
        (analyzed - loadStart) / 1e9 - loadSeconds, TENANTS.size(), TENANTS.size() == 1 ? "y" : "ies", GROUPS.size(),
        loadAverage()));
    out.append(String.format("in the filter Koordinator of koordinator.allerod: %d%n", visible));
    if (postgres) {
      out.append(jdbc.queryForObject("select version()", String.class)).append('\n');
    }
    List<String> summary = new ArrayList<>();
    summary.add(measure(out, "shipped"));
    String http = overHttp(out, "shipped");
    if (postgres) {
      out.append(explain());
    }
    for (TaskQueryTuning step : TaskQueryTuning.chosen()) {
      step.apply().accept(jdbc);
      jdbc.execute("analyze");
      summary.add(measure(out, "+ " + step.name() + " (candidate): " + step.what()));
      http += overHttp(out, "+ " + step.name());
    }
    out.append(String.format("%nsummary (%d runs each, ms)    %s%n", RUNS,
        "page p50  page p95  count p50  count p95  mine p95  sector p95"));
    summary.forEach(line -> out.append(line).append('\n'));
    out.append(http).append('\n');
    out.append(String.format("load average at the end %s; whole benchmark %.0f s%n", loadAverage(),
        (System.nanoTime() - loadStart) / 1e9));
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
    long[] engineCount = new long[RUNS];
    long[] changedCount = new long[RUNS];
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
      changeInAllerod();
      long t5 = System.nanoTime();
      as(() -> coordinatorFilter().count());
      changedCount[i] = System.nanoTime() - t5;
      changeInAllerod();
      long counted = withEnginesCount(() -> as(() -> coordinatorFilter().count()));
      if (counted != as(() -> coordinatorFilter().count())) {
        throw new IllegalStateException("the engine's count " + counted + " differs from the application's");
      }
      engineCount[i] = lastEngineCountNanos;
      page[i] = t1 - t0;
      count[i] = t2 - t1;
      mine[i] = t3 - t2;
      sector[i] = t4 - t3;
    }
    Stream.of(page, count, mine, sector, engineCount, changedCount).forEach(Arrays::sort);
    StringBuilder figures = new StringBuilder(String.format("%n-- %s: first page %d tasks, first due %s%n", state,
        first.size(), first.isEmpty() ? "-" : first.get(0).getDueDate()));
    figures.append(String.format("%-34s %8s %8s %8s %8s%n", "query (" + RUNS + " runs)", "p50 ms", "p95 ms", "max ms",
        "mean ms"));
    line(figures, "Koordinator: first page (15)", page);
    line(figures, "Koordinator: count, answered again", count);
    line(figures, "Koordinator: count after a change", changedCount);
    if (BenchDatabase.postgres()) {
      line(figures, "Koordinator: count after a change, engine's SQL", engineCount);
    }
    line(figures, "Mine opgaver: first page (" + mineShown + ")", mine);
    line(figures, "Min sektor: first page (" + sectorShown + ")", sector);
    System.out.print(figures);
    out.append(figures);
    return String.format("%-28s %9.1f %9.1f %10.1f %10.1f %10.1f %10.1f", state.split(":")[0],
        percentile(page, 50) / 1e6, percentile(page, 95) / 1e6, percentile(count, 50) / 1e6,
        percentile(count, 95) / 1e6, percentile(mine, 95) / 1e6, percentile(sector, 95) / 1e6);
  }

  /**
   * What Tasklist sends for the filter "Koordinator" (as demo mode saves it): {@code POST filter/{id}/list} (HAL,
   * with the filter's variables and, in the same answer, the count) and {@code POST filter/{id}/count}. Asked as
   * Tasklist asks: logged in once, then with the session's cookie and CSRF token against the webapp's own REST
   * ({@code /camunda/api/engine/engine/default/…}); and, for comparison, with HTTP Basic against
   * {@code /engine-rest}, as a REST client would, which checks the password and reads the user's groups and tenants
   * on every request. Interleaved request by request; then where the time of each goes ({@link RequestStatements}).
   */
  private String overHttp(StringBuilder out, String state) throws Exception {
    String before = savedFilter("Koordinator (procesvariable)", PROCESS_VARIABLES);
    String after = savedFilter("Koordinator", TaskCard.FILTER_VARIABLES);
    HttpClient http = HttpClient.newHttpClient();
    String credentials = "Basic " + Base64.getEncoder().encodeToString((USER + ":" + TestIdentity.PASSWORD)
        .getBytes(StandardCharsets.UTF_8));
    // Tasklist's own request: first page, its sorting (here the filter's: due date, then created), HAL.
    String body = "{\"sorting\":[{\"sortBy\":\"dueDate\",\"sortOrder\":\"asc\"},{\"sortBy\":\"created\","
        + "\"sortOrder\":\"asc\"}],\"active\":true}";
    BiFunction<String, String, HttpRequest> post = (url, accept) -> HttpRequest.newBuilder(URI.create(url))
        .header("Authorization", credentials).header("Accept", accept)
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
    String base = "http://localhost:" + port + "/engine-rest/filter/";
    HttpRequest basicList = post.apply(base + after + "/list?firstResult=0&maxResults=15", "application/hal+json");
    HttpRequest basicCount = post.apply(base + after + "/count", "application/json");
    cardsFilterRequests = List.of(basicList, basicCount);
    EngineHttp tasklist = EngineHttp.webapp(port, USER, "tasklist");
    String webapp = "/camunda/api/engine/engine/default/filter/";
    Supplier<HttpResponse<String>> listBefore = () -> tasklist.postAccepting(
        webapp + before + "/list?firstResult=0&maxResults=15", "application/hal+json", body);
    Supplier<HttpResponse<String>> list = () -> tasklist.postAccepting(
        webapp + after + "/list?firstResult=0&maxResults=15", "application/hal+json", body);
    Supplier<HttpResponse<String>> count = () -> tasklist.postAccepting(webapp + after + "/count",
        "application/json", body);
    sessionList = list;
    for (int i = 0; i < WARM_UP_RUNS; i++) {
      listBefore.get();
      list.get();
      count.get();
      send(http, basicList);
      send(http, basicCount);
    }
    long[] pageBefore = new long[RUNS];
    long[] pageAfter = new long[RUNS];
    long[] counted = new long[RUNS];
    long[] basicPage = new long[RUNS];
    long[] basicCounted = new long[RUNS];
    long[] changedPage = new long[RUNS];
    long[] changedCounted = new long[RUNS];
    HttpResponse<String> lastBefore = null;
    HttpResponse<String> lastAfter = null;
    for (int i = 0; i < RUNS; i++) {
      long t0 = System.nanoTime();
      lastBefore = listBefore.get();
      long t1 = System.nanoTime();
      lastAfter = list.get();
      long t2 = System.nanoTime();
      HttpResponse<String> total = count.get();
      long t3 = System.nanoTime();
      send(http, basicList);
      long t4 = System.nanoTime();
      send(http, basicCount);
      long t5 = System.nanoTime();
      changeInAllerod();
      long t6 = System.nanoTime();
      HttpResponse<String> changed = list.get();
      changedPage[i] = System.nanoTime() - t6;
      changeInAllerod();
      long t7 = System.nanoTime();
      HttpResponse<String> changedTotal = count.get();
      changedCounted[i] = System.nanoTime() - t7;
      if (!changedTotal.body().equals(total.body()) || changed.statusCode() != 200) {
        throw new IllegalStateException("after a change the count is " + changedTotal.body() + ", before "
            + total.body());
      }
      pageBefore[i] = t1 - t0;
      pageAfter[i] = t2 - t1;
      counted[i] = t3 - t2;
      basicPage[i] = t4 - t3;
      basicCounted[i] = t5 - t4;
      if (lastBefore.statusCode() != 200 || lastAfter.statusCode() != 200 || total.statusCode() != 200) {
        throw new IllegalStateException("Tasklist's requests answered " + lastBefore.statusCode() + " / "
            + lastAfter.statusCode() + " / " + total.statusCode() + ": " + total.body());
      }
    }
    Stream.of(pageBefore, pageAfter, counted, basicPage, basicCounted, changedPage, changedCounted)
        .forEach(Arrays::sort);
    StringBuilder figures = new StringBuilder(String.format("%n-- over HTTP as Tasklist asks (session, HAL, with the "
        + "filter's variables): %d tasks, %d cards with the citizen (%d bytes); before the cards %d tasks showed the "
        + "citizen%n", occurrences(lastAfter.body(), "\"taskDefinitionKey\""), occurrences(lastAfter.body(),
            "\"" + TaskCard.CITIZEN_NAME + "\""), lastAfter.body().length(),
        occurrences(lastBefore.body(), "\"name\":\"citizenName\"")));
    line(figures, "list, process variables (before)", pageBefore);
    line(figures, "list, task cards (after)", pageAfter);
    line(figures, "count", counted);
    line(figures, "list, task cards, after a change", changedPage);
    line(figures, "count after a change", changedCounted);
    line(figures, "HTTP Basic /engine-rest: list", basicPage);
    line(figures, "HTTP Basic /engine-rest: count", basicCounted);
    figures.append(breakdown("session list, task cards", () -> list.get()));
    figures.append(breakdown("session count", () -> count.get()));
    figures.append(breakdown("HTTP Basic list, task cards", () -> send(http, basicList)));
    System.out.print(figures);
    out.append(figures);
    return String.format("%s, over HTTP (list p50, p95; count p50, p95)%n%-28s %9.1f %9.1f %10.1f %10.1f%n"
        + "%-28s %9.1f %9.1f%n%-28s %9.1f %9.1f %10.1f %10.1f%n%-28s %9.1f %9.1f %10.1f %10.1f%n", state,
        "  list, process variables",
        percentile(pageBefore, 50) / 1e6, percentile(pageBefore, 95) / 1e6, percentile(counted, 50) / 1e6,
        percentile(counted, 95) / 1e6, "  list, task cards", percentile(pageAfter, 50) / 1e6,
        percentile(pageAfter, 95) / 1e6, "  HTTP Basic", percentile(basicPage, 50) / 1e6,
        percentile(basicPage, 95) / 1e6, percentile(basicCounted, 50) / 1e6, percentile(basicCounted, 95) / 1e6,
        "  after a change in Allerød", percentile(changedPage, 50) / 1e6, percentile(changedPage, 95) / 1e6,
        percentile(changedCounted, 50) / 1e6, percentile(changedCounted, 95) / 1e6);
  }

  @Autowired org.camunda.bpm.engine.IdentityService identities;

  /**
   * The 20 coordinators per municipality that the copied courses are assigned to exist as users, as they do in
   * production (HAL embeds each assignee from the users, and caches it; a user that does not exist is asked for
   * again on every page).
   */
  private void coordinatorsOfEveryMunicipality() {
    for (String tenant : TENANTS) {
      if (identities.createTenantQuery().tenantId(tenant).count() == 0) {
        identities.saveTenant(identities.newTenant(tenant));
      }
      for (int n = 1; n < COORDINATORS; n++) {
        String id = GROUP + "." + tenant + n;
        if (identities.createUserQuery().userId(id).count() == 0) {
          org.camunda.bpm.engine.identity.User user = identities.newUser(id);
          user.setFirstName("Koordinator " + n);
          user.setLastName(tenant);
          user.setEmail(id + "@" + tenant + ".kommune.example");
          user.setPassword(TestIdentity.PASSWORD);
          identities.saveUser(user);
          identities.createMembership(id, GROUP);
          identities.createTenantUserMembership(tenant, id);
        }
      }
    }
  }

  private String tickTask;
  private int ticks;

  /**
   * A change in Allerød as any caseworker's work makes one: a local variable of one of its tasks written through
   * the engine (which raises the municipality's task list version at commit), so the next count is counted in the
   * database, not answered again (dk.enplan.tasklist). The filter's tasks and count stay the same.
   */
  private void changeInAllerod() {
    if (tickTask == null) {
      tickTask = tasks.createTaskQuery().tenantIdIn(TENANT).listPage(0, 1).get(0).getId();
    }
    tasks.setVariableLocal(tickTask, "benchTick", ticks++);
  }

  static final int BREAKDOWN_RUNS = Integer.getInteger("bench.breakdownRuns", 30);

  /**
   * Where one request's time goes, over BREAKDOWN_RUNS requests with MyBatis' statement log on: the request as the
   * client sees it, the statements it sent (how many, their time), and the rest (HTTP, authentication, the
   * allow-list, JSON, connections and transactions), means in ms.
   */
  private static String breakdown(String what, Runnable request) {
    long wall = 0;
    long statementNanos = 0;
    Map<String, long[]> byStatement = new TreeMap<>();
    int statements = 0;
    for (int i = 0; i < BREAKDOWN_RUNS; i++) {
      long[] elapsed = new long[1];
      RequestStatements.Tally tally = RequestStatements.capture(() -> {
        long t0 = System.nanoTime();
        request.run();
        elapsed[0] = System.nanoTime() - t0;
      });
      wall += elapsed[0];
      statementNanos += tally.statementNanos();
      statements += tally.statements();
      tally.byStatement().forEach((id, t) -> {
        long[] sum = byStatement.computeIfAbsent(id, k -> new long[2]);
        sum[0] += t[0];
        sum[1] += t[1];
      });
    }
    int n = BREAKDOWN_RUNS;
    StringBuilder text = new StringBuilder(String.format("  where the time goes, %s (%d requests, statement log on; "
        + "means): request %.2f ms, %.1f statements %.2f ms, the rest %.2f ms%n", what, n, wall / 1e6 / n,
        (double) statements / n, statementNanos / 1e6 / n, (wall - statementNanos) / 1e6 / n));
    byStatement.forEach((id, t) -> text.append(String.format("    %-72s %5.1f x %7.2f ms%n", id, (double) t[0] / n,
        t[1] / 1e6 / n)));
    return text.toString();
  }

  /** Tasklist's list request (session) for the cards' filter, once overHttp has run. */
  private Supplier<HttpResponse<String>> sessionList;

  @Autowired org.camunda.bpm.engine.ProcessEngine engine;
  private long lastEngineCountNanos;

  /**
   * Runs the action with the engine's own count statement in place of the application's
   * (security.TaskCountQueryPlugin), for the comparison in the same run; on H2 there is only the engine's.
   */
  private long withEnginesCount(java.util.function.Supplier<Long> action) {
    org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory sessions =
        ((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
            .getDbSqlSessionFactory();
    Map<String, String> ours = sessions.getStatementMappings();
    Map<String, String> engines = ours == null ? new HashMap<>() : new HashMap<>(ours);
    engines.remove("selectTaskCountByQueryCriteria");
    sessions.setStatementMappings(engines);
    try {
      long start = System.nanoTime();
      long result = action.get();
      lastEngineCountNanos = System.nanoTime() - start;
      return result;
    } finally {
      sessions.setStatementMappings(ours);
    }
  }

  private static void send(HttpClient http, HttpRequest request) {
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException("answered " + response.statusCode() + ": " + response.body());
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Tasklist's list and count requests for the cards' filter, once overHttp has run. */
  private List<HttpRequest> cardsFilterRequests = List.of();

  private static void send(HttpRequest request) {
    try {
      HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private String savedFilter(String name, List<Map<String, String>> variables) {
    Filter existing = filters.createTaskFilterQuery().filterName(name).singleResult();
    if (existing != null) {
      return existing.getId();
    }
    Filter filter = filters.newTaskFilter(name).setQuery(tasks.createTaskQuery().taskCandidateGroup(GROUP)
            .includeAssignedTasks().orderByDueDate().asc().orderByTaskCreateTime().asc())
        .setProperties(Map.of("variables", variables, "refresh", true));
    filters.saveFilter(filter);
    Authorization read = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GLOBAL);
    read.setUserId(Authorization.ANY);
    read.setResource(Resources.FILTER);
    read.setResourceId(filter.getId());
    read.addPermission(Permissions.READ);
    authorizations.saveAuthorization(read);
    return filter.getId();
  }

  private static int occurrences(String text, String part) {
    return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
  }

  private static String loadAverage() {
    try {
      return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim();
    } catch (java.io.IOException e) {
      return "unknown";
    }
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
    if (BenchDatabase.postgres()) {
      queries.put("Koordinator, count with the engine's SQL (before TaskCountQueryPlugin)",
          () -> withEnginesCount(() -> as(() -> coordinatorFilter().count())));
    }
    queries.put("Mine opgaver, first page", () -> as(() -> myTasksFilter().listPage(0, 15)));
    queries.put("Min sektor, first page", () -> as(() -> mySectorFilter().listPage(0, 15)));
    queries.put("over HTTP: POST filter/{id}/count", () -> send(cardsFilterRequests.get(1)));
    queries.put("over HTTP: POST filter/{id}/list, first page", () -> send(cardsFilterRequests.get(0)));
    queries.put("over HTTP: POST filter/{id}/list, its count", () -> send(cardsFilterRequests.get(0)));
    queries.put("the cards' variables of the first page", () -> as(() -> cardVariables(
        coordinatorFilter().listPage(0, 15))));
    String entity = "org.camunda.bpm.engine.impl.persistence.entity.";
    Map<String, String> sessionStatements = new LinkedHashMap<>();
    if (sessionList != null) {
      // No revoke checks (authorization-check-revokes: never); users and definitions from HAL's relation cache.
      for (String id : List.of("AuthorizationEntity.isUserAuthorizedForResource",
          "FilterEntity.selectFilter_postgres")) {
        sessionStatements.put("as Tasklist asks (session), the list's " + id, entity + id);
      }
    }
    sessionStatements.forEach((name, statement) -> {
      String sql = StatementCapture.capture(List.of(statement), () -> sessionList.get()).get(statement);
      plans.append("\nEXPLAIN ANALYZE ").append(name).append(":\n").append(sql).append("\n");
      jdbc.queryForList("explain (analyze, buffers) " + sql, String.class)
          .forEach(row -> plans.append("  ").append(row).append("\n"));
    });
    queries.forEach((name, query) -> {
      // After a change a count kept per course is brought up to date by the per-course count, narrowed to the
      // changed course (dk.enplan.tasklist.TaskCountCache): that is the count statement the database gets.
      String statement = name.contains("engine's SQL") ? TaskCountQueryPlugin.ENGINE_PER_COURSE
          : name.endsWith("count") ? COUNT_STATEMENT : name.startsWith("the cards")
          ? VARIABLE_STATEMENT : PAGE_STATEMENT;
      if (name.startsWith("over HTTP") && cardsFilterRequests.isEmpty()) {
        return;
      }
      // A count is only sent to the database after a change (dk.enplan.tasklist.TaskCountCache), and per course
      // only once it was counted per course after an earlier change: one change and count first.
      changeInAllerod();
      query.run();
      String sql;
      try {
        sql = StatementCapture.capture(List.of(statement), () -> {
          changeInAllerod();
          query.run();
        }).get(statement);
      } catch (IllegalStateException e) {
        throw new IllegalStateException(name + ": " + e.getMessage(), e);
      }
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

  /**
   * What Tasklist's REST API asks for a page's variables (FilterResourceImpl): the variables of the filter's names
   * in the scopes of the tasks, their executions and process instances.
   */
  private List<VariableInstance> cardVariables(List<Task> page) {
    String[] scopes = page.stream().flatMap(task -> Stream.of(task.getId(), task.getExecutionId(),
        task.getProcessInstanceId())).distinct().toArray(String[]::new);
    return runtime.createVariableInstanceQuery().disableBinaryFetching().disableCustomObjectDeserialization()
        .variableNameIn(TaskCard.FILTER_VARIABLES.stream().map(v -> v.get("name")).toArray(String[]::new))
        .variableScopeIdIn(scopes).list();
  }

  private long copiedRows;

  /**
   * Drives one course per waiting kind to its task, then copies their rows until GOAL courses wait; returns how
   * many tasks the coordinator's filter then holds.
   */
  private int load() throws Exception {
    coordinatorsOfEveryMunicipality();
    ProcessInstance atVisitation = steps.refer(List.of("ledighed", "forsoergelse"));
    ProcessInstance atConsent = steps.refer(List.of("ledighed", "forsoergelse"));
    steps.visitate(atConsent, List.of("beskaeftigelse"));
    ProcessInstance atAssessment = steps.inJointAssessment(TENANT, List.of("beskaeftigelse"));
    EngineRowCloner cloner = new EngineRowCloner(jdbc);
    Map<String, EngineRowCloner.Template> byGroup = Map.of(
        GROUP, cloner.template(atConsent.getId()),
        "visitation", cloner.template(atVisitation.getId()),
        "sektor-beskaeftigelse", cloner.template(atAssessment.getId()),
        "sektor-ydelse", cloner.template(atAssessment.getId()));
    int inFilter = 1; // the template waiting for its coordinator
    long now = System.currentTimeMillis();
    java.text.SimpleDateFormat timestamp = new java.text.SimpleDateFormat("yyyy-MM-dd HH:mm:ss.SSS");
    java.util.Random random = new java.util.Random(14);
    for (int from = 0; from < GOAL; from += CHUNK) {
      List<EngineRowCloner.Copy> copies = new ArrayList<>();
      List<EngineRowCloner.Template> templates = new ArrayList<>();
      for (int i = from; i < Math.min(GOAL, from + CHUNK); i++) {
        String tenant = TENANTS.get(i % TENANTS.size());
        String group = GROUPS.get(i / TENANTS.size() % GROUPS.size());
        // A course's coordinator tasks are assigned to its coordinator: 20 coordinators per municipality, the
        // measured user one of them.
        int coordinator = i / (TENANTS.size() * GROUPS.size()) % COORDINATORS;
        Map<String, String> replace = new HashMap<>();
        replace.put(TENANT, tenant);
        replace.put(USER, GROUP + "." + tenant + (coordinator == 0 ? "" : coordinator));
        if (group.equals("sektor-ydelse")) {
          replace.put("sektor-beskaeftigelse", group);
          replace.put("beskaeftigelse", "ydelse");
        }
        String due = timestamp.format(new Date(now + (long) (random.nextDouble() * TimeUnit.DAYS.toMillis(90))));
        String created = timestamp.format(new Date(now - (long) (random.nextDouble() * TimeUnit.DAYS.toMillis(90))));
        copies.add(new EngineRowCloner.Copy("-" + i, replace, due, created));
        EngineRowCloner.Template template = byGroup.get(group);
        templates.add(template);
        copiedRows += template.rows();
        if (tenant.equals(TENANT) && group.equals(GROUP)) {
          inFilter++;
        }
      }
      cloner.copy(copies, templates::get);
      if ((from + CHUNK) % 20_000 == 0) {
        System.out.printf("copied %d courses%n", from + CHUNK);
      }
    }
    return inFilter;
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
