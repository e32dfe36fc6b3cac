package dk.enplan.distribution;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dk.enplan.course.CourseSteps.COORDINATOR;
import static dk.enplan.course.CourseSteps.businessKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dk.enplan.course.CourseProcess;
import dk.enplan.course.CourseSteps;
import dk.enplan.testing.CourseDriver;
import dk.enplan.testing.EngineOnlyTest;
import dk.enplan.testing.TestIdentity;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BiPredicate;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.externaltask.ExternalTask;
import org.camunda.bpm.engine.externaltask.LockedExternalTask;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.history.HistoricExternalTaskLog;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deliveries to specialist systems over real HTTP (WireMock as the specialist systems of Allerød): FULL vs
 * REFERENCE, never FULL without consent, retries with back-off then an incident, recovery with exactly one
 * accepted delivery per idempotency key, a permanent 4xx rejection to the coordinator, withdrawal notices, deliveries
 * that finish together without touching the waiting course, and a refused report that takes its record with it.
 */
@EngineOnlyTest
class SpecialistSystemDeliveryTest {

  private static final WireMockServer SYSTEMS = new WireMockServer(WireMockConfiguration.options().dynamicPort());
  private static final ObjectMapper JSON = new ObjectMapper();

  static {
    SYSTEMS.start();
  }

  @DynamicPropertySource
  static void specialistSystems(DynamicPropertyRegistry registry) {
    // A context of its own (these properties differ from the shared one's), so an engine name of its own: the REST
    // API finds its engine by name, and this context's must not take "default" from the shared context.
    registry.add("camunda.bpm.generate-unique-process-engine-name", () -> "true");
    String[][] systems = {{"beskaeftigelse", "FULL", "/jobcenter"}, {"ydelse", "REFERENCE", "/ydelse"},
        {"voksen", "FULL", "/voksen"}};
    for (int i = 0; i < systems.length; i++) {
      String prefix = "enplan.distribution.systems[" + i + "].";
      String[] system = systems[i];
      registry.add(prefix + "municipality", () -> "allerod");
      registry.add(prefix + "sector", () -> system[0]);
      registry.add(prefix + "mode", () -> system[1]);
      registry.add(prefix + "url", () -> SYSTEMS.baseUrl() + system[2]);
      registry.add(prefix + "username", () -> "en-plan");
      registry.add(prefix + "password", () -> "hemmelig");
    }
    registry.add("enplan.distribution.systems[3].municipality", () -> "allerod");
    registry.add("enplan.distribution.systems[3].sector", () -> "familie");
    registry.add("enplan.distribution.systems[3].url", () -> "ikke en adresse");
    registry.add("enplan.distribution.retries", () -> "3");
    registry.add("enplan.distribution.first-retry-delay", () -> "PT1M");
    registry.add("enplan.distribution.backoff-factor", () -> "4");
  }

  @Autowired ProcessEngine engine;
  @Autowired CourseSteps steps;
  @Autowired CourseDriver driver;
  @Autowired TestIdentity identity;
  @Autowired SpecialistSystemWorker worker;
  @Autowired Distributions distributions;
  @Autowired ExternalTaskService externalTasks;
  @Autowired RuntimeService runtime;
  @Autowired SpecialistSystems systems;
  @Autowired DistributionProperties properties;
  @Autowired io.micrometer.core.instrument.MeterRegistry meters;
  @Autowired PlatformTransactionManager transactionManager;

