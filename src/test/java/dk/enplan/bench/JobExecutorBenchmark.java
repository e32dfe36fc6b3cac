package dk.enplan.bench;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import dk.enplan.bench.JobExecutorNode.Settings;
import dk.enplan.postgres.EmbeddedPostgresSupport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.management.Metrics;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The job executor and connection pool settings of {@code application-postgres.yaml}, measured on a real
 * PostgreSQL: how fast one node, and two nodes on the same database (the cluster, docs/cluster.md), work off a
 * backlog of due jobs with Camunda's defaults, with the application's settings and with alternatives (bigger
 * acquisitions, more or fewer threads, a Hikari pool smaller than the threads). Prints a table, asserts nothing
 * about time (only, after printing, that no job ran twice). Not part of {@code mvn verify}; run with
 * {@code mvn -Pbench test -Dtest=JobExecutorBenchmark} (see docs/benchmarks.md).
 *
 * <p>Every node is a Camunda engine built as the Spring Boot starter builds it ({@link JobExecutorNode}: the
 * starter's {@code SpringJobExecutor} on a {@code ThreadPoolTaskExecutor}, its own Hikari pool, history level full,
 * strong UUIDs), not the whole application: the jobs are the engine's, the application's beans play no part in
 * acquiring and locking them. Two nodes are two engines with separate job executors and pools in one JVM.
 *
 * <p>The work: a backlog of {@code bench.jobs} process instances, each waiting at one due job, created once with the
 * job executors off: half wait at an asynchronous continuation ({@code asyncBefore} on a service task), half at a timer
 * that is already due (duration PT0S); the job runs the service task ({@code ${true}}) and ends the instance. Each job
 * is acquired on its own, as the application's are (an async continuation after a user task, a follow-up timer); a
 * chain of jobs in one instance would not be: the engine runs a due exclusive follow-up job of the same instance in the
 * same thread without acquiring it ({@code JobManager.hintJobExecutor}). The runtime and history rows of the backlog
 * are copied aside, and every run starts from exactly them again (same rows, same ids, statistics analysed), with fresh
 * engines and pools; then the job executors start, and the run lasts until no job and no execution is left ({@code
 * bench.runTimeoutSeconds} at most). Before the runs, one node works for {@code bench.warmUpSeconds} to warm up the
 * JVM; that run is not in the table.
 *
 * <p>Counted per run: acquisition attempts, jobs that an acquisition selected but could not lock because another
 * node (or its own earlier acquisition) had just locked them ({@code job-acquired-failure}: the optimistic-locking
 * collisions back-off reacts to), job batches the thread pool rejected (queue and threads full; the acquisition
 * resubmits them in its next cycle, and every finished batch wakes it up: {@code ExecuteJobsRunnable} calls
 * {@code jobWasAdded()}), failed executions ({@code job-failed}, e.g. a connection timeout), duplicates (a job with
 * more than one successful entry in {@code ACT_HI_JOB_LOG}, or a service task run twice in one instance: must be 0),
 * the split of successful jobs over the nodes ({@code ACT_HI_JOB_LOG.HOSTNAME_}), the most jobs one node held locked
 * at once (sampled; a node that dies delays them by the lock time), the most job threads a node used, and the time
 * job threads waited for a pooled connection.
 */
@Order(3)
class JobExecutorBenchmark {

  static final int JOBS = Integer.getInteger("bench.jobs", 1_500);
  /** The warm-up run (1 node, not in the table) stops after this many seconds. */
  static final int WARM_UP_SECONDS = Integer.getInteger("bench.warmUpSeconds", 8);
  static final int LOAD_THREADS = Integer.getInteger("bench.loadThreads", 2);
  static final int ROUNDS = Integer.getInteger("bench.rounds", 1);
  static final int RUN_TIMEOUT_SECONDS = Integer.getInteger("bench.runTimeoutSeconds", 120);
  /** Comma-separated scenario names to run (default all but {@link #NOT_BY_DEFAULT}), e.g. {@code defaults,yaml}. */
  static final String ONLY = System.getProperty("bench.scenarios", "");
  /** Node counts to run each scenario with, e.g. {@code -Dbench.nodes=2}. */
  static final String NODES = System.getProperty("bench.nodes", "1,2");

