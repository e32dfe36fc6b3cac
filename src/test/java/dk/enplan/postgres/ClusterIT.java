package dk.enplan.postgres;

import static dk.enplan.course.CourseProcess.Elements.CLOSE_WITH_CITIZEN;
import static dk.enplan.course.CourseProcess.Elements.COMBINED_DECISION;
import static dk.enplan.course.CourseProcess.Elements.FOLLOW_UP;
import static dk.enplan.course.CourseProcess.Elements.FOLLOW_UP_DUE;
import static dk.enplan.course.CourseProcess.Elements.OBTAIN_CONSENT;
import static dk.enplan.course.CourseProcess.Elements.PLAN_MEETING;
import static dk.enplan.course.CourseProcess.Elements.VISITATION;
import static dk.enplan.course.CourseProcess.SectorElements.ASSESS_SECTOR;
import static dk.enplan.course.CourseProcess.SectorElements.START_INTERVENTION;
import static dk.enplan.course.CourseSteps.businessKey;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.zaxxer.hikari.HikariDataSource;
import dk.enplan.EnPlanApplication;
import dk.enplan.course.CourseProcess;
import dk.enplan.course.CourseService;
import dk.enplan.course.CourseStatus;
import dk.enplan.course.CourseSteps;
import dk.enplan.distribution.DeliveryKind;
import dk.enplan.distribution.DistributionRecord;
import dk.enplan.distribution.Distributions;
import dk.enplan.distribution.SpecialistSystemWorker;
import dk.enplan.testing.CourseDriver;
import dk.enplan.testing.CourseEngineTest;
import dk.enplan.testing.TestIdentity;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricExternalTaskLog;
import org.camunda.bpm.engine.history.HistoricJobLog;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two application nodes on one PostgreSQL database, both with the job executor on (docs/cluster.md): every async
 * continuation and timer runs exactly once, courses started on node 1 are worked on node 2, and when node 1 is
 * killed (SIGKILL) while it holds locked jobs, some of them executing, node 2 takes them over after the lock
 * expires; no course is lost. Both nodes' specialist-system workers fetch and lock the deliveries (external tasks
 * on {@code fagsystem-<sector>}) side by side: each is completed exactly once, and the specialist systems (WireMock
 * in this JVM, one URL per node) receive every delivery's idempotency key.
 *
 * <p>Node 2 runs in this JVM (a Spring context); node 1 runs in a child JVM started from the test class path,
 * which the test kills with {@link Process#destroyForcibly()} (SIGKILL: no shutdown hook, no graceful stop of the
 * job executor, its database connections just drop). Node 1 alone gets {@code enplan.test.slow-job-millis}: the
 * follow-up timer's job takes that long there ({@link KilledNodeHooks}), so node 1 is killed mid-run.
 *
 * <p>Runs after the other classes (only the coverage summary follows): run before them, its contexts with their own
 * engine names broke the webapp tests of the shared H2 context (Admin setup answered 500 instead of 403, Tasklist's
 * login page never showed); the Camunda webapps look engines up through JVM-wide state.
 */
@Order(Integer.MAX_VALUE - 1)
@Tag(CourseEngineTest.AFTER_SHARED_CONTEXT)
class ClusterIT {

  static final int COURSES = 20;
  static final List<String> SECTORS = List.of("beskaeftigelse", "ydelse");
  /** How long an acquired job stays locked to its node; a dead node's jobs are taken over after this. */
  static final int LOCK_TIME_MS = 4000;
  /** Jobs node 1 holds locked, at least, when it is killed. */
  static final int CRASH_LOCKED = 5;
  /** How long a follow-up timer's job takes on node 1: far longer than node 1 lives after it started one. */
  static final int SLOW_JOB_MS = 30_000;
  static final Duration PATIENCE = Duration.ofSeconds(30);
  /** For a node's start: a fresh JVM on a busy 2-CPU machine takes a while. */
  static final Duration START_PATIENCE = Duration.ofSeconds(120);
  /** Allerød's specialist systems for the courses' sectors, on every node: sector → mode (docs/distribution.md). */
  static final Map<String, String> SYSTEMS = Map.of("beskaeftigelse", "FULL", "ydelse", "REFERENCE");
  /** How often each node's specialist-system worker fetches and locks (production: 5 s). */
  static final Duration WORKER_POLL = Duration.ofMillis(250);
  /**
   * How long a fetched delivery stays locked to its node's worker (production: 2 min). No node dies holding one, so
   * it costs no time here; shorter locks (5 s) expired on a loaded machine while the delivery was under way, and the
   * other node sent it again (same Idempotency-Key; still completed once).
   */
  static final Duration DELIVERY_LOCK = Duration.ofSeconds(30);
  /**
   * The worker logs a failed delivery and a failed report to the engine as a warning and goes on, and a report made
   * again after a lost race with the course at INFO.
   */
  static final String WORKER_LOGGER = SpecialistSystemWorker.class.getName();

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern SLOW_JOB = Pattern.compile(KilledNodeHooks.SLOW_JOB + "(\\S+) locked by (\\S+) ");
  /** A warning of the worker in node 1's log (Spring Boot's console pattern abbreviates the logger's package). */
  private static final Pattern WORKER_WARNING =
      Pattern.compile("(?m)^\\S+\\s+WARN .*SpecialistSystemWorker\\s+: (.{0,40})");
  private static final List<ConfigurableApplicationContext> NODES = new ArrayList<>();
  private static Process childNode;
  private static Path childLog;
  /** Allerød's specialist systems, for both nodes: {@code /<node>/<sector>} tells which node sent a delivery. */
  private static WireMockServer receiver;
  private static ListAppender<ILoggingEvent> workerLog2;
  /** Node 2's engine, for describing courses that did not get somewhere in time. */
  private static ProcessEngine engine2;