  @BeforeEach
  void setUp() {
    init(engine);
    identity.ensure();
    SYSTEMS.resetAll();
    accept("/jobcenter");
    accept("/ydelse");
    accept("/voksen");
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @AfterAll
  static void stopSystems() {
    SYSTEMS.stop();
  }

  @Test
  void fuldPlanTilSektorMedSamtykkeOgHenvisningTilSektorUdenFagsystemFuldMode() throws Exception {
    ProcessInstance course = untilDistribution(List.of("beskaeftigelse", "ydelse"), List.of("beskaeftigelse", "ydelse"));
    String courseId = businessKey(course);

    assertThat(deliver(course)).isEqualTo(2);

    JsonNode full = body(only("/jobcenter"));
    assertThat(full.path("mode").asText()).isEqualTo("FULL");
    assertThat(full.path("idempotencyKey").asText()).isEqualTo(courseId + ":1:beskaeftigelse");
    assertThat(full.path("contactPerson").asText()).isEqualTo(COORDINATOR);
    assertThat(full.path("goals")).hasSize(1);
    assertThat(full.path("interventions")).hasSize(1);
    assertThat(full.path("interventions").get(0).path("description").asText()).contains("beskaeftigelse");
    assertThat(only("/jobcenter").getHeader("Idempotency-Key")).isEqualTo(courseId + ":1:beskaeftigelse");
    assertThat(only("/jobcenter").getHeader("Authorization")).startsWith("Basic ");
    JsonNode reference = body(only("/ydelse"));
    assertThat(reference.path("mode").asText()).isEqualTo("REFERENCE");
    assertThat(reference.has("goals") || reference.has("interventions") || reference.has("citizenGoals")).isFalse();
    assertThat(reference.path("statement").asText()).contains("indsats efter Én Plan og hovedloven");
    assertThat(reference.path("link").asText()).isEqualTo("/api/courses/" + courseId + "/plan");

    assertThat(distributions.forCourse(courseId)).extracting(DistributionRecord::status)
        .containsOnly(DistributionRecord.Status.DELIVERED);
    assertThat(course).isWaitingAt(CourseProcess.Elements.FOLLOW_UP_DUE);

    steps.followUp(course, "afslut");
    driver.complete(steps.task(course, CourseProcess.Elements.CLOSE_WITH_CITIZEN), Map.of("closureReason",
        "maal_naaet", "finalProgression", 9, "closureNote", "Borgeren er i job."));
    driver.executeJob(course, CourseProcess.Elements.CLOSE_COURSE);
    SYSTEMS.resetRequests();
    assertThat(deliver(course)).isEqualTo(2);
    assertThat(body(only("/jobcenter")).path("kind").asText()).isEqualTo("CLOSURE");
    assertThat(body(only("/ydelse")).path("statement").asText()).contains("afsluttet (maal_naaet)");
    assertThat(course).isEnded();
  }

  @Test
  void aldrigFuldPlanUdenSamtykkeForSektoren() throws Exception {
    ProcessInstance course = untilDistribution(List.of("beskaeftigelse", "ydelse"), List.of("ydelse"));

    worker.runOnce();

    JsonNode toJobcenter = body(only("/jobcenter"));
    assertThat(toJobcenter.path("mode").asText()).isEqualTo("REFERENCE");
    assertThat(toJobcenter.has("goals")).isFalse();
    assertThat(distributions.forCourse(businessKey(course))).extracting(DistributionRecord::mode)
        .containsOnly(DeliveryMode.REFERENCE);
  }

  @Test
  void genforsoegMedVoksendeVentetidDerefterIncidentOgEnAcceptPrIdempotensnoegle() {
    SYSTEMS.stubFor(post(urlEqualTo("/jobcenter")).willReturn(aResponse().withStatus(503).withBody("Vedligehold")));
    ProcessInstance course = untilDistribution(List.of("beskaeftigelse"), List.of("beskaeftigelse"));
    String key = businessKey(course) + ":1:beskaeftigelse";

    worker.runOnce();
    ExternalTask task = externalTasks.createExternalTaskQuery().topicName("fagsystem-beskaeftigelse").singleResult();
    assertThat(task.getRetries()).isEqualTo(2);
    assertThat(worker.runOnce()).as("not due before the back-off has passed").isZero();
    later(61);
    worker.runOnce();
    assertThat(worker.runOnce()).as("second back-off is 4 minutes").isZero();
    later(4 * 60 + 1);
    worker.runOnce();

    assertThat(runtime.createIncidentQuery().processInstanceId(task.getProcessInstanceId())
        .incidentType("failedExternalTask").count()).as("an incident for Cockpit").isEqualTo(1);
    assertThat(distributions.forCourse(businessKey(course))).singleElement().satisfies(r -> {
      assertThat(r.status()).isEqualTo(DistributionRecord.Status.FAILING);
      assertThat(r.attempts()).isEqualTo(3);
      assertThat(r.lastError()).contains("503");
    });
    later(60 * 60);
    assertThat(worker.runOnce()).as("no retries left: waits for an operator").isZero();

    accept("/jobcenter");
    externalTasks.setRetries(task.getId(), 1);
    assertThat(deliver(course)).isEqualTo(1);
    assertThat(worker.runOnce()).isZero();

    List<LoggedRequest> requests = SYSTEMS.findAll(postRequestedFor(urlEqualTo("/jobcenter")));
    assertThat(requests).hasSize(4).allSatisfy(r -> assertThat(r.getHeader("Idempotency-Key")).isEqualTo(key));
    assertThat(distributions.forCourse(businessKey(course))).singleElement()
        .extracting(DistributionRecord::status).isEqualTo(DistributionRecord.Status.DELIVERED);
    assertThat(runtime.createIncidentQuery().processInstanceId(task.getProcessInstanceId()).count()).isZero();
    assertThat(course).isWaitingAt(CourseProcess.Elements.FOLLOW_UP_DUE);
  }

  @Test
  void permanentAfvisningGiverKoordinatorenEnOpgave() {
    SYSTEMS.stubFor(post(urlEqualTo("/voksen")).willReturn(aResponse().withStatus(422)
        .withBody("{\"fejl\":\"Ukendt borger i fagsystemet\"}")));
    ProcessInstance course = untilDistribution(List.of("voksen"), List.of("voksen"));
    double rejectedBefore = meters.counter(Distributions.DELIVERY_ATTEMPTS, "outcome", "rejected").count();

    worker.runOnce();

    assertThat(meters.counter(Distributions.DELIVERY_ATTEMPTS, "outcome", "rejected").count())
        .as("enplan_delivery_attempts_total{outcome=rejected}").isEqualTo(rejectedBefore + 1);
    Task task = driver.task(businessKey(course), "handleRejectedDelivery");
    assertThat(task.getAssignee()).isEqualTo(COORDINATOR);
    assertThat(runtime.getVariable(task.getExecutionId(), "rejectionReason").toString())
        .contains("422").contains("Ukendt borger");
    assertThat(distributions.forCourse(businessKey(course))).singleElement()
        .extracting(DistributionRecord::status).isEqualTo(DistributionRecord.Status.REJECTED);
    driver.complete(task, Map.of("rejectionHandling", "Voksenområdet opretter borgeren manuelt."));
    assertThat(course).isWaitingAt(CourseProcess.Elements.FOLLOW_UP_DUE);
  }

  @Test
  void tilbagekaldtSamtykkeStopperFuldLeveringStraksOgSenderMeddelelse() throws Exception {
    SYSTEMS.stubFor(post(urlEqualTo("/jobcenter")).willReturn(aResponse().withStatus(503)));
    ProcessInstance course = untilDistribution(List.of("beskaeftigelse", "ydelse"), List.of("beskaeftigelse", "ydelse"));
    String courseId = businessKey(course);
    worker.runOnce();

    driver.correlate(courseId, CourseProcess.Messages.CONSENT_WITHDRAWN,
        Map.of("withdrawnSectors", List.of("beskaeftigelse")));
    accept("/jobcenter");
    SYSTEMS.resetRequests();
    later(61);
    worker.runOnce();

    List<JsonNode> received = SYSTEMS.findAll(postRequestedFor(urlEqualTo("/jobcenter"))).stream()
        .map(SpecialistSystemDeliveryTest::body).toList();
    assertThat(received).extracting(r -> r.path("kind").asText() + "/" + r.path("mode").asText())
        .containsExactlyInAnyOrder("PLAN/REFERENCE", "WITHDRAWAL/REFERENCE");
    assertThat(received).noneMatch(r -> r.has("goals"));
    assertThat(distributions.forCourse(courseId)).filteredOn(r -> r.sector().equals("beskaeftigelse"))
        .extracting(DistributionRecord::kind, DistributionRecord::mode, DistributionRecord::status)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(DeliveryKind.PLAN, DeliveryMode.REFERENCE,
                DistributionRecord.Status.DELIVERED),
            org.assertj.core.groups.Tuple.tuple(DeliveryKind.WITHDRAWAL, DeliveryMode.REFERENCE,
                DistributionRecord.Status.DELIVERED));
    SYSTEMS.verify(0, postRequestedFor(urlEqualTo("/ydelse")).withHeader("Idempotency-Key",
        equalTo(courseId + ":withdrawal:ydelse")));
  }