  static final String ASYNC_KEY = "bench-job-async";
  static final String TIMER_KEY = "bench-job-timer";
  static final String WORK = "work";

  /** The application's fixed settings (application-postgres.yaml): wait 5 s up to 60 s, lock time 5 min. */
  static final int WAIT = 5_000;
  static final long MAX_WAIT = 60_000;
  static final int LOCK = 300_000;

  /** A named set of settings, run with each of {@code nodes} (1 and 2, or 2 only where 1 node cannot differ). */
  record Scenario(String name, String what, Settings settings, List<Integer> nodes) {

    Scenario(String name, String what, Settings settings) {
      this(name, what, settings, List.of(1, 2));
    }
  }

  /** The scenarios, in the order they run. */
  static final List<Scenario> SCENARIOS = List.of(
      new Scenario("defaults", "Camunda's defaults (no back-off)",
          new Settings(3, 10, 3, 3, WAIT, MAX_WAIT, 0, 0, LOCK, 20)),
      new Scenario("yaml", "application-postgres.yaml today",
          new Settings(3, 10, 3, 3, WAIT, MAX_WAIT, 50, 500, LOCK, 20)),
      // Back-off only acts on collisions, which need two nodes. While backing off, the engine also multiplies the
      // jobs per acquisition by 2^level (BackoffJobAcquisitionStrategy): 50/500 goes up to level 5 (3 x 32 = 96
      // jobs), 50/50 up to level 2 (3 x 4 = 12).
      new Scenario("backoff50-50", "yaml with max-backoff 50: back-off without the large acquisitions",
          new Settings(3, 10, 3, 3, WAIT, MAX_WAIT, 50, 50, LOCK, 20), List.of(2)),
      new Scenario("yaml-pool5", "yaml with a Hikari pool of 5 (fewer connections than threads)",
          new Settings(3, 10, 3, 3, WAIT, MAX_WAIT, 50, 500, LOCK, 5)),
      new Scenario("threads3", "yaml, at most 3 threads (the pool never grows)",
          new Settings(3, 3, 3, 3, WAIT, MAX_WAIT, 50, 500, LOCK, 20)),
      new Scenario("threads10", "yaml, 10 core threads",
          new Settings(10, 10, 3, 3, WAIT, MAX_WAIT, 50, 500, LOCK, 20)),
      new Scenario("acq10", "yaml, 10 jobs per acquisition",
          new Settings(3, 10, 3, 10, WAIT, MAX_WAIT, 50, 500, LOCK, 20)),
      new Scenario("acq10-backoff50-50", "10 jobs per acquisition, back-off 50/50 (up to 40 per acquisition)",
          new Settings(3, 10, 3, 10, WAIT, MAX_WAIT, 50, 50, LOCK, 20)),
      // Not run by default (NOT_BY_DEFAULT), like threads10.
      new Scenario("acq10-threads10", "yaml, 10 per acquisition, 10 core threads",
          new Settings(10, 10, 3, 10, WAIT, MAX_WAIT, 50, 500, LOCK, 20)));

  /**
   * Run only when named in {@code bench.scenarios}: with a backlog the thread pool grows to its maximum anyway
   * (queue 3), so 10 core threads ran like the 3 core threads of yaml and acq10 (two runs, 24 November 2026).
   */
  static final List<String> NOT_BY_DEFAULT = List.of("threads10", "acq10-threads10");

  record Result(Scenario scenario, int nodes, int jobs, double seconds, boolean finished, long acquisitions,
                long acquired, long collisions, long rejected, long failedExecutions, long failedLog,
                long duplicates, long completedInstances, Map<String, Long> split, List<Integer> largestThreads,
                long mostLocked, double connWaitMeanMs, double connWaitMaxMs, long connTimeouts, String loadBefore,
                String loadAfter) {

    /** Jobs done per second (all of them when the run finished). */
    double jobsPerSecond() {
      return completedInstances / seconds;
    }
  }