  /**
   * A node as production runs it (profile postgres: the database from ENPLAN_DB_*, pool and job executor settings),
   * with the test profile's CPR key and the job executor's timings shortened for a test. Command-line arguments:
   * they outrank application-test.yaml (which turns the job executor off).
   */
  static List<String> nodeArguments(String hostname, String engineName, int port, String databaseUrl,
                                    String receiverUrl) {
    List<String> arguments = new ArrayList<>(List.of("--server.port=" + port,
        "--ENPLAN_DB_URL=" + databaseUrl,
        "--ENPLAN_DB_USER=" + EmbeddedPostgresSupport.USER,
        "--ENPLAN_DB_PASSWORD=" + EmbeddedPostgresSupport.PASSWORD,
        "--camunda.bpm.process-engine-name=" + engineName,
        // The job log's hostname tells which node ran a job.
        "--camunda.bpm.generic-properties.properties.hostname=" + hostname,
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
        // The specialist-system worker on, as in production, polling often and locking briefly for a test; a
        // failed delivery is retried after a second instead of a minute.
        "--enplan.distribution.worker.enabled=true",
        "--enplan.distribution.worker.poll-interval=" + WORKER_POLL,
        "--enplan.distribution.lock-duration=" + DELIVERY_LOCK,
        "--enplan.distribution.first-retry-delay=PT1S",
        "--enplan.distribution.backoff-factor=1",
        "--enplan.privacy.cpr-key=ZW4tcGxhbiBURVNUIGtleSAtIG5ldmVyIGluIHByb2Q="));
    int i = 0;
    for (String sector : SECTORS) {
      String prefix = "--enplan.distribution.systems[" + i++ + "].";
      arguments.addAll(List.of(prefix + "municipality=" + CourseSteps.TENANT, prefix + "sector=" + sector,
          prefix + "mode=" + SYSTEMS.get(sector), prefix + "url=" + receiverUrl + "/" + hostname + "/" + sector,
          prefix + "username=en-plan", prefix + "password=hemmelig"));
    }
    return arguments;
  }

  /** A node in this JVM: its own engine name, as the JVM holds other tests' engines too. */
  static ConfigurableApplicationContext startNode(String name, String databaseUrl) {
    ConfigurableApplicationContext node = new SpringApplicationBuilder(EnPlanApplication.class)
        .profiles("test", "postgres")
        .run(nodeArguments(name, name, 0, databaseUrl, receiver.baseUrl()).toArray(String[]::new));
    NODES.add(node);
    return node;
  }

