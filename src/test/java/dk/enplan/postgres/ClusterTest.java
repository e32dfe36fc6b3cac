package dk.enplan.postgres;

import static dk.enplan.course.CourseProcess.Elements.CLOSE_WITH_CITIZEN;
import static dk.enplan.course.CourseProcess.Elements.COMBINED_DECISION;
import static dk.enplan.course.CourseProcess.Elements.FOLLOW_UP;
import static dk.enplan.course.CourseProcess.Elements.FOLLOW_UP_DUE;
import static dk.enplan.course.CourseProcess.Elements.OBTAIN_CONSENT;
import static dk.enplan.course.CourseProcess.SectorElements.ASSESS_SECTOR;
import static dk.enplan.course.CourseProcess.SectorElements.START_INTERVENTION;
import static dk.enplan.course.CourseSteps.businessKey;
import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dk.enplan.EnPlanApplication;
import dk.enplan.course.CourseProcess;
import dk.enplan.course.CourseService;
import dk.enplan.course.CourseStatus;
import dk.enplan.course.CourseSteps;
import dk.enplan.distribution.DeliveryKind;
import dk.enplan.distribution.Distributions;
import dk.enplan.testing.CourseDriver;
import dk.enplan.testing.TestIdentity;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricJobLog;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two application nodes on one PostgreSQL database, both with the job executor on (docs/cluster.md): every async
 * continuation and timer runs exactly once, courses started on node 1 are worked on node 2, and when node 1 dies
 * while it holds locked jobs, node 2 takes them over after the lock expires; no course is lost.
 *
 * <p>Runs after the other classes (only the coverage summary follows): run before them, its contexts with their own
 * engine names broke the webapp tests of the shared H2 context (Admin setup answered 500 instead of 403, Tasklist's
 * login page never showed); the Camunda webapps look engines up through JVM-wide state.
 */
@Order(Integer.MAX_VALUE - 1)
class ClusterTest {

  static final int COURSES = 20;
  static final List<String> SECTORS = List.of("beskaeftigelse", "ydelse");
  /** How long an acquired job stays locked to its node; a dead node's jobs are taken over after this. */
  static final int LOCK_TIME_MS = 4000;
  /** Timer jobs node 1 holds locked when it crashes. */
  static final int CRASH_LOCKED = 5;
  static final Duration PATIENCE = Duration.ofSeconds(30);

  private static final List<ConfigurableApplicationContext> NODES = new ArrayList<>();

  /**
   * A node as production runs it (profile postgres: the database from ENPLAN_DB_*, pool and job executor settings),
   * with the test profile's CPR key and the job executor's timings shortened for a test.
   */
  static ConfigurableApplicationContext startNode(String name, String databaseUrl) {
    ConfigurableApplicationContext node = new SpringApplicationBuilder(EnPlanApplication.class)
        .profiles("test", "postgres")
        // Command-line arguments: they outrank application-test.yaml (which turns the job executor off).
        .run("--server.port=0",
            "--ENPLAN_DB_URL=" + databaseUrl,
            "--ENPLAN_DB_USER=" + EmbeddedPostgresSupport.USER,
            "--ENPLAN_DB_PASSWORD=" + EmbeddedPostgresSupport.PASSWORD,
            "--camunda.bpm.process-engine-name=" + name,
            // The job log's hostname tells which node ran a job.
            "--camunda.bpm.generic-properties.properties.hostname=" + name,
            "--camunda.bpm.job-execution.enabled=true",
            "--camunda.bpm.job-execution.core-pool-size=2",
            "--camunda.bpm.job-execution.max-pool-size=4",
            "--camunda.bpm.job-execution.queue-capacity=10",
            "--camunda.bpm.job-execution.max-jobs-per-acquisition=5",
            "--camunda.bpm.job-execution.wait-time-in-millis=100",
            "--camunda.bpm.job-execution.max-wait=500",
            "--camunda.bpm.job-execution.backoff-time-in-millis=20",
            "--camunda.bpm.job-execution.max-backoff=200",
            "--camunda.bpm.job-execution.lock-time-in-millis=" + LOCK_TIME_MS,
            "--enplan.distribution.worker.enabled=false",
            "--enplan.privacy.cpr-key=ZW4tcGxhbiBURVNUIGtleSAtIG5ldmVyIGluIHByb2Q=");
    NODES.add(node);
    return node;
  }