  private String url;
  private final String user = System.getProperty("bench.postgres.user", EmbeddedPostgresSupport.USER);
  private final String password = System.getProperty("bench.postgres.password", EmbeddedPostgresSupport.PASSWORD);
  private final AtomicInteger engines = new AtomicInteger();

  @Test
  void jobExecutorSettings() throws Exception {
    Map<String, Level> levelsBefore = quietLogging();
    try {
      String external = System.getProperty("bench.postgres.url");
      url = external != null ? external : EmbeddedPostgresSupport.newDatabase("bench_jobs");
      long start = System.nanoTime();
      deploy();
      long loadStart = System.nanoTime();
      try (JobExecutorNode loader = new JobExecutorNode("benchJobs" + engines.incrementAndGet(), "loader", url, user,
          password, SCENARIOS.get(1).settings())) {
        load(loader.engine.getRuntimeService(), JOBS);
      }
      double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
      snapshot();
      System.out.printf("backlog: %d process instances with one due job each, created in %.1f s (%.0f/s)%n", JOBS,
          loadSeconds, JOBS / loadSeconds);

      List<Scenario> scenarios = SCENARIOS.stream()
          .filter(s -> ONLY.isBlank() ? !NOT_BY_DEFAULT.contains(s.name())
              : Arrays.asList(ONLY.split(",")).contains(s.name())).toList();
      List<Integer> nodeCounts = Arrays.stream(NODES.split(",")).map(String::trim).map(Integer::valueOf).toList();

      Result warmUp = run(SCENARIOS.get(1), 1, WARM_UP_SECONDS);
      System.out.printf("warm-up: 1 node, %.1f s, %d jobs done, not in the table%n", warmUp.seconds(),
          warmUp.completedInstances());

      List<Result> results = new ArrayList<>();
      for (int round = 1; round <= ROUNDS; round++) {
        for (Scenario scenario : scenarios) {
          for (int nodes : nodeCounts) {
            if (!scenario.nodes().contains(nodes)) {
              continue;
            }
            Result result = run(scenario, nodes, RUN_TIMEOUT_SECONDS);
            System.out.println(line(result));
            results.add(result);
          }
        }
      }
      dropSnapshot();
      System.out.println(table(results, loadSeconds, (System.nanoTime() - start) / 1e9));
      for (Result result : results) {
        if (result.duplicates() != 0) {
          throw new AssertionError(result.scenario().name() + " on " + result.nodes() + " node(s): "
              + result.duplicates() + " jobs ran more than once");
        }
      }
    } finally {
      levelsBefore.forEach((name, level) -> ((Logger) LoggerFactory.getLogger(name)).setLevel(level));
    }
  }