  @Test
  void enLeveringDerSletIkkeKanSendesErEnFejlMedGenforsoeg() {
    ProcessInstance course = untilDistribution(List.of("familie"), List.of("familie"));

    worker.runOnce();

    assertThat(externalTasks.createExternalTaskQuery().topicName("fagsystem-familie").singleResult().getRetries())
        .isEqualTo(2);
    assertThat(distributions.forCourse(businessKey(course))).singleElement().satisfies(r -> {
      assertThat(r.status()).isEqualTo(DistributionRecord.Status.FAILING);
      assertThat(r.lastError()).startsWith("Leveringen kunne ikke sendes");
    });
    runtime.deleteProcessInstance(course.getId(), "test done: leave no failing delivery for the other tests");
  }

  @Test
  void aFetchLocksNoMoreDeliveriesThanFitIntoTheLockAndTheWorkerIdNamesTheNode() {
    while (worker.runOnce() > 0) {
      // deliveries other tests left due
    }
    untilDistribution(List.of("beskaeftigelse", "ydelse"), List.of("beskaeftigelse", "ydelse"));
    untilDistribution(List.of("beskaeftigelse", "ydelse"), List.of("beskaeftigelse", "ydelse"));

    // lock-duration 2 min, request-timeout 20 s (defaults): each delivery may take 40 s, so 3 fit into the lock
    assertThat(worker.runOnce()).isEqualTo(3);
    assertThat(worker.runOnce()).isEqualTo(1);
    String hostname = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getHostname();
    assertThat(engine.getHistoryService().createHistoricExternalTaskLogQuery().successLog().list())
        .extracting(HistoricExternalTaskLog::getWorkerId).contains("en-plan-fagsystem-worker@" + hostname)
        .allMatch(id -> id.startsWith("en-plan-fagsystem-worker@"));
  }