  /**
   * A node in a child JVM: {@code java -cp <the test class path> dk.enplan.EnPlanApplication} with the same
   * arguments, the default engine name (the one the REST API serves; the JVM is its own), the slow follow-up timer,
   * and its output in {@code target/cluster-<name>.log}. It binds a free port itself ({@link ChildNodePort}).
   * Returns that port once it has started.
   */
  static int startChildNode(String name, String databaseUrl) throws Exception {
    // Surefire runs the tests from a manifest-only jar and puts the real class path into these properties. It ends
    // in a path separator, an empty entry, which a JVM takes for its working directory: the project's processes/
    // would be deployed twice. Only the non-empty entries.
    String classPath = Stream.of(System.getProperty("surefire.test.class.path",
        System.getProperty("java.class.path")).split(File.pathSeparator)).filter(entry -> !entry.isBlank())
        .collect(Collectors.joining(File.pathSeparator));
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        // Start-up only, for a 2-CPU build machine: C1 alone compiles less, the serial GC runs no extra threads.
        "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
        "-cp", classPath, EnPlanApplication.class.getName(),
        "--spring.profiles.active=test,postgres"));
    command.addAll(nodeArguments(name, "default", 0, databaseUrl, receiver.baseUrl()));
    command.add("--enplan.test.slow-job-millis=" + SLOW_JOB_MS);
    command.add("--enplan.test.parent-pid=" + ProcessHandle.current().pid());
    Path target = Path.of(System.getProperty("basedir", System.getProperty("user.dir")), "target");
    Files.createDirectories(target);
    childLog = target.resolve("cluster-" + name + ".log");
    childNode = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(childLog.toFile())
        .directory(new File(System.getProperty("user.dir"))).start();
    System.out.printf("CLUSTER: %s runs in a child JVM (pid %d), its log: %s%n", name, childNode.pid(), childLog);
    long deadline = System.nanoTime() + START_PATIENCE.toNanos();
    while (!childLogText().contains("Started " + EnPlanApplication.class.getSimpleName())) {
      if (!childNode.isAlive()) {
        throw new AssertionError(name + " ended with exit code " + childNode.exitValue() + " before it started; "
            + "its log: " + childLog);
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError(name + " did not start within " + START_PATIENCE + "; its log: " + childLog);
      }
      Thread.sleep(200);
    }
    return ChildNodePort.from(childLogText(), childLog);
  }

  @AfterAll
  static void stopNodes() throws InterruptedException {
    if (workerLog2 != null) {
      ((Logger) LoggerFactory.getLogger(WORKER_LOGGER)).detachAppender(workerLog2);
    }
    engine2 = null;
    NODES.forEach(ConfigurableApplicationContext::close);
    if (childNode != null && childNode.isAlive()) {
      childNode.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    if (receiver != null) {
      receiver.stop();
    }
  }

  @Test
  void twoNodesShareTheWorkAndSurviveTheKillOfOne() throws Exception {
    try {
      run();
    } catch (Throwable e) {
      System.out.printf("CLUSTER: failed; node 1's log (%s) ends:%n%s%n", childLog, tail(childLogText(), 60));
      throw e;
    }
  }

  private void run() throws Exception {
    long started = System.nanoTime();
    String url = EmbeddedPostgresSupport.newDatabase("cluster");
    // Allerød's specialist systems, in this JVM; node 1 reaches them over localhost. Every delivery is accepted.
    receiver = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    receiver.start();
    receiver.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(202)));
    // One node after the other, the first alone on the empty database (docs/cluster.md): node 2 creates the schema
    // and deploys, node 1 finds both in place. The users exist before node 1 answers REST calls.
    ConfigurableApplicationContext node2 = startNode("node2", url);
    engine2 = node2.getBean(ProcessEngine.class);
    node2.getBean(TestIdentity.class).ensure();
    // Node 2's worker log (failed deliveries or reports to the engine, reports made again); node 1's is in its
    // log. Attached after node 2's start, which set up logging anew.
    workerLog2 = new ListAppender<>();
    workerLog2.start();
    ((Logger) LoggerFactory.getLogger(WORKER_LOGGER)).addAppender(workerLog2);
    long node2Up = System.nanoTime();
    int port1 = startChildNode("node1", url);
    long nodesUp = System.nanoTime();
    assertThat(node2.getBean(DataSource.class)).isInstanceOfSatisfying(HikariDataSource.class,
        pool -> assertThat(pool.getMaximumPoolSize()).as("pool size of the postgres profile").isEqualTo(20));

    Rest rest1 = new Rest(port1);
    CourseDriver driver2 = node2.getBean(CourseDriver.class);
    CourseSteps steps2 = node2.getBean(CourseSteps.class);
    TaskService tasks2 = node2.getBean(TaskService.class);
    RuntimeService runtime2 = node2.getBean(RuntimeService.class);
    ManagementService management2 = node2.getBean(ManagementService.class);
    HistoryService history2 = node2.getBean(HistoryService.class);
    JdbcTemplate jdbc = new JdbcTemplate(node2.getBean(DataSource.class));

    // (a) Started on node 1 over its REST API, as Tasklist sends it: the referral, the visitation and the consent.
    // The async continuation before the joint assessment runs on whichever node's job executor acquires it first.
    // Node 2 answers a task count again from memory while Allerød's task lists are unchanged; the first referral
    // and visitation on node 1 change them, and node 2 counts anew (dk.enplan.tasklist).
    Supplier<Long> visitationCount2 = () -> driver2.as("visitation." + CourseSteps.TENANT, List.of("visitation"),
        CourseSteps.TENANT, () -> tasks2.createTaskQuery().taskCandidateGroup("visitation").count());
    FunctionCounter answeredAgain2 = node2.getBean(MeterRegistry.class).get("enplan.tasklist.counts")
        .tag("answer", "again").functionCounter();
    long waitingAtVisitation = visitationCount2.get();
    double again = answeredAgain2.count();
    assertThat(visitationCount2.get()).isEqualTo(waitingAtVisitation);
    assertThat(answeredAgain2.count()).as("node 2 answered its count again").isEqualTo(again + 1);
    List<ProcessInstance> courses = new ArrayList<>();
    for (int i = 0; i < COURSES; i++) {
      String visitation = "visitation." + CourseSteps.TENANT;
      JsonNode started1 = rest1.post("/engine-rest/process-definition/key/" + CourseProcess.KEY + "/start",
          visitation, variables(CourseSteps.referral("0101901234", List.of("ledighed", "forsoergelse"))));
      String courseId = started1.path("businessKey").asText();
      if (i == 0) {
        assertThat(visitationCount2.get()).as("node 2's count after node 1's referral")
            .isEqualTo(waitingAtVisitation + 1);
      }
      rest1.complete(courseId, VISITATION, visitation, Map.of("targetGroupConfirmed", "ja", "chosenSectors",
          SECTORS, "coordinator", CourseSteps.COORDINATOR, "visitationNote",
          "Flere sektorer er involveret; én samlet plan giver mening."));
      rest1.complete(courseId, OBTAIN_CONSENT, CourseSteps.COORDINATOR, Map.of("consentGiven", "ja",
          "consentedSectors", SECTORS, "consentInformed", true, "consentNote", "Samtykke underskrevet på mødet."));
      if (i == 0) {
        assertThat(visitationCount2.get()).as("node 2's count after node 1's visitation")
            .isEqualTo(waitingAtVisitation);
      }
      courses.add(runtime2.createProcessInstanceQuery().processInstanceId(started1.path("id").asText())
          .singleResult());
    }
    assertThat(courses).doesNotContainNull();
    long startedOverRest = System.nanoTime();
    awaitEvery(courses, c -> driver2.tasks(businessKey(c), ASSESS_SECTOR).size() == SECTORS.size(),
        "joint assessment started by the job executor");

    // (b) Worked on node 2: the sectors' assessments, the plan meeting and the decision; the plan's distribution
    // (async) again runs on either node, then the course waits at the follow-up timer.
    for (ProcessInstance course : courses) {
      SECTORS.forEach(sector -> steps2.assess(course, sector));
    }
    // The assessments join the course in jobs (one per sector), on either node.
    awaitEvery(courses, c -> steps2.task(c, PLAN_MEETING) != null, "joint assessment joined");
    for (ProcessInstance course : courses) {
      steps2.agreePlan(course);
      driver2.complete(steps2.task(course, COMBINED_DECISION), Map.of("decisionText",
          "Kommunen bevilger virksomhedspraktik og budgetrådgivning efter den samlede plan.",
          "complaintGuidanceGiven", true));
    }
    long decided = System.nanoTime();
    awaitEvery(courses, c -> followUpTimer(management2, c) != null
        && driver2.tasks(businessKey(c), START_INTERVENTION).size() == SECTORS.size(), "plan distributed");
    long distributed = System.nanoTime();
    Map<String, Long> beforeKill = successesByHost(history2);
    // The plan's deliveries, one external task per sector on fagsystem-<sector>, all completed by now (the course
    // waits for them): both nodes' workers fetched and locked them side by side.
    Map<String, Long> deliveredBeforeKill = deliveriesByNode(history2);

    // (c) Timers, and node 1 is killed mid-run. The follow-up falls due now on every course. Node 2's job executor
    // pauses meanwhile, so that node 1 acquires the timers: node 2 would otherwise take them as fast, and node 1
    // might die holding none (both job executors ran side by side up to here, and node 2's runs again right after
    // the kill). Node 1 locks what it acquires and starts executing (each such job takes SLOW_JOB_MS there); once it
    // holds at least CRASH_LOCKED locked jobs and executes at least one, it is killed with SIGKILL.
    JobExecutor jobExecutor2 = ((ProcessEngineConfigurationImpl) node2.getBean(ProcessEngine.class)
        .getProcessEngineConfiguration()).getJobExecutor();
    String lockOwner2 = jobExecutor2.getLockOwner();
    jobExecutor2.shutdown();
    List<String> timers = courses.stream().map(c -> followUpTimer(management2, c).getId()).toList();
    Timestamp due = new Timestamp(System.currentTimeMillis() - 1000);
    timers.forEach(id -> management2.setJobDuedate(id, due));
    Map<String, String> executing1 = new LinkedHashMap<>();
    await(() -> {
      executing1.putAll(slowJobs());
      return !executing1.isEmpty() && lockedBy(jdbc, executing1.values().iterator().next()) >= CRASH_LOCKED;
    }, "node 1 holds " + CRASH_LOCKED + " locked timer jobs and executes one");
    String lockOwner1 = executing1.values().iterator().next();
    assertThat(Set.copyOf(executing1.values())).as("lock owners of node 1's jobs").containsExactly(lockOwner1);
    long killedAt = System.nanoTime();
    long killedAtMillis = System.currentTimeMillis();
    childNode.destroyForcibly();
    assertThat(childNode.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)).as("node 1 ended").isTrue();
    int exitCode = childNode.exitValue();
    // What the dead node left: its locks (a killed node releases nothing) on the jobs it had acquired, among them
    // those it was executing (PostgreSQL rolled their transactions back when the connections dropped).
    executing1.putAll(slowJobs());
    Map<String, Timestamp> lockedAtKill = new LinkedHashMap<>();
    jdbc.query("select ID_, LOCK_EXP_TIME_ from ACT_RU_JOB where LOCK_OWNER_ = ? and PROCESS_INSTANCE_ID_ is not "
        + "null order by LOCK_EXP_TIME_", rs -> {
          lockedAtKill.put(rs.getString(1), rs.getTimestamp(2));
        }, lockOwner1);
    jobExecutor2.start();
    awaitEvery(courses, c -> driver2.task(businessKey(c), FOLLOW_UP) != null,
        "follow-up timer fired although node 1 was killed");
    long takenOver = System.nanoTime();

    assertThat(exitCode).as("node 1's exit code: killed by SIGKILL (128 + 9)").isEqualTo(137);
    assertThat(lockOwner1).isNotEqualTo(lockOwner2);
    assertThat(lockedAtKill).as("timer jobs node 1 held locked when it was killed").hasSizeGreaterThanOrEqualTo(
        CRASH_LOCKED).containsKeys(executing1.keySet().toArray(String[]::new));
    assertThat(timers).containsAll(lockedAtKill.keySet());
    long lastFiredAfterExpiry = 0;
    for (Map.Entry<String, Timestamp> locked : lockedAtKill.entrySet()) {
      List<HistoricJobLog> fired = history2.createHistoricJobLogQuery().jobId(locked.getKey()).successLog().list();
      assertThat(fired).as("job %s, locked by the killed node", locked.getKey()).singleElement().satisfies(log -> {
        assertThat(log.getHostname()).isEqualTo("node2");
        assertThat(log.getTimestamp()).isAfterOrEqualTo(locked.getValue());
      });
      lastFiredAfterExpiry = Math.max(lastFiredAfterExpiry,
          fired.get(0).getTimestamp().getTime() - locked.getValue().getTime());
    }
    assertThat(history2.createHistoricJobLogQuery().activityIdIn(FOLLOW_UP_DUE).successLog().list())
        .as("follow-up timers: all fired by node 2, node 1 completed none before it was killed")
        .hasSize(COURSES).allSatisfy(log -> assertThat(log.getHostname()).isEqualTo("node2"));

    // Node 2 alone closes the courses (closing is async again).
    for (ProcessInstance course : courses) {
      Map<String, Object> form = new HashMap<>(Map.of("progressionWork", 4, "progressionHealth", 6,
          "progressionHousing", 8, "progressionEconomy", 3, "progressionNetwork", 7,
          "followUpNote", "Praktikken går godt.", "followUpDecision", "afslut"));
      driver2.complete(steps2.task(course, FOLLOW_UP), form);
      driver2.complete(steps2.task(course, CLOSE_WITH_CITIZEN), Map.of("closureReason", "maal_naaet",
          "finalProgression", 8, "closureNote", "Borgeren er i job."));
    }
    long closing = System.nanoTime();
    awaitEvery(courses, c -> runtime2.createProcessInstanceQuery().processInstanceId(c.getId()).count() == 0,
        "course closed");
    long closed = System.nanoTime();

    // No course lost: every one closed in the plan store, no incident, no job left.
    CourseService courseService = node2.getBean(CourseService.class);
    List<String> lost = courses.stream().map(CourseSteps::businessKey)
        .filter(id -> courseService.get(id).status() != CourseStatus.CLOSED).toList();
    assertThat(runtime2.createIncidentQuery().count()).as("incidents").isZero();
    assertThat(management2.createJobQuery().processDefinitionKey(CourseProcess.KEY).count()).as("jobs left").isZero();

    // Exactly once: one successful execution per job, in the engine's history and in ACT_HI_JOB_LOG itself,
    // and the jobs' effects once per course (one assessment per sector, one delivery per sector).
    List<HistoricJobLog> successes = processJobSuccesses(history2);
    Map<String, Long> perJob = successes.stream()
        .collect(Collectors.groupingBy(HistoricJobLog::getJobId, Collectors.counting()));
    long duplicates = perJob.values().stream().filter(n -> n > 1).count();
    List<Map<String, Object>> duplicateRows = jdbc.queryForList("select JOB_ID_, count(*) from ACT_HI_JOB_LOG "
        + "where JOB_STATE_ = 2 and PROCESS_INSTANCE_ID_ is not null group by JOB_ID_ having count(*) > 1");
    Long executedInTable = jdbc.queryForObject("select count(distinct JOB_ID_) from ACT_HI_JOB_LOG "
        + "where JOB_STATE_ = 2 and PROCESS_INSTANCE_ID_ is not null", Long.class);
    long failedAttempts = history2.createHistoricJobLogQuery().failureLog().count();
    Map<String, Long> perNode = successesByHost(history2);
    Map<String, Long> perActivity = successes.stream()
        .collect(Collectors.groupingBy(HistoricJobLog::getActivityId, Collectors.counting()));
    Distributions distributions = node2.getBean(Distributions.class);
    List<String> doubleEffects = courses.stream().map(CourseSteps::businessKey).filter(id ->
        history2.createHistoricProcessInstanceQuery().processInstanceBusinessKey(id)
            .processDefinitionKey(CourseProcess.SECTOR_ASSESSMENT_KEY).count() != SECTORS.size()
            || distributions.forCourse(id).stream().filter(r -> r.kind() == DeliveryKind.PLAN).count()
            != SECTORS.size()).toList();

    // External tasks exactly once: one success per external task, in the engine's history and in ACT_HI_EXT_TASK_LOG
    // itself, every created one completed, none open, none failed into an incident; the node that completed each
    // (the worker id names it) and the node that sent each request (its URL); and what the specialist systems received:
    // every delivery's Idempotency-Key (courseId:version:sector, courseId:closure:sector), once unless re-sent.
    int expectedDeliveries = 2 * COURSES * SECTORS.size(); // the plan and the closure notice, per sector
    List<HistoricExternalTaskLog> delivered = history2.createHistoricExternalTaskLogQuery().successLog().list();
    Map<String, Long> perExternalTask = delivered.stream()
        .collect(Collectors.groupingBy(HistoricExternalTaskLog::getExternalTaskId, Collectors.counting()));
    long externalDuplicates = perExternalTask.values().stream().filter(n -> n > 1).count();
    List<Map<String, Object>> externalDuplicateRows = jdbc.queryForList("select EXT_TASK_ID_, count(*) from "
        + "ACT_HI_EXT_TASK_LOG where STATE_ = 2 group by EXT_TASK_ID_ having count(*) > 1");
    Set<String> createdExternalTasks = Set.copyOf(jdbc.queryForList("select distinct EXT_TASK_ID_ from "
        + "ACT_HI_EXT_TASK_LOG where STATE_ = 0", String.class));
    Long completedInTable = jdbc.queryForObject("select count(distinct EXT_TASK_ID_) from ACT_HI_EXT_TASK_LOG "
        + "where STATE_ = 2", Long.class);
    Long externalOpen = jdbc.queryForObject("select count(*) from ACT_RU_EXT_TASK", Long.class);
    long externalFailures = history2.createHistoricExternalTaskLogQuery().failureLog().count();
    long externalIncidents = history2.createHistoricIncidentQuery().incidentType("failedExternalTask").count();
    Map<String, Long> perTopic = new TreeMap<>(delivered.stream()
        .collect(Collectors.groupingBy(HistoricExternalTaskLog::getTopicName, Collectors.counting())));
    Set<String> workerIds = delivered.stream().map(HistoricExternalTaskLog::getWorkerId).collect(Collectors.toSet());
    Map<String, Long> deliveredByNode = deliveriesByNode(history2);
    List<LoggedRequest> received = receiver.findAll(anyRequestedFor(anyUrl()));
    Map<String, Long> perKey = received.stream()
        .collect(Collectors.groupingBy(r -> String.valueOf(r.getHeader("Idempotency-Key")), Collectors.counting()));
    Map<String, Long> resent = new TreeMap<>(perKey.entrySet().stream().filter(e -> e.getValue() > 1)
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    Map<String, Long> sentByNode = new TreeMap<>(received.stream()
        .collect(Collectors.groupingBy(r -> r.getUrl().split("/")[1], Collectors.counting())));
    // Side by side: the plan deliveries in the order received, and how often the sending node changes in it.
    List<String> planSenders = received.stream().filter(r -> "PLAN".equals(body(r).path("kind").asText()))
        .sorted(Comparator.comparing(LoggedRequest::getLoggedDate))
        .map(r -> r.getUrl().split("/")[1]).toList();
    long senderChanges = IntStream.range(1, planSenders.size())
        .filter(i -> !planSenders.get(i).equals(planSenders.get(i - 1))).count();
    Map<String, Long> receivedByKindAndMode = new TreeMap<>(received.stream().map(ClusterIT::body)
        .collect(Collectors.groupingBy(b -> b.path("kind").asText() + "/" + b.path("sector").path("key").asText()
            + "/" + b.path("mode").asText(), Collectors.counting())));
    List<DistributionRecord> records = courses.stream().map(CourseSteps::businessKey)
        .flatMap(id -> distributions.forCourse(id).stream()).toList();
    Set<String> expectedKeys = records.stream().map(DistributionRecord::idempotencyKey).collect(Collectors.toSet());
    Map<String, Long> workerWarnings = new TreeMap<>();
    Matcher warning1 = WORKER_WARNING.matcher(childLogText());
    while (warning1.find()) {
      workerWarnings.merge("node1 " + warning1.group(1), 1L, Long::sum);
    }
    // The joins (a job after every instance of a multi-instance call activity): executed, and failed attempts the
    // job executor made again (an optimistic-locking conflict at a join is retried, not reported to a caller).
    Map<String, Long> joinsExecuted = new TreeMap<>(perActivity.entrySet().stream()
        .filter(e -> CourseProcess.Elements.JOINS.contains(e.getKey()))
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    long joinsRetried = history2.createHistoricJobLogQuery().failureLog().list().stream()
        .filter(log -> CourseProcess.Elements.JOINS.contains(log.getActivityId())).count();
    workerLog2.list.stream().filter(e -> e.getLevel() == Level.WARN).forEach(e -> workerWarnings.merge(
        "node2 " + e.getFormattedMessage().substring(0, Math.min(40, e.getFormattedMessage().length())), 1L,
        Long::sum));

    long definitions = node2.getBean(RepositoryService.class).createProcessDefinitionQuery()
        .processDefinitionKey(CourseProcess.KEY).count();
    System.out.printf("%nCLUSTER: 2 nodes on one PostgreSQL (node 1 in a child JVM, node 2 in the test JVM), %d "
        + "courses; nodes up in %d s (node 2 %d s, then node 1 %d s), %d courses started over node 1's REST API in "
        + "%d s, whole test %d s; en-plan deployed in %d version(s)%n", COURSES, seconds(nodesUp - started),
        seconds(node2Up - started), seconds(nodesUp - node2Up), COURSES, seconds(startedOverRest - nodesUp),
        seconds(System.nanoTime() - started), definitions);
    System.out.printf("CLUSTER: jobs executed %d (ACT_HI_JOB_LOG: %d) by activity %s, by host %s (before the kill: "
        + "%s)%n", perJob.size(), executedInTable, perActivity, perNode, beforeKill);
    System.out.printf("CLUSTER: duplicates %d (ACT_HI_JOB_LOG: %d), duplicate effects %d, failed attempts retried "
        + "%d%n", duplicates, duplicateRows.size(), doubleEffects.size(), failedAttempts);
    System.out.printf("CLUSTER: node 1 killed (SIGKILL, exit code %d) holding %d locked timer jobs, %d of them "
        + "executing; their locks expired %d to %d ms after the kill (lock time %d ms); node 2 fired each at most "
        + "%d ms after its lock expired, and every follow-up timer %d ms after the kill; lost courses %d%n",
        exitCode, lockedAtKill.size(), executing1.size(),
        lockedAtKill.values().stream().mapToLong(t -> t.getTime() - killedAtMillis).min().orElse(0),
        lockedAtKill.values().stream().mapToLong(t -> t.getTime() - killedAtMillis).max().orElse(0),
        LOCK_TIME_MS, lastFiredAfterExpiry, (takenOver - killedAt) / 1_000_000, lost.size());
    System.out.printf("CLUSTER: external tasks completed %d of %d created (ACT_HI_EXT_TASK_LOG: %d) by topic %s, "
        + "by node %s (the plan deliveries, before the kill: %s; worker id %s), duplicates %d (ACT_HI_EXT_TASK_LOG: "
        + "%d), left open %d, failed attempts %d, incidents %d; plans delivered %d ms after the last decision, "
        + "closure notices %d ms after the last closure%n", delivered.size(), createdExternalTasks.size(),
        completedInTable, perTopic, deliveredByNode, deliveredBeforeKill, workerIds, externalDuplicates,
        externalDuplicateRows.size(), externalOpen, externalFailures, externalIncidents,
        (distributed - decided) / 1_000_000, (closed - closing) / 1_000_000);
    System.out.printf("CLUSTER: specialist systems received %d requests, %d distinct Idempotency-Keys (expected %d), "
        + "sent by node %s (the %d plan deliveries in the order received change sender %d times), by "
        + "kind/sector/mode %s; keys received more than once %d %s; worker warnings %s; join jobs executed %s, "
        + "failed join attempts made again %d%n%n",
        received.size(), perKey.size(), expectedKeys.size(), sentByNode, planSenders.size(), senderChanges,
        receivedByKindAndMode, resent.size(), resent, workerWarnings, joinsExecuted, joinsRetried);

    assertThat(lost).as("lost courses").isEmpty();
    assertThat(duplicates).as("jobs executed more than once").isZero();
    assertThat(duplicateRows).as("ACT_HI_JOB_LOG: jobs executed more than once").isEmpty();
    assertThat(doubleEffects).as("courses with an assessment or delivery twice").isEmpty();
    assertThat(perJob).as("every job of every course ran: joint assessment, distribution, follow-up timer, "
        + "closing, and the joins").hasSizeGreaterThanOrEqualTo((4 + 3 * SECTORS.size()) * COURSES);
    long perJoin = (long) SECTORS.size() * COURSES;
    assertThat(joinsExecuted).as("one join job per sector and course, each executed once")
        .containsEntry(CourseProcess.Elements.JOINT_ASSESSMENT, perJoin)
        .containsEntry(CourseProcess.Elements.DISTRIBUTE_PLAN, perJoin)
        .containsEntry(CourseProcess.Elements.NOTIFY_CLOSURE, perJoin);
    assertThat(perActivity).containsEntry(FOLLOW_UP_DUE, (long) COURSES);
    assertThat(beforeKill).as("both job executors ran jobs before the kill")
        .hasEntrySatisfying("node1", n -> assertThat(n).isPositive())
        .hasEntrySatisfying("node2", n -> assertThat(n).isPositive());
    assertThat(delivered).as("external tasks completed: the plan and the closure notice per sector")
        .hasSize(expectedDeliveries);
    assertThat(perExternalTask.keySet()).as("every external task created was completed")
        .isEqualTo(createdExternalTasks);
    assertThat(completedInTable).isEqualTo((long) expectedDeliveries);
    assertThat(externalDuplicates).as("external tasks completed more than once").isZero();
    assertThat(externalDuplicateRows).as("ACT_HI_EXT_TASK_LOG: external tasks completed more than once").isEmpty();
    assertThat(externalOpen).as("external tasks left open").isZero();
    assertThat(externalIncidents).as("failedExternalTask incidents").isZero();
    assertThat(deliveredByNode.values().stream().mapToLong(Long::longValue).sum())
        .as("completions with the completing node recorded").isEqualTo(expectedDeliveries);
    assertThat(deliveredBeforeKill).as("both nodes' workers completed plan deliveries")
        .hasEntrySatisfying("node1", n -> assertThat(n).isPositive())
        .hasEntrySatisfying("node2", n -> assertThat(n).isPositive());
    assertThat(records).as("distribution records").hasSize(expectedDeliveries)
        .allSatisfy(r -> assertThat(r.status()).isEqualTo(DistributionRecord.Status.DELIVERED));
    assertThat(perKey.keySet()).as("Idempotency-Keys received: each delivery's").isEqualTo(expectedKeys);
    assertThat(receivedByKindAndMode).as("FULL only for the plan to beskaeftigelse (FULL, consent given)")
        .containsOnlyKeys("PLAN/beskaeftigelse/FULL", "PLAN/ydelse/REFERENCE", "CLOSURE/beskaeftigelse/REFERENCE",
            "CLOSURE/ydelse/REFERENCE");
    assertThat(tasks2.createTaskQuery().processInstanceBusinessKeyIn(courses.stream()
        .map(CourseSteps::businessKey).toArray(String[]::new)).count()).as("tasks left").isZero();
  }

  /**
   * Completed deliveries (external tasks) per node that completed them: the worker id of each successful completion
   * in the external task log is {@code en-plan-fagsystem-worker@<node's engine hostname>}.
   */
  private static Map<String, Long> deliveriesByNode(HistoryService history) {
    return new TreeMap<>(history.createHistoricExternalTaskLogQuery().successLog().list().stream()
        .collect(Collectors.groupingBy(log -> log.getWorkerId().substring(log.getWorkerId().indexOf('@') + 1),
            Collectors.counting())));
  }

  private static JsonNode body(LoggedRequest request) {
    try {
      return JSON.readTree(request.getBodyAsString());
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Job followUpTimer(ManagementService management, ProcessInstance course) {
    return management.createJobQuery().processInstanceId(course.getId()).activityId(FOLLOW_UP_DUE).timers()
        .singleResult();
  }

  private static List<HistoricJobLog> processJobSuccesses(HistoryService history) {
    return history.createHistoricJobLogQuery().successLog().list().stream()
        .filter(log -> log.getProcessInstanceId() != null).toList();
  }

  private static Map<String, Long> successesByHost(HistoryService history) {
    return processJobSuccesses(history).stream()
        .collect(Collectors.groupingBy(log -> String.valueOf(log.getHostname()), Collectors.counting()));
  }

  /** Jobs of the courses that this lock owner (a node's job executor) holds right now. */
  private static int lockedBy(JdbcTemplate jdbc, String lockOwner) {
    Integer count = jdbc.queryForObject("select count(*) from ACT_RU_JOB where LOCK_OWNER_ = ? "
        + "and LOCK_EXP_TIME_ > ? and PROCESS_INSTANCE_ID_ is not null", Integer.class, lockOwner,
        new Timestamp(System.currentTimeMillis()));
    return count == null ? 0 : count;
  }

  /** The jobs node 1 has started executing (its log: job id → its job executor's lock owner). */
  private static Map<String, String> slowJobs() {
    Map<String, String> jobs = new LinkedHashMap<>();
    Matcher matcher = SLOW_JOB.matcher(childLogText());
    while (matcher.find()) {
      jobs.put(matcher.group(1), matcher.group(2));
    }
    return jobs;
  }

  private static String childLogText() {
    try {
      return childLog == null || !Files.exists(childLog) ? ""
          : new String(Files.readAllBytes(childLog), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String tail(String text, int lines) {
    List<String> all = text.lines().toList();
    return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
  }

  /** Process variables as Tasklist submits them over REST: a list as a JSON array in a Json variable. */
  private static ObjectNode variables(Map<String, Object> values) throws JsonProcessingException {
    ObjectNode variables = JSON.createObjectNode();
    for (Map.Entry<String, Object> entry : values.entrySet()) {
      ObjectNode variable = variables.putObject(entry.getKey());
      if (entry.getValue() instanceof Collection<?> list) {
        variable.put("value", JSON.writeValueAsString(list));
        variable.put("type", "Json");
      } else {
        variable.putPOJO("value", entry.getValue());
      }
    }
    ObjectNode body = JSON.createObjectNode();
    body.set("variables", variables);
    return body;
  }

  /** A node's {@code /engine-rest} over HTTP, as a test user (HTTP Basic). */
  private record Rest(int port, HttpClient http) {

    Rest(int port) {
      this(port, HttpClient.newHttpClient());
    }

    JsonNode post(String path, String user, JsonNode body) throws IOException, InterruptedException {
      HttpResponse<String> response = http.send(request(path, user).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as("POST %s: %s", path, response.body()).isBetween(200, 204);
      return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
    }

    JsonNode get(String path, String user) throws IOException, InterruptedException {
      HttpResponse<String> response = http.send(request(path, user).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
      return JSON.readTree(response.body());
    }

    /** Completes the course's one open task {@code taskKey} with the form's values, as Tasklist does. */
    void complete(String courseId, String taskKey, String user, Map<String, Object> formValues)
        throws IOException, InterruptedException {
      JsonNode found = get("/engine-rest/task?processInstanceBusinessKey="
          + URLEncoder.encode(courseId, StandardCharsets.UTF_8) + "&taskDefinitionKey=" + taskKey, user);
      assertThat(found).as("open %s tasks of course %s", taskKey, courseId).hasSize(1);
      post("/engine-rest/task/" + found.get(0).path("id").asText() + "/complete", user, variables(formValues));
    }

    private HttpRequest.Builder request(String path, String user) {
      return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
          .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
              (user + ":" + TestIdentity.PASSWORD).getBytes(StandardCharsets.UTF_8)));
    }
  }

  private static void awaitEvery(List<ProcessInstance> courses, java.util.function.Predicate<ProcessInstance> done,
                                 String what) {
    try {
      await(() -> courses.stream().allMatch(done), what);
    } catch (AssertionError e) {
      List<ProcessInstance> waiting = courses.stream().filter(done.negate()).toList();
      throw new AssertionError(e.getMessage() + "; " + waiting.size() + " of " + courses.size()
          + " courses not there, e.g.\n" + waiting.stream().limit(3).map(ClusterIT::describe)
          .collect(Collectors.joining("\n")), e);
    }
  }

  /** Where a course stands, seen from node 2: each process instance of it, its activities, jobs, external tasks. */
  private static String describe(ProcessInstance course) {
    if (engine2 == null) {
      return businessKey(course);
    }
    StringBuilder text = new StringBuilder(businessKey(course)).append(':');
    for (ProcessInstance instance : engine2.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(businessKey(course)).list()) {
      text.append("\n  ").append(instance.getProcessDefinitionId()).append(' ')
          .append(engine2.getRuntimeService().getActiveActivityIds(instance.getId()));
      engine2.getManagementService().createJobQuery().processInstanceId(instance.getId()).list().forEach(job ->
          text.append("\n    job ").append(job.getId()).append(" due ").append(job.getDuedate()).append(" retries ")
              .append(job.getRetries()).append(job.getExceptionMessage() == null ? "" : " failed: "
                  + job.getExceptionMessage()));
      engine2.getExternalTaskService().createExternalTaskQuery().processInstanceId(instance.getId()).list()
          .forEach(task -> text.append("\n    external task ").append(task.getId()).append(' ')
              .append(task.getTopicName()).append(" locked by ").append(task.getWorkerId()).append(" until ")
              .append(task.getLockExpirationTime()).append(" retries ").append(task.getRetries())
              .append(task.getErrorMessage() == null ? "" : " failed: " + task.getErrorMessage()));
      engine2.getRuntimeService().createIncidentQuery().processInstanceId(instance.getId()).list()
          .forEach(incident -> text.append("\n    incident ").append(incident.getIncidentType()).append(": ")
              .append(incident.getIncidentMessage()));
    }
    return text.toString();
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