  /**
   * One run: the backlog restored, fresh nodes, their job executors started together, until no job and no
   * execution is left or {@code limitSeconds} have passed.
   */
  private Result run(Scenario scenario, int nodeCount, int limitSeconds) throws Exception {
    restore();
    int jobs = JOBS;
    List<JobExecutorNode> nodes = new ArrayList<>();
    try {
      for (int n = 1; n <= nodeCount; n++) {
        nodes.add(new JobExecutorNode("benchJobs" + engines.incrementAndGet(), "node" + n, url, user, password,
            scenario.settings()));
      }
      long due = count("select count(*) from act_ru_job");
      if (due != jobs) {
        throw new IllegalStateException("expected " + jobs + " due jobs, found " + due);
      }
      nodes.forEach(node -> node.poolWaits.reset());
      String loadBefore = loadAverage();

      long start = System.nanoTime();
      nodes.forEach(JobExecutorNode::startJobExecutor);
      long deadline = start + TimeUnit.SECONDS.toNanos(limitSeconds);
      boolean finished = false;
      long mostLocked = 0;
      try (Connection c = connect(); Statement s = c.createStatement()) {
        while (System.nanoTime() < deadline) {
          // What is left, and the most jobs one node holds locked (sampled): a node that dies delays them all by
          // the lock time.
          try (ResultSet rs = s.executeQuery("select (select count(*) from act_ru_job)"
              + " + (select count(*) from act_ru_execution), (select coalesce(max(n), 0) from (select count(*) n"
              + " from act_ru_job where lock_owner_ is not null group by lock_owner_) locked)")) {
            rs.next();
            mostLocked = Math.max(mostLocked, rs.getLong(2));
            if (rs.getLong(1) == 0) {
              finished = true;
              break;
            }
          }
          Thread.sleep(25);
        }
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      String loadAfter = loadAverage();
      for (JobExecutorNode node : nodes) {
        node.jobExecutor.shutdown();
      }

      long acquisitions = 0, acquired = 0, collisions = 0, rejected = 0, failedExecutions = 0;
      long waits = 0, waitNanos = 0, waitMax = 0, timeouts = 0;
      List<Integer> largest = new ArrayList<>();
      for (JobExecutorNode node : nodes) {
        acquisitions += node.meter(Metrics.JOB_ACQUISITION_ATTEMPT);
        acquired += node.meter(Metrics.JOB_ACQUIRED_SUCCESS);
        collisions += node.meter(Metrics.JOB_ACQUIRED_FAILURE);
        rejected += node.meter(Metrics.JOB_EXECUTION_REJECTED);
        failedExecutions += node.meter(Metrics.JOB_FAILED);
        largest.add(node.largestThreadCount());
        waits += node.poolWaits.acquisitions.get();
        waitNanos += node.poolWaits.totalNanos.get();
        waitMax = Math.max(waitMax, node.poolWaits.maxNanos.get());
        timeouts += node.poolWaits.timeouts.get();
      }
      // ACT_HI_JOB_LOG.JOB_STATE_: 0 created, 1 failed, 2 successful, 3 deleted.
      long successes = count("select count(*) from act_hi_job_log where job_state_ = 2");
      long duplicateLog = successes - count("select count(distinct job_id_) from act_hi_job_log where job_state_ = 2");
      long duplicateWork = count("select count(*) - count(distinct proc_inst_id_) from act_hi_actinst"
          + " where act_id_ = '" + WORK + "'");
      long failedLog = count("select count(*) from act_hi_job_log where job_state_ = 1");
      long completed = count("select count(*) from act_hi_procinst where end_time_ is not null");
      Map<String, Long> split = new TreeMap<>();
      try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
          "select hostname_, count(*) from act_hi_job_log where job_state_ = 2 group by hostname_")) {
        while (rs.next()) {
          split.put(rs.getString(1), rs.getLong(2));
        }
      }
      return new Result(scenario, nodeCount, jobs, seconds, finished && completed == jobs, acquisitions, acquired,
          collisions, rejected, failedExecutions, failedLog, duplicateLog + duplicateWork, completed, split, largest,
          mostLocked, waits == 0 ? 0 : waitNanos / 1e6 / waits, waitMax / 1e6, timeouts, loadBefore, loadAfter);
    } finally {
      for (JobExecutorNode node : nodes) {
        node.close();
      }
    }
  }

  /** Half the instances wait at an async continuation, half at a due timer; every one at exactly one job. */
  private void load(RuntimeService runtime, int jobs) throws Exception {
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(LOAD_THREADS);
    try {
      List<Future<?>> workers = new ArrayList<>();
      for (int t = 0; t < LOAD_THREADS; t++) {
        workers.add(pool.submit(() -> {
          int i;
          while ((i = next.getAndIncrement()) < jobs) {
            runtime.startProcessInstanceByKey(i % 2 == 0 ? ASYNC_KEY : TIMER_KEY);
          }
          return null;
        }));
      }
      for (Future<?> worker : workers) {
        worker.get();
      }
    } finally {
      pool.shutdown();
    }
  }

  private void deploy() {
    BpmnModelInstance async = Bpmn.createExecutableProcess(ASYNC_KEY).camundaHistoryTimeToLive(1)
        .startEvent("start").serviceTask(WORK).camundaAsyncBefore().camundaExpression("${true}")
        .endEvent("end").done();
    BpmnModelInstance timer = Bpmn.createExecutableProcess(TIMER_KEY).camundaHistoryTimeToLive(1)
        .startEvent("start").intermediateCatchEvent("due").timerWithDuration("PT0S")
        .serviceTask(WORK).camundaExpression("${true}").endEvent("end").done();
    try (JobExecutorNode node = new JobExecutorNode("benchJobs" + engines.incrementAndGet(), "deployer", url, user,
        password, SCENARIOS.get(1).settings())) {
      node.engine.getRepositoryService().createDeployment().name("bench-jobs")
          .addModelInstance(ASYNC_KEY + ".bpmn", async).addModelInstance(TIMER_KEY + ".bpmn", timer).deploy();
    }
  }

  /**
   * The tables a run changes: runtime and history. The deployment ({@code ACT_RE_*}, {@code ACT_GE_*}, the job
   * definitions in {@code ACT_RU_JOBDEF}) stays.
   */
  private List<String> runTables() throws SQLException {
    List<String> tables = new ArrayList<>();
    try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
        "select table_name from information_schema.tables where table_schema = current_schema()"
            + " and (table_name like 'act\\_ru\\_%' or table_name like 'act\\_hi\\_%')"
            + " and table_name <> 'act_ru_jobdef' and table_type = 'BASE TABLE' order by table_name")) {
      while (rs.next()) {
        tables.add(rs.getString(1));
      }
    }
    return tables;
  }

  /** Keeps a copy of the backlog (runtime and history rows after loading) that every run starts from. */
  private void snapshot() throws SQLException {
    try (Connection c = connect(); Statement s = c.createStatement()) {
      for (String table : runTables()) {
        s.execute("drop table if exists bench_snap_" + table);
        s.execute("create table bench_snap_" + table + " as select * from " + table);
      }
    }
  }

  /** Puts the backlog back: the same rows, the same ids, every run; then fresh planner statistics. */
  private void restore() throws SQLException {
    List<String> tables = runTables();
    try (Connection c = connect(); Statement s = c.createStatement()) {
      s.execute("truncate " + String.join(", ", tables) + " cascade");
      // Exception stack traces of failed jobs from an earlier run; deployment resources have a deployment id.
      s.execute("delete from act_ge_bytearray where deployment_id_ is null");
      s.execute("insert into act_ru_execution select * from bench_snap_act_ru_execution");
      for (String table : tables) {
        if (!table.equals("act_ru_execution")) {
          s.execute("insert into " + table + " select * from bench_snap_" + table);
        }
      }
      s.execute("vacuum analyze");
    }
  }

  private void dropSnapshot() throws SQLException {
    try (Connection c = connect(); Statement s = c.createStatement()) {
      for (String table : runTables()) {
        s.execute("drop table if exists bench_snap_" + table);
      }
    }
  }

  private Connection connect() throws SQLException {
    return DriverManager.getConnection(url, user, password);
  }

  private long count(String sql) throws SQLException {
    try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return parts[0];
    } catch (IOException | RuntimeException e) {
      return "?";
    }
  }

  /** Without Spring Boot, logback would log everything (MyBatis statements included) at DEBUG. */
  private static Map<String, Level> quietLogging() {
    Map<String, Level> before = new LinkedHashMap<>();
    for (String name : List.of(Logger.ROOT_LOGGER_NAME, "org.camunda", "org.apache.ibatis", "com.zaxxer",
        "org.springframework", "io.zonky", "org.postgresql")) {
      Logger logger = (Logger) LoggerFactory.getLogger(name);
      before.put(name, logger.getLevel());
      logger.setLevel(name.equals(Logger.ROOT_LOGGER_NAME) ? Level.INFO : Level.WARN);
    }
    // Job failures are counted, not printed one by one.
    before.put("org.camunda.bpm.engine.jobexecutor", ((Logger) LoggerFactory.getLogger(
        "org.camunda.bpm.engine.jobexecutor")).getLevel());
    ((Logger) LoggerFactory.getLogger("org.camunda.bpm.engine.jobexecutor")).setLevel(Level.ERROR);
    return before;
  }

  private static String split(Result r) {
    if (r.nodes() == 1) {
      return "-";
    }
    StringBuilder out = new StringBuilder();
    r.split().forEach((node, count) -> out.append(out.isEmpty() ? "" : "/").append(count));
    return out.toString();
  }

  private static String line(Result r) {
    return String.format("%s, %d node%s (threads %s): %d of %d jobs in %.2f s = %.0f jobs/s%s; %d acquisitions"
            + " locking %d jobs (%.1f each), %d collisions, %d rejected, %d failed (job log %d), %d duplicates,"
            + " split %s, most held %d, threads %s, conn wait mean %.2f max %.1f ms, %d timeouts, load %s -> %s",
        r.scenario().name(), r.nodes(), r.nodes() == 1 ? "" : "s", r.scenario().settings().describe(),
        r.completedInstances(), r.jobs(), r.seconds(), r.jobsPerSecond(), r.finished() ? "" : " (NOT FINISHED)",
        r.acquisitions(), r.acquired(), perAcquisition(r), r.collisions(), r.rejected(), r.failedExecutions(),
        r.failedLog(), r.duplicates(), split(r), r.mostLocked(), r.largestThreads(), r.connWaitMeanMs(),
        r.connWaitMaxMs(), r.connTimeouts(), r.loadBefore(), r.loadAfter());
  }

  private static double perAcquisition(Result r) {
    return r.acquisitions() == 0 ? 0 : (double) r.acquired() / r.acquisitions();
  }

  private static final String ROW = "%-21s %5s %-40s %5s %7s %6s %5s %6s %5s %6s %4s %3s %-9s %4s %-7s %9s %5s%n";

  private String table(List<Result> results, double loadSeconds, double totalSeconds) {
    StringBuilder out = new StringBuilder("\n=== JobExecutorBenchmark (" + (System.getProperty("bench.postgres.url")
        != null ? "PostgreSQL " + url : "embedded PostgreSQL") + ") ===\n");
    out.append(String.format(ROW, "scenario", "nodes", "threads core/max queue, acq, backoff, pool", "jobs",
        "seconds", "jobs/s", "acq", "per acq", "coll", "rej", "fail", "dup", "split", "held", "threads",
        "conn wait", "load"));
    for (Result r : results) {
      out.append(String.format(ROW.replace("%n", ""), r.scenario().name(), r.nodes(),
          r.scenario().settings().describe(), r.jobs(), String.format("%.2f", r.seconds()),
          String.format("%.0f", r.jobsPerSecond()), r.acquisitions(), String.format("%.1f", perAcquisition(r)),
          r.collisions(), r.rejected(), r.failedExecutions(), r.duplicates(), split(r), r.mostLocked(),
          r.largestThreads().toString().replace(" ", ""),
          String.format("%.1f/%.0f", r.connWaitMeanMs(), r.connWaitMaxMs()), r.loadBefore()));
      out.append(r.finished() ? "" : "  NOT FINISHED within " + RUN_TIMEOUT_SECONDS + " s: "
          + r.completedInstances() + " done").append('\n');
    }
    out.append("acq = acquisition attempts; per acq = jobs locked per attempt; coll = jobs an acquisition selected but"
        + " could not lock (optimistic locking: another acquisition had them); rej = jobs handed to a full thread"
        + " pool (kept and handed again next cycle); fail = failed executions; dup = jobs run more than once;"
        + " split = jobs done per node; held = most jobs one node had locked at once (sampled every 25 ms);"
        + " threads = most job threads per node; conn wait = ms until Hikari gave a connection, mean/max;"
        + " load = 1-minute load average at the start\n");
    out.append(String.format("fixed: wait %d ms, max wait %d ms, lock %d ms, history full; every run starts from the"
            + " same backlog of %d due jobs (half async continuations, half due timers; created once in %.1f s);"
            + " warm-up %d s; cores %d, max heap %d MB; total %.0f s%n", WAIT, MAX_WAIT, LOCK, JOBS, loadSeconds,
        WARM_UP_SECONDS, Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() / (1024 * 1024),
        totalSeconds));
    return out.toString();
  }
}