  @Test
  void deliveriesThatFinishTogetherNeverUpdateTheWaitingCourseInTheSameTransaction() throws Exception {
    ProcessInstance course = untilDistribution(List.of("beskaeftigelse", "ydelse"), List.of("beskaeftigelse", "ydelse"));
    List<LockedExternalTask> locked = externalTasks.fetchAndLock(2, "test-worker")
        .topic("fagsystem-beskaeftigelse", 60_000).topic("fagsystem-ydelse", 60_000).execute();
    assertThat(locked).hasSize(2);
    TransactionTemplate transaction = new TransactionTemplate(transactionManager);
    transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    CountDownLatch firstCompletedNotCommitted = new CountDownLatch(1);
    CountDownLatch secondCommitted = new CountDownLatch(1);
    ExecutorService first = Executors.newSingleThreadExecutor();
    try {
      // The first delivery's completion holds its transaction open (its rows written, not committed) until the
      // second's has committed: they can only both succeed if they write no row in common, the course included.
      Future<Boolean> firstCommitted = first.submit(() -> transaction.execute(status -> {
        externalTasks.complete(locked.get(0).getId(), "test-worker");
        firstCompletedNotCommitted.countDown();
        try {
          return secondCommitted.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return false;
        }
      }));
      assertThat(firstCompletedNotCommitted.await(20, TimeUnit.SECONDS)).isTrue();
      transaction.executeWithoutResult(status -> externalTasks.complete(locked.get(1).getId(), "test-worker"));
      secondCommitted.countDown();
      assertThat(firstCommitted.get(20, TimeUnit.SECONDS)).as("the second committed while the first was open")
          .isTrue();
    } finally {
      first.shutdownNow();
    }

    // Both deliveries are done; the course joins them in jobs of its own, exclusive, at the element.
    assertThat(course).isWaitingAt(CourseProcess.Elements.DISTRIBUTE_PLAN);
    List<Job> joins = engine.getManagementService().createJobQuery().processInstanceId(course.getId())
        .activityId(CourseProcess.Elements.DISTRIBUTE_PLAN).list();
    assertThat(joins).hasSize(2).allSatisfy(job -> assertThat(((JobEntity) job).isExclusive()).isTrue());
    assertThat(driver.executeJoins(businessKey(course))).isEqualTo(2);
    assertThat(course).isWaitingAt(CourseProcess.Elements.FOLLOW_UP_DUE);
  }

