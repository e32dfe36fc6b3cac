package dk.enplan.bench;

import dk.enplan.testing.TestIdentity;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The query a coordinator's Tasklist filter "Koordinator" makes (candidate group {@code koordinator}, assigned tasks
 * included, sorted by due date then creation time; authorization and tenant check on, authenticated as
 * koordinator.allerod with tenant allerod): the first page (15) and its count, with many active tasks in the
 * database. The load is a minimal process with one user task with that candidate group, a due date and the
 * municipality as tenant, which gives the task query exactly the shape of a waiting course (task, identity link,
 * authorization, tenant), far cheaper than driving real courses there.
 *
 * <p>Prints figures, asserts nothing about time. Not part of {@code mvn verify}; run with
 * {@code mvn -Pbench verify -Dtest=TasklistQueryBenchmark} (see docs/benchmarks.md). {@code -Dbench.activeTasks}
 * (default 100000) is the goal, {@code -Dbench.loadSeconds} (default 300) the most time spent loading: it stops
 * earlier and prints the number reached.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    // Its own database; H2 would otherwise answer a repeated identical query from its last result while no table
    // changed (OPTIMIZE_REUSE_RESULTS), which no real Tasklist with changing tasks gets.
    properties = "spring.datasource.url="
        + "jdbc:h2:mem:enplan-bench-tasklist;DB_CLOSE_DELAY=-1;OPTIMIZE_REUSE_RESULTS=FALSE")
@ActiveProfiles("test")
@Order(2)
class TasklistQueryBenchmark {

  static final int GOAL = Integer.getInteger("bench.activeTasks", 100_000);
  static final int LOAD_SECONDS = Integer.getInteger("bench.loadSeconds", 300);
  static final int LOAD_THREADS = Integer.getInteger("bench.loadThreads", 2);
  static final int WARM_UP_RUNS = Integer.getInteger("bench.warmUpQueries", 50);
  static final int RUNS = Integer.getInteger("bench.queries", 200);

  static final String KEY = "bench-waiting-course";
  static final String TENANT = "allerod";

  @Autowired TestIdentity testIdentity;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired IdentityService identity;
  @Autowired RepositoryService repository;

  @Test
  void firstPageOfTheCoordinatorFilter() throws Exception {
    testIdentity.ensure();
    BpmnModelInstance model = Bpmn.createExecutableProcess(KEY).camundaHistoryTimeToLive(1825)
        .startEvent().userTask("waitForCoordinator").camundaCandidateGroups("koordinator").camundaDueDate("${due}")
        .endEvent().done();
    repository.createDeployment().name(KEY).addModelInstance(KEY + ".bpmn", model).deploy();

    long loadStart = System.nanoTime();
    int loaded = load(loadStart);
    double loadSeconds = (System.nanoTime() - loadStart) / 1e9;

    long expected = loaded; // every loaded task is in tenant allerod with candidate group koordinator
    long visible = as(() -> coordinatorFilter().count());
    if (visible < expected) {
      throw new IllegalStateException("the coordinator sees " + visible + " tasks, expected at least " + expected);
    }

    for (int i = 0; i < WARM_UP_RUNS; i++) {
      as(() -> coordinatorFilter().listPage(0, 15));
      as(() -> coordinatorFilter().count());
    }
    long[] page = new long[RUNS];
    long[] count = new long[RUNS];
    long[] both = new long[RUNS];
    List<Task> first = List.of();
    for (int i = 0; i < RUNS; i++) {
      long t0 = System.nanoTime();
      first = as(() -> coordinatorFilter().listPage(0, 15));
      long t1 = System.nanoTime();
      as(() -> coordinatorFilter().count());
      long t2 = System.nanoTime();
      page[i] = t1 - t0;
      count[i] = t2 - t1;
      both[i] = t2 - t0;
    }

    StringBuilder out = new StringBuilder("\n=== TasklistQueryBenchmark (H2 in-memory, profile test) ===\n");
    out.append(String.format("active tasks loaded: %d of goal %d in %.1f s (%.0f/s, %d threads, limit %d s)%n",
        loaded, GOAL, loadSeconds, loaded / loadSeconds, LOAD_THREADS, LOAD_SECONDS));
    out.append(String.format("visible to koordinator.allerod: %d; first page: %d tasks, first due %s%n", visible,
        first.size(), first.isEmpty() ? "-" : first.get(0).getDueDate()));
    out.append(String.format("%-26s %8s %8s %8s %8s%n", "query (" + RUNS + " runs)", "p50 ms", "p95 ms", "max ms",
        "mean ms"));
    line(out, "first page (15)", page);
    line(out, "count", count);
    line(out, "page + count", both);
    out.append("target: page + count p95 < 50 ms at 100,000 active courses on PostgreSQL\n");
    System.out.println(out);
  }

  /** The "Koordinator" filter of TasklistFilters, as Tasklist runs it for a coordinator. */
  private TaskQuery coordinatorFilter() {
    return tasks.createTaskQuery().taskCandidateGroup("koordinator").includeAssignedTasks()
        .orderByDueDate().asc().orderByTaskCreateTime().asc();
  }

  private int load(long loadStart) throws Exception {
    AtomicInteger next = new AtomicInteger();
    AtomicInteger done = new AtomicInteger();
    long deadline = loadStart + TimeUnit.SECONDS.toNanos(LOAD_SECONDS);
    long now = System.currentTimeMillis();
    ExecutorService pool = Executors.newFixedThreadPool(LOAD_THREADS);
    List<Future<?>> workers = new ArrayList<>();
    for (int t = 0; t < LOAD_THREADS; t++) {
      workers.add(pool.submit(() -> {
        while (next.getAndIncrement() < GOAL && System.nanoTime() < deadline) {
          Date due = new Date(now + ThreadLocalRandom.current().nextLong(TimeUnit.DAYS.toMillis(90)));
          runtime.startProcessInstanceByKey(KEY, Map.of("municipality", TENANT, "due", due));
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

  private <T> T as(java.util.function.Supplier<T> query) {
    identity.setAuthentication("koordinator." + TENANT, List.of("koordinator"), List.of(TENANT));
    try {
      return query.get();
    } finally {
      identity.clearAuthentication();
    }
  }

  private static void line(StringBuilder out, String what, long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    double mean = Arrays.stream(sorted).average().orElse(0) / 1e6;
    out.append(String.format("%-26s %8.2f %8.2f %8.2f %8.2f%n", what, percentile(sorted, 50) / 1e6,
        percentile(sorted, 95) / 1e6, sorted[sorted.length - 1] / 1e6, mean));
  }

  private static long percentile(long[] sorted, int p) {
    int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }
}