  @AfterAll
  static void stopNodes() {
    NODES.forEach(ConfigurableApplicationContext::close);
  }

  @Test
  void twoNodesShareTheWorkAndSurviveTheDeathOfOne() {
    long started = System.nanoTime();
    String url = EmbeddedPostgresSupport.newDatabase("cluster");
    ConfigurableApplicationContext node1 = startNode("node1", url);
    ConfigurableApplicationContext node2 = startNode("node2", url);
    long nodesUp = System.nanoTime();
    node1.getBean(TestIdentity.class).ensure();
    assertThat(node1.getBean(DataSource.class)).isInstanceOfSatisfying(HikariDataSource.class,
        pool -> assertThat(pool.getMaximumPoolSize()).as("pool size of the postgres profile").isEqualTo(20));

    CourseDriver driver1 = node1.getBean(CourseDriver.class);
    CourseSteps steps1 = node1.getBean(CourseSteps.class);
    CourseDriver driver2 = node2.getBean(CourseDriver.class);
    CourseSteps steps2 = node2.getBean(CourseSteps.class);
    TaskService tasks2 = node2.getBean(TaskService.class);
    RuntimeService runtime2 = node2.getBean(RuntimeService.class);
    ManagementService management2 = node2.getBean(ManagementService.class);
    JdbcTemplate jdbc = new JdbcTemplate(node2.getBean(DataSource.class));

    // (a) Started on node 1 up to the consent; the async continuation before the joint assessment runs on
    // whichever node's job executor acquires it first.
    List<ProcessInstance> courses = new ArrayList<>();
    for (int i = 0; i < COURSES; i++) {
      ProcessInstance course = steps1.refer(List.of("ledighed", "forsoergelse"));
      steps1.visitate(course, SECTORS);
      driver1.complete(steps1.task(course, OBTAIN_CONSENT), Map.of("consentGiven", "ja", "consentedSectors",
          SECTORS, "consentInformed", true, "consentNote", "Samtykke underskrevet på mødet."));
      courses.add(course);
    }
    awaitEvery(courses, c -> driver2.tasks(businessKey(c), ASSESS_SECTOR).size() == SECTORS.size(),
        "joint assessment started by the job executor");

    // (b) Worked on node 2: the sectors' assessments, the plan meeting and the decision; the plan's distribution
    // (async) again runs on either node, then the course waits at the follow-up timer.
    for (ProcessInstance course : courses) {
      SECTORS.forEach(sector -> steps2.assess(course, sector));
      steps2.agreePlan(course);
      driver2.complete(steps2.task(course, COMBINED_DECISION), Map.of("decisionText",
          "Kommunen bevilger virksomhedspraktik og budgetrådgivning efter den samlede plan.",
          "complaintGuidanceGiven", true));
    }
    awaitEvery(courses, c -> followUpTimer(management2, c) != null
        && driver2.tasks(businessKey(c), START_INTERVENTION).size() == SECTORS.size(), "plan distributed");

    // (c) Timers, and node 1 dies mid-run. The follow-up falls due now on every course. Node 1 had just acquired
    // (locked) CRASH_LOCKED of these timer jobs when it crashed: the state its acquisition leaves in ACT_RU_JOB
    // (lock owner, lock expiry) is written directly, since closing a Spring context is a graceful shutdown that
    // finishes what the job executor already holds. The other timers fall due through node 1 (whose job executor a
    // new due job wakes at once) and node 1 is shut down right after. Node 2 must fire every timer exactly once,
    // the crashed node's only after their lock expired.
    ProcessEngineConfigurationImpl configuration1 = (ProcessEngineConfigurationImpl) node1.getBean(ProcessEngine.class)
        .getProcessEngineConfiguration();
    String lockOwner1 = configuration1.getJobExecutor().getLockOwner();
    List<String> timers = courses.stream().map(c -> followUpTimer(management2, c).getId()).toList();
    List<String> crashLocked = timers.subList(0, CRASH_LOCKED);
    Timestamp due = new Timestamp(System.currentTimeMillis() - 1000);
    Timestamp lockExpiry = new Timestamp(System.currentTimeMillis() + LOCK_TIME_MS);
    crashLocked.forEach(id -> jdbc.update("update ACT_RU_JOB set DUEDATE_ = ?, LOCK_OWNER_ = ?, LOCK_EXP_TIME_ = ?, "
        + "REV_ = REV_ + 1 where ID_ = ?", due, lockOwner1, lockExpiry, id));
    ManagementService management1 = node1.getBean(ManagementService.class);
    timers.subList(CRASH_LOCKED, timers.size()).forEach(id -> management1.setJobDuedate(id, due));
    int lockedByNode1 = lockedBy(jdbc, lockOwner1);
    long killedAt = System.nanoTime();
    node1.close();
    int stillLockedAfterClose = lockedBy(jdbc, lockOwner1);
    awaitEvery(courses, c -> driver2.task(businessKey(c), FOLLOW_UP) != null,
        "follow-up timer fired although node 1 died");
    long takenOver = System.nanoTime();
    HistoryService history2 = node2.getBean(HistoryService.class);
    assertThat(crashLocked).as("the crashed node's timers, fired by node 2 after the lock expired")
        .allSatisfy(id -> {
          HistoricJobLog fired = history2.createHistoricJobLogQuery().jobId(id).successLog().singleResult();
          assertThat(fired.getHostname()).isEqualTo("node2");
          assertThat(fired.getTimestamp()).isAfterOrEqualTo(lockExpiry);
        });
    assertThat(stillLockedAfterClose).isGreaterThanOrEqualTo(CRASH_LOCKED);

    // Node 2 alone closes the courses (closing is async again).
    for (ProcessInstance course : courses) {
      Map<String, Object> form = new HashMap<>(Map.of("progressionWork", 4, "progressionHealth", 6,
          "progressionHousing", 8, "progressionEconomy", 3, "progressionNetwork", 7,
          "followUpNote", "Praktikken går godt.", "followUpDecision", "afslut"));
      driver2.complete(steps2.task(course, FOLLOW_UP), form);
      driver2.complete(steps2.task(course, CLOSE_WITH_CITIZEN), Map.of("closureReason", "maal_naaet",
          "finalProgression", 8, "closureNote", "Borgeren er i job."));
    }
    awaitEvery(courses, c -> runtime2.createProcessInstanceQuery().processInstanceId(c.getId()).count() == 0,
        "course closed");

    // No course lost: every one closed in the plan store, no incident, no job left.
    CourseService courseService = node2.getBean(CourseService.class);
    List<String> lost = courses.stream().map(CourseSteps::businessKey)
        .filter(id -> courseService.get(id).status() != CourseStatus.CLOSED).toList();
    assertThat(runtime2.createIncidentQuery().count()).as("incidents").isZero();
    assertThat(management2.createJobQuery().processDefinitionKey(CourseProcess.KEY).count()).as("jobs left").isZero();

    // Exactly once: one successful execution per job, in the engine's history and in ACT_HI_JOB_LOG itself,
    // and the jobs' effects once per course (one assessment per sector, one delivery per sector).
    List<HistoricJobLog> successes = history2.createHistoricJobLogQuery().successLog().list().stream()
        .filter(log -> log.getProcessInstanceId() != null).toList();
    Map<String, Long> perJob = successes.stream()
        .collect(Collectors.groupingBy(HistoricJobLog::getJobId, Collectors.counting()));
    long duplicates = perJob.values().stream().filter(n -> n > 1).count();
    List<Map<String, Object>> duplicateRows = jdbc.queryForList("select JOB_ID_, count(*) from ACT_HI_JOB_LOG "
        + "where JOB_STATE_ = 2 and PROCESS_INSTANCE_ID_ is not null group by JOB_ID_ having count(*) > 1");
    Long executedInTable = jdbc.queryForObject("select count(distinct JOB_ID_) from ACT_HI_JOB_LOG "
        + "where JOB_STATE_ = 2 and PROCESS_INSTANCE_ID_ is not null", Long.class);
    long failedAttempts = history2.createHistoricJobLogQuery().failureLog().count();
    Map<String, Long> perNode = successes.stream()
        .collect(Collectors.groupingBy(log -> String.valueOf(log.getHostname()), Collectors.counting()));
    Map<String, Long> perActivity = successes.stream()
        .collect(Collectors.groupingBy(HistoricJobLog::getActivityId, Collectors.counting()));
    Distributions distributions = node2.getBean(Distributions.class);
    List<String> doubleEffects = courses.stream().map(CourseSteps::businessKey).filter(id ->
        history2.createHistoricProcessInstanceQuery().processInstanceBusinessKey(id)
            .processDefinitionKey(CourseProcess.SECTOR_ASSESSMENT_KEY).count() != SECTORS.size()
            || distributions.forCourse(id).stream().filter(r -> r.kind() == DeliveryKind.PLAN).count()
            != SECTORS.size()).toList();

    long definitions = node2.getBean(RepositoryService.class).createProcessDefinitionQuery()
        .processDefinitionKey(CourseProcess.KEY).count();
    System.out.printf("%nCLUSTER: 2 nodes on one PostgreSQL, %d courses; nodes up in %d s, whole test %d s; "
        + "en-plan deployed in %d version(s)%n", COURSES, seconds(nodesUp - started),
        seconds(System.nanoTime() - started), definitions);
    System.out.printf("CLUSTER: jobs executed %d (ACT_HI_JOB_LOG: %d) by activity %s, by host %s%n",
        perJob.size(), executedInTable, perActivity, perNode);
    System.out.printf("CLUSTER: duplicates %d (ACT_HI_JOB_LOG: %d), duplicate effects %d, failed attempts retried "
        + "%d%n", duplicates, duplicateRows.size(), doubleEffects.size(), failedAttempts);
    System.out.printf("CLUSTER: node 1 died holding %d locked timer jobs (%d of them locked at its crash), %d still "
        + "locked after its shutdown; node 2 fired every follow-up timer %d ms after (lock time %d ms); lost courses "
        + "%d%n%n", lockedByNode1, CRASH_LOCKED, stillLockedAfterClose, (takenOver - killedAt) / 1_000_000,
        LOCK_TIME_MS, lost.size());

    assertThat(lost).as("lost courses").isEmpty();
    assertThat(duplicates).as("jobs executed more than once").isZero();
    assertThat(duplicateRows).as("ACT_HI_JOB_LOG: jobs executed more than once").isEmpty();
    assertThat(doubleEffects).as("courses with an assessment or delivery twice").isEmpty();
    assertThat(perJob).as("every job of every course ran: joint assessment, distribution, follow-up timer, "
        + "closing").hasSizeGreaterThanOrEqualTo(4 * COURSES);
    assertThat(perActivity).containsEntry(FOLLOW_UP_DUE, (long) COURSES);
    assertThat(tasks2.createTaskQuery().processInstanceBusinessKeyIn(courses.stream()
        .map(CourseSteps::businessKey).toArray(String[]::new)).count()).as("tasks left").isZero();
  }

  private static Job followUpTimer(ManagementService management, ProcessInstance course) {
    return management.createJobQuery().processInstanceId(course.getId()).activityId(FOLLOW_UP_DUE).timers()
        .singleResult();
  }

  /** Jobs of the courses that this lock owner (a node's job executor) holds right now. */
  private static int lockedBy(JdbcTemplate jdbc, String lockOwner) {
    Integer count = jdbc.queryForObject("select count(*) from ACT_RU_JOB where LOCK_OWNER_ = ? "
        + "and LOCK_EXP_TIME_ > ? and PROCESS_INSTANCE_ID_ is not null", Integer.class, lockOwner,
        new Timestamp(System.currentTimeMillis()));
    return count == null ? 0 : count;
  }

  private static void awaitEvery(List<ProcessInstance> courses, java.util.function.Predicate<ProcessInstance> done,
                                 String what) {
    await(() -> courses.stream().allMatch(done), what);
  }

  private static void await(BooleanSupplier condition, String what) {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within " + PATIENCE + ": " + what);
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(what, e);
      }
    }
  }

  private static long seconds(long nanos) {
    return nanos / 1_000_000_000;
  }
}