  @Test
  void aReportTheEngineRefusesLeavesTheRecordAsItWasAndTheTaskToItsLock() {
    ProcessInstance course = untilDistribution(List.of("beskaeftigelse", "ydelse"), List.of("beskaeftigelse", "ydelse"));
    double deliveredBefore = meters.counter(Distributions.DELIVERY_ATTEMPTS, "outcome", "delivered").count();
    List<String> attempts = new ArrayList<>();
    SpecialistSystemWorker refused = workerWhoseCompletions(attempts,
        (taskId, attempt) -> taskId.equals(attempts.get(0)));

    assertThat(refused.runOnce()).isEqualTo(2);

    assertThat(attempts).as("one report per task, none made again").hasSize(2).doesNotHaveDuplicates();
    String losing = attempts.get(0);
    ExternalTask left = externalTasks.createExternalTaskQuery().externalTaskId(losing).singleResult();
    assertThat(left.getWorkerId()).startsWith(SpecialistSystemWorker.WORKER_ID);
    assertThat(left.getLockExpirationTime()).isAfter(ClockUtil.getCurrentTime());
    String losingSector = left.getTopicName().substring("fagsystem-".length());
    assertThat(distributions.forCourse(businessKey(course)))
        .as("the refused report's record rolled back with it, the other's committed")
        .extracting(DistributionRecord::sector, DistributionRecord::status)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(losingSector, DistributionRecord.Status.PENDING),
            org.assertj.core.groups.Tuple.tuple(losingSector.equals("ydelse") ? "beskaeftigelse" : "ydelse",
                DistributionRecord.Status.DELIVERED));
    assertThat(meters.counter(Distributions.DELIVERY_ATTEMPTS, "outcome", "delivered").count())
        .as("only the committed delivery counted").isEqualTo(deliveredBefore + 1);
    driver.executeJoins(businessKey(course));
    assertThat(course).isWaitingAt(CourseProcess.Elements.DISTRIBUTE_PLAN);

    later(2 * 60 + 1);
    assertThat(deliver(course)).as("after the lock expired: sent again and completed").isEqualTo(1);
    assertThat(distributions.forCourse(businessKey(course))).extracting(DistributionRecord::status)
        .containsOnly(DistributionRecord.Status.DELIVERED);
    assertThat(course).isWaitingAt(CourseProcess.Elements.FOLLOW_UP_DUE);
  }

  /**
   * A worker on this engine whose completions of external tasks first lose an optimistic-locking race (the engine's
   * own exception, nothing changed) when {@code loses} says so for the task and its 1-based attempt; every attempt's
   * task id is added to {@code attempts}.
   */
  private SpecialistSystemWorker workerWhoseCompletions(List<String> attempts,
                                                        BiPredicate<String, Integer> loses) {
    ExternalTaskService racing = Mockito.spy(externalTasks);
    Mockito.doAnswer(invocation -> {
      String taskId = invocation.getArgument(0);
      attempts.add(taskId);
      if (loses.test(taskId, Collections.frequency(attempts, taskId))) {
        throw new OptimisticLockingException("ENGINE-03005 Execution of 'UPDATE ExecutionEntity' failed (test)");
      }
      return invocation.callRealMethod();
    }).when(racing).complete(Mockito.anyString(), Mockito.anyString());
    ProcessEngine racingEngine = Mockito.mock(ProcessEngine.class);
    Mockito.when(racingEngine.getExternalTaskService()).thenReturn(racing);
    Mockito.when(racingEngine.getProcessEngineConfiguration()).thenReturn(engine.getProcessEngineConfiguration());
    return new SpecialistSystemWorker(racingEngine, distributions, systems, properties, transactionManager);
  }

  /** The worker's round, then the course's joins (jobs the job executor would run). */
  private int deliver(ProcessInstance course) {
    int attempted = worker.runOnce();
    driver.executeJoins(businessKey(course));
    return attempted;
  }

  /** Referral to the moment the agreed plan waits for its deliveries. */
  private ProcessInstance untilDistribution(List<String> sectors, List<String> consented) {
    ProcessInstance course = steps.refer(List.of("ledighed", "forsoergelse", "misbrug"));
    steps.visitate(course, sectors);
    steps.consent(course, consented);
    consented.forEach(sector -> steps.assess(course, sector));
    steps.agreePlan(course);
    steps.decide(course);
    assertThat(course).isWaitingAt(CourseProcess.Elements.DISTRIBUTE_PLAN);
    return course;
  }

  private static void accept(String path) {
    SYSTEMS.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(202)));
  }

  private static LoggedRequest only(String path) {
    List<LoggedRequest> requests = SYSTEMS.findAll(postRequestedFor(urlEqualTo(path)));
    assertThat(requests).as("requests to %s", path).hasSize(1);
    return requests.get(0);
  }

  private static JsonNode body(LoggedRequest request) {
    try {
      return JSON.readTree(request.getBodyAsString());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static void later(int seconds) {
    ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + seconds * 1000L));
  }
}
