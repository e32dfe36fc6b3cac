package dk.enplan.kpi;

import static dk.enplan.course.CourseProcess.Elements.CLOSE_COURSE;
import static dk.enplan.course.CourseProcess.Elements.CLOSE_WITH_CITIZEN;
import static dk.enplan.course.CourseProcess.Elements.FOLLOW_UP;
import static dk.enplan.course.CourseProcess.Elements.FOLLOW_UP_DUE;
import static dk.enplan.course.CourseProcess.Elements.HAND_OVER_COURSE;
import static dk.enplan.course.CourseProcess.Elements.OBTAIN_CONSENT;
import static dk.enplan.course.CourseProcess.Elements.PLAN_MEETING;
import static dk.enplan.course.CourseProcess.Elements.RECONSIDER_DECISION;
import static dk.enplan.course.CourseProcess.Elements.VISITATION;
import static dk.enplan.course.CourseSteps.businessKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dk.enplan.course.CourseProcess;
import dk.enplan.course.CourseSteps;
import dk.enplan.courseevent.CourseEvent;
import dk.enplan.operations.OperationsGauges;
import dk.enplan.testing.AttackReport;
import dk.enplan.testing.CourseDriver;
import dk.enplan.testing.CourseEngineTest;
import dk.enplan.testing.EngineHttp;
import dk.enplan.testing.TestIdentity;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The KPI read model over real HTTP: courses driven along different paths in Allerød and Ballerup from January to
 * March 2032 (months no other test uses), the exact KPIs per municipality and network-wide; the figures of "now"
 * (active courses, active plans, late work now) as the change these courses made, since other tests' courses in the
 * shared context count there too. Access, bad input, drill-down, rebuild and idempotence.
 */
@CourseEngineTest
class KpiReadModelIT {

  static final String PERIOD = "from=2032-01&to=2032-03";
  static final String NOW = "2032-03-15T12:00:00+01:00";
  static final String CPR_SHARED = "0501321111";
  static final String SECOND_COORDINATOR = "koordinator2.allerod";

  @LocalServerPort int port;
  @Autowired CourseDriver driver;
  @Autowired CourseSteps steps;
  @Autowired TestIdentity identity;
  @Autowired IdentityService identityService;
  @Autowired TaskService tasks;
  @Autowired KpiLedger ledger;
  @Autowired TransactionTemplate transaction;
  @Autowired JdbcTemplate jdbc;
  @Autowired OperationsGauges gauges;

  static boolean driven;
  static JsonNode allerodBefore;
  static JsonNode ballerupBefore;
  static JsonNode networkBefore;
  static final Map<String, String> COURSES = new HashMap<>();

  @BeforeEach
  void driveCourses() {
    identity.ensure();
    if (driven) {
      at(NOW);
      return;
    }
    driven = true;
    at(NOW);
    allerodBefore = summary("leder.allerod", "");
    ballerupBefore = summary("leder.ballerup", "");
    networkBefore = summary(TestIdentity.NETWORK, "");
    try {
      driveAllerod();
      driveBallerup();
    } finally {
      at(NOW);
    }
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  /** A1 closed after a revision, A2 no consent, A3 a late assessment, A4 a complaint then moving away, A5 active. */
  private void driveAllerod() {
    at("2032-01-05T09:00:00+01:00");
    ProcessInstance a1 = refer("allerod", "0101321234");
    visitate(a1, "allerod");
    at("2032-01-08T09:00:00+01:00");
    steps.consent(a1, List.of("beskaeftigelse"));
    steps.assess(a1, "beskaeftigelse");
    at("2032-01-20T09:00:00+01:00");
    steps.agreePlan(a1);
    steps.decide(a1);
    at("2032-02-01T09:00:00+01:00");
    Task followUp = steps.followUpDue(a1);
    secondCoordinatorTakesOver(followUp);
    at("2032-02-20T09:00:00+01:00");
    followUp(a1, "revider", 4, 6, 8, 3, 7);
    steps.agreePlan(a1);
    steps.decide(a1);
    at("2032-02-24T09:00:00+01:00");
    steps.followUpDue(a1);
    at("2032-02-25T09:00:00+01:00");
    followUp(a1, "afslut", 6, 6, 7, 5, 7);
    at("2032-03-01T09:00:00+01:00");
    driver.complete(steps.task(a1, CLOSE_WITH_CITIZEN), Map.of("closureReason", "maal_naaet",
        "finalProgression", 8, "closureNote", "Borgeren er i job."));
    driver.executeJob(a1, CLOSE_COURSE);
    COURSES.put("A1", businessKey(a1));

    at("2032-01-06T09:00:00+01:00");
    ProcessInstance a2 = refer("allerod", "0201321234");
    visitate(a2, "allerod");
    at("2032-01-07T09:00:00+01:00");
    driver.complete(steps.task(a2, OBTAIN_CONSENT), Map.of("consentGiven", "nej",
        "consentNote", "Borgeren ønsker ikke en samlet plan."));
    COURSES.put("A2", businessKey(a2));

    at("2032-01-10T09:00:00+01:00");
    ProcessInstance a3 = refer("allerod", "0301321234");
    visitate(a3, "allerod");
    steps.consent(a3, List.of("beskaeftigelse"));
    COURSES.put("A3", businessKey(a3));

    at("2032-01-12T09:00:00+01:00");
    ProcessInstance a4 = refer("allerod", "0401321234");
    visitate(a4, "allerod");
    at("2032-01-14T09:00:00+01:00");
    steps.consent(a4, List.of("beskaeftigelse"));
    steps.assess(a4, "beskaeftigelse");
    at("2032-01-30T09:00:00+01:00");
    steps.agreePlan(a4);
    steps.decide(a4);
    at("2032-02-05T09:00:00+01:00");
    driver.correlate(businessKey(a4), CourseProcess.Messages.COMPLAINT, Map.of("complaintText", "Forkert."));
    driver.complete(steps.task(a4, RECONSIDER_DECISION), Map.of("complaintUpheld", "nej",
        "reconsiderationNote", "Afgørelsen fastholdes."));
    at("2032-02-15T09:00:00+01:00");
    driver.correlate(businessKey(a4), CourseProcess.Messages.MOVED_OUT, Map.of("moveNotice", "Flytter til Aarhus."));
    driver.complete(steps.task(a4, HAND_OVER_COURSE), Map.of("newMunicipality", "Aarhus",
        "handoverDate", "2032-03-01", "handoverNote", "Plan og kontaktoplysninger overdraget."));
    driver.executeJob(a4, CLOSE_COURSE);
    COURSES.put("A4", businessKey(a4));

    at("2032-02-01T09:00:00+01:00");
    ProcessInstance a5 = refer("allerod", CPR_SHARED);
    visitate(a5, "allerod");
    at("2032-02-02T09:00:00+01:00");
    steps.consent(a5, List.of("beskaeftigelse"));
    steps.assess(a5, "beskaeftigelse");
    at("2032-02-10T09:00:00+01:00");
    steps.agreePlan(a5);
    steps.decide(a5);
    COURSES.put("A5", businessKey(a5));
    inTransaction(() -> {
      String failed = "delivery-failed:kpi-test-a5";
      ledger.record(CourseEvent.of(CourseEvent.Kind.DELIVERY_FAILED, failed, businessKey(a5), "beskaeftigelse",
          now()));
      ledger.record(CourseEvent.of(CourseEvent.Kind.DELIVERY_FAILED, failed, businessKey(a5), "beskaeftigelse",
          now()));
    });
  }

  /** B1 active with an upheld complaint and the same citizen as A5, B2 waiting for consent. */
  private void driveBallerup() {
    at("2032-01-04T09:00:00+01:00");
    ProcessInstance b1 = refer("ballerup", CPR_SHARED);
    visitate(b1, "ballerup");
    at("2032-01-09T09:00:00+01:00");
    steps.consent(b1, List.of("beskaeftigelse"));
    steps.assess(b1, "beskaeftigelse");
    at("2032-02-03T09:00:00+01:00");
    steps.agreePlan(b1);
    steps.decide(b1);
    at("2032-02-10T09:00:00+01:00");
    driver.correlate(businessKey(b1), CourseProcess.Messages.COMPLAINT, Map.of("complaintText", "Uenig."));
    driver.complete(steps.task(b1, RECONSIDER_DECISION), Map.of("complaintUpheld", "ja",
        "reconsiderationNote", "Nyt praktiksted findes."));
    inTransaction(() -> ledger.record(CourseEvent.of(CourseEvent.Kind.DELIVERY_REJECTED,
        "delivery-rejected:kpi-test-b1", businessKey(b1), "beskaeftigelse", now())));
    COURSES.put("B1", businessKey(b1));

    at("2032-02-01T09:00:00+01:00");
    ProcessInstance b2 = refer("ballerup", "0601321234");
    visitate(b2, "ballerup");
    COURSES.put("B2", businessKey(b2));
  }

  @Test
  void allerodsFiguresAreExact() {
    JsonNode allerod = summary("leder.allerod", "");
    assertThat(allerod.at("/scope/municipality").asText()).isEqualTo("allerod");
    assertThat(allerod.at("/scope/name").asText()).isEqualTo("Allerød");
    assertThat(allerod.at("/referrals/total").asLong()).isEqualTo(5);
    assertThat(months(allerod.at("/referrals/perMonth"), "count")).containsExactly("2032-01=4", "2032-02=1",
        "2032-03=0");
    assertDays(allerod.at("/daysToConsent"), 4, 1.5, 2.7);
    assertDays(allerod.at("/daysToFirstPlan"), 3, 15.0, 17.4);
    assertThat(allerod.at("/contactPersons/courses").asLong()).isEqualTo(5);
    assertThat(allerod.at("/contactPersons/mean").asDouble()).isCloseTo(1.2, within(1e-9));
    assertThat(allerod.at("/contactPersons/withMoreThanOne").asLong()).isEqualTo(1);
    assertThat(reasons(allerod)).containsEntry("maal_naaet", 1L).containsEntry("intet_samtykke", 1L)
        .containsEntry("fraflytning", 1L).containsEntry("andet", 0L);
    assertThat(allerod.at("/closures/total").asLong()).isEqualTo(3);
    assertThat(months(allerod.at("/late/perMonth"), "assessments")).containsExactly("2032-01=0", "2032-02=1",
        "2032-03=0");
    assertThat(months(allerod.at("/late/perMonth"), "followUps")).containsExactly("2032-01=0", "2032-02=1",
        "2032-03=0");
    Map<String, JsonNode> progression = progression(allerod);
    assertProgression(progression.get("arbejde"), 1, 2.0, 1.0);
    assertProgression(progression.get("helbred"), 1, 0.0, 0.0);
    assertProgression(progression.get("bolig"), 1, -1.0, 0.0);
    assertProgression(progression.get("oekonomi"), 1, 2.0, 1.0);
    assertThat(progression.get("samlet").get("courses").asLong()).as("one closing score, no change").isZero();
    assertThat(allerod.at("/deliveries/failed").asLong()).as("one delivery, failed twice").isEqualTo(1);
    assertThat(allerod.at("/deliveries/rejected").asLong()).isZero();
    assertThat(allerod.at("/complaints/received").asLong()).isEqualTo(1);
    assertThat(allerod.at("/complaints/upheld").asLong()).isZero();
    assertThat(allerod.at("/complaints/forwarded").asLong()).isEqualTo(1);

    assertThat(delta(allerod, allerodBefore, "/activeCourses/total")).isEqualTo(2);
    assertThat(phaseDelta(allerod, allerodBefore)).containsEntry("JOINT_ASSESSMENT", 1L)
        .containsEntry("INTERVENTION", 1L).containsEntry("CONSENT", 0L).containsEntry("CLOSURE", 0L);
    assertThat(delta(allerod, allerodBefore, "/activePlansPerCitizen/citizens")).isEqualTo(1);
    assertThat(delta(allerod, allerodBefore, "/activePlansPerCitizen/plans")).isEqualTo(1);
    assertThat(delta(allerod, allerodBefore, "/activePlansPerCitizen/withMoreThanOne")).isZero();
    assertThat(delta(allerod, allerodBefore, "/late/now/assessments")).as("A3's assessment, open past due")
        .isEqualTo(1);
  }

  @Test
  void ballerupsFiguresAreExactAndHoldNothingOfAllerod() {
    JsonNode ballerup = summary("leder.ballerup", "");
    assertThat(ballerup.at("/scope/municipality").asText()).isEqualTo("ballerup");
    assertThat(ballerup.at("/referrals/total").asLong()).isEqualTo(2);
    assertThat(months(ballerup.at("/referrals/perMonth"), "count")).containsExactly("2032-01=1", "2032-02=1",
        "2032-03=0");
    assertDays(ballerup.at("/daysToConsent"), 1, 5.0, 5.0);
    assertDays(ballerup.at("/daysToFirstPlan"), 1, 30.0, 30.0);
    assertThat(ballerup.at("/contactPersons/courses").asLong()).isEqualTo(2);
    assertThat(ballerup.at("/contactPersons/mean").asDouble()).isEqualTo(1.0);
    assertThat(ballerup.at("/contactPersons/withMoreThanOne").asLong()).isZero();
    assertThat(ballerup.at("/closures/total").asLong()).isZero();
    assertThat(ballerup.at("/complaints/received").asLong()).isEqualTo(1);
    assertThat(ballerup.at("/complaints/upheld").asLong()).isEqualTo(1);
    assertThat(ballerup.at("/complaints/forwarded").asLong()).isZero();
    assertThat(ballerup.at("/deliveries/failed").asLong()).isZero();
    assertThat(ballerup.at("/deliveries/rejected").asLong()).isEqualTo(1);
    assertThat(progression(ballerup).get("arbejde").get("courses").asLong()).isZero();
    assertThat(months(ballerup.at("/late/perMonth"), "assessments")).containsOnly("2032-01=0", "2032-02=0",
        "2032-03=0");
    assertThat(phaseDelta(ballerup, ballerupBefore)).containsEntry("CONSENT", 1L).containsEntry("INTERVENTION", 1L)
        .containsEntry("JOINT_ASSESSMENT", 0L);
    assertThat(delta(ballerup, ballerupBefore, "/activePlansPerCitizen/plans")).isEqualTo(1);
    assertThat(delta(ballerup, ballerupBefore, "/late/now/assessments")).isZero();
  }

  @Test
  void theNetworkSeesBothMunicipalitiesAndTheWhole() {
    JsonNode network = summary(TestIdentity.NETWORK, "");
    assertThat(network.at("/scope/municipality").isNull()).isTrue();
    assertThat(network.at("/scope/name").asText()).isEqualTo("Hele netværket");
    assertThat(network.at("/referrals/total").asLong()).isEqualTo(7);
    assertDays(network.at("/daysToConsent"), 5, 2.0, 4.2);
    assertDays(network.at("/daysToFirstPlan"), 4, 16.5, 26.4);
    assertThat(network.at("/contactPersons/courses").asLong()).isEqualTo(7);
    assertThat(network.at("/contactPersons/mean").asDouble()).isCloseTo(8.0 / 7, within(1e-9));
    assertThat(network.at("/closures/total").asLong()).isEqualTo(3);
    assertThat(network.at("/complaints/received").asLong()).isEqualTo(2);
    assertThat(network.at("/complaints/upheld").asLong()).isEqualTo(1);
    assertThat(network.at("/complaints/forwarded").asLong()).isEqualTo(1);
    assertThat(network.at("/deliveries/failed").asLong() + network.at("/deliveries/rejected").asLong())
        .isEqualTo(2);
    assertThat(delta(network, networkBefore, "/activeCourses/total")).isEqualTo(4);
    assertThat(delta(network, networkBefore, "/activePlansPerCitizen/plans")).isEqualTo(2);
    assertThat(delta(network, networkBefore, "/activePlansPerCitizen/citizens")).as("A5 and B1: one citizen")
        .isEqualTo(1);
    assertThat(delta(network, networkBefore, "/activePlansPerCitizen/withMoreThanOne")).isEqualTo(1);

    assertThat(summary(TestIdentity.NETWORK, "&municipality=ballerup").at("/referrals/total").asLong())
        .isEqualTo(2);
    assertThat(summary(TestIdentity.NETWORK, "&municipality=allerod").at("/referrals/total").asLong())
        .isEqualTo(5);
  }

  @Test
  void aLeaderDrillsDownToHerOwnCoursesWithMaskedCprAndDanishPhase() {
    JsonNode plans = courses("leder.allerod", "kpi=daysToFirstPlan&" + PERIOD);
    assertThat(rows(plans)).containsExactly(COURSES.get("A1") + "|010132-xxxx|Afsluttet|15",
        COURSES.get("A4") + "|040132-xxxx|Afsluttet|18", COURSES.get("A5") + "|050132-xxxx|Indsats og opfølgning|9");
    assertThat(rows(courses("leder.allerod", "kpi=closures&key=fraflytning&" + PERIOD)))
        .containsExactly(COURSES.get("A4") + "|040132-xxxx|Afsluttet|34");
    assertThat(rows(courses("leder.allerod", "kpi=lateAssessments&" + PERIOD)))
        .containsExactly(COURSES.get("A3") + "|030132-xxxx|Fælles udredning|37");
    assertThat(rows(courses("leder.allerod", "kpi=contactPersons&" + PERIOD)))
        .containsExactly(COURSES.get("A1") + "|010132-xxxx|Afsluttet|70");
    assertThat(rows(courses("leder.allerod", "kpi=progression&key=arbejde&" + PERIOD))).hasSize(1);
    assertThat(rows(courses("leder.ballerup", "kpi=referrals&" + PERIOD)))
        .containsExactly(COURSES.get("B1") + "|050132-xxxx|Indsats og opfølgning|71",
            COURSES.get("B2") + "|060132-xxxx|Samtykke|43");
    JsonNode response = courses("leder.allerod", "kpi=referrals&" + PERIOD);
    assertThat(response.toString()).doesNotContain("0101321234", "Mette", COURSES.get("B1"));
  }

  @Test
  void everyoneElseIsRefused() {
    String summary = "/api/kpi/summary?" + PERIOD;
    assertThat(status("leder.ballerup", summary + "&municipality=allerod")).isEqualTo(403);
    assertThat(status("leder.allerod", "/api/kpi/courses?kpi=referrals&municipality=ballerup&" + PERIOD))
        .isEqualTo(403);
    assertThat(status(TestIdentity.NETWORK, "/api/kpi/courses?kpi=referrals&municipality=allerod&" + PERIOD))
        .as("the network sees no citizens").isEqualTo(403);
    assertThat(status("koordinator.allerod", summary)).isEqualTo(403);
    assertThat(status("analytiker.allerod", summary)).isEqualTo(403);
    assertThat(status(TestIdentity.EVALUATOR, summary)).isEqualTo(403);
    assertThat(status("admin", summary)).isEqualTo(403);
    assertThat(anonymous(summary)).isEqualTo(401);
    assertThat(anonymous("/api/kpi/courses?kpi=referrals&" + PERIOD)).isEqualTo(401);
    assertThat(status("leder.allerod", "/api/admin/kpi/rebuild", true)).isEqualTo(403);
    AttackReport.record("/api/kpi/summary", "a leader asks for another municipality's KPIs", "leder.ballerup", 403,
        true, true);
    AttackReport.record("/api/kpi/courses", "a leader lists another municipality's courses", "leder.allerod", 403,
        true, true);
    AttackReport.record("/api/kpi/courses", "the network role lists a municipality's citizens", "netvaerk", 403,
        true, true);
    AttackReport.record("/api/kpi/summary", "a caseworker, analyst, evaluator, administrator reads the KPIs",
        "koordinator.allerod", 403, true, true);
    AttackReport.record("/api/kpi/summary", "no credentials", "anonymous", 401, true, true);
    AttackReport.record("/api/admin/kpi/rebuild", "a leader rebuilds the read model", "leder.allerod", 403, true,
        true);
  }

  @Test
  void badInputNamesTheField() {
    assertRefused("/api/kpi/summary?from=2032-13&to=2032-03", "from");
    assertRefused("/api/kpi/summary?from=01-2032&to=2032-03", "from");
    assertRefused("/api/kpi/summary?from=2032-01", "to");
    assertRefused("/api/kpi/summary?from=2032-04&to=2032-03", "from");
    assertRefused("/api/kpi/summary?from=2020-01&to=2032-03", "to");
    assertRefused("/api/kpi/courses?kpi=ukendt&" + PERIOD, "kpi");
    assertRefused("/api/kpi/courses?" + PERIOD, "kpi");
    assertRefused("/api/kpi/courses?kpi=closures&key=x%27%20or%201=1&" + PERIOD, "key");
    HttpResponse<String> unknown = EngineHttp.rest(port, TestIdentity.NETWORK)
        .get("/api/kpi/summary?" + PERIOD + "&municipality=aarhus");
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(EngineHttp.json(unknown).get("field").asText()).isEqualTo("municipality");
    assertThat(EngineHttp.json(unknown).get("message").asText()).startsWith("municipality: ukendt kommune");
  }

  @Test
  void theRebuiltModelEqualsTheRecordedOne() {
    List<String> paths = List.of("/api/kpi/summary?" + PERIOD, "/api/kpi/summary?from=2020-01&to=2029-12");
    List<String> before = new ArrayList<>();
    for (String path : paths) {
      before.add(EngineHttp.rest(port, TestIdentity.NETWORK).get(path).body());
      before.add(EngineHttp.rest(port, "leder.allerod").get(path).body());
    }
    String drillDown = EngineHttp.rest(port, "leder.allerod").get("/api/kpi/courses?kpi=referrals&" + PERIOD).body();
    List<Map<String, Object>> courseRows = jdbc.queryForList("select * from kpi_course order by course_id");
    List<Map<String, Object>> counterRows = jdbc.queryForList(
        "select * from kpi_month where amount <> 0 order by tenant_id, yyyymm, metric, item");

    HttpResponse<String> rebuilt = EngineHttp.rest(port, "admin").post("/api/admin/kpi/rebuild", "");
    assertThat(rebuilt.statusCode()).isEqualTo(200);
    assertThat(EngineHttp.json(rebuilt).get("eventsAdded").asLong()).as("every event was recorded as it happened")
        .isZero();

    List<String> after = new ArrayList<>();
    for (String path : paths) {
      after.add(EngineHttp.rest(port, TestIdentity.NETWORK).get(path).body());
      after.add(EngineHttp.rest(port, "leder.allerod").get(path).body());
    }
    assertThat(after).isEqualTo(before);
    assertThat(EngineHttp.rest(port, "leder.allerod").get("/api/kpi/courses?kpi=referrals&" + PERIOD).body())
        .isEqualTo(drillDown);
    assertThat(jdbc.queryForList("select * from kpi_course order by course_id")).isEqualTo(courseRows);
    assertThat(jdbc.queryForList("select * from kpi_month where amount <> 0 order by tenant_id, yyyymm, metric, item"))
        .isEqualTo(counterRows);
  }

  @Test
  void theKpiGaugesAreInPrometheus() {
    gauges.refresh();
    HttpResponse<String> scrape = EngineHttp.rest(port, TestIdentity.OPERATIONS).get("/actuator/prometheus");
    assertThat(scrape.statusCode()).isEqualTo(200);
    assertThat(gauge(scrape.body(), "enplan_kpi_courses_active{application=\"en-plan\",municipality=\"allerod\","
        + "phase=\"JOINT_ASSESSMENT\"}")).as("A3 at least").isGreaterThanOrEqualTo(1);
    assertThat(gauge(scrape.body(), "enplan_kpi_late{application=\"en-plan\",kind=\"assessment\","
        + "municipality=\"allerod\"}")).isEqualTo(allerodBefore.at("/late/now/assessments").asDouble() + 1);
    // a municipality of the network without a course still has its series: Helsingør, where no test refers one
    // (Hillerød is CourseMigrationIT's, which may run first in this JVM)
    assertThat(scrape.body()).contains("enplan_kpi_courses_active{application=\"en-plan\",municipality=\"helsingor\","
        + "phase=\"VISITATION\"} 0.0");
  }

  private static double gauge(String scrape, String series) {
    return scrape.lines().filter(line -> line.startsWith(series + " ")).findFirst()
        .map(line -> Double.parseDouble(line.substring(series.length() + 1))).orElseThrow(() ->
            new AssertionError("no series " + series));
  }

  @Test
  void twoWritersRecordTheSameEventOnce() {
    String courseId = COURSES.get("B2");
    CourseEvent complaint = CourseEvent.of(CourseEvent.Kind.COMPLAINT, "complaint:kpi-test-two-writers", courseId,
        "", Instant.parse("2032-03-10T10:00:00Z"));
    long before = summary("leder.ballerup", "").at("/complaints/received").asLong();
    Boolean first = transaction.execute(status -> ledger.record(complaint));
    Boolean second = transaction.execute(status -> ledger.record(complaint));
    assertThat(first).isTrue();
    assertThat(second).as("the second node finds the key and counts nothing").isFalse();
    assertThat(summary("leder.ballerup", "").at("/complaints/received").asLong()).isEqualTo(before + 1);
    assertThat(jdbc.queryForObject("select count(*) from kpi_event where event_key = ?", Long.class,
        complaint.key())).isEqualTo(1);
    // Leave the figures as the other tests expect them.
    jdbc.update("delete from kpi_event where event_key = ?", complaint.key());
    jdbc.update("update kpi_month set amount = amount - 1 where tenant_id in ('ballerup', '*') and yyyymm = 203203"
        + " and metric = 'complaints'");
  }

  // --- driving ---

  private ProcessInstance refer(String tenant, String cpr) {
    return driver.refer(tenant, CourseSteps.referral(cpr, List.of("ledighed", "forsoergelse")));
  }

  private void visitate(ProcessInstance course, String tenant) {
    driver.complete(steps.task(course, VISITATION), Map.of("targetGroupConfirmed", "ja", "chosenSectors",
        List.of("beskaeftigelse"), "coordinator", "koordinator." + tenant, "visitationNote", "Flere sektorer."));
  }

  private void followUp(ProcessInstance course, String decision, int work, int health, int housing, int economy,
                        int network) {
    driver.complete(steps.task(course, FOLLOW_UP), Map.of("progressionWork", work, "progressionHealth", health,
        "progressionHousing", housing, "progressionEconomy", economy, "progressionNetwork", network,
        "followUpNote", "Status.", "followUpDecision", decision));
  }

  /** Cover: another coordinator of Allerød takes the follow-up — a second contact person for the citizen. */
  private void secondCoordinatorTakesOver(Task followUp) {
    User user = identityService.newUser(SECOND_COORDINATOR);
    user.setPassword(TestIdentity.PASSWORD);
    identityService.saveUser(user);
    try {
      identityService.createMembership(SECOND_COORDINATOR, "koordinator");
      identityService.createTenantUserMembership("allerod", SECOND_COORDINATOR);
      tasks.setAssignee(followUp.getId(), SECOND_COORDINATOR);
      tasks.setAssignee(followUp.getId(), "koordinator.allerod");
    } finally {
      identityService.deleteTenantUserMembership("allerod", SECOND_COORDINATOR);
      identityService.deleteUser(SECOND_COORDINATOR);
    }
  }

  private void inTransaction(Runnable action) {
    transaction.executeWithoutResult(status -> action.run());
  }

  private static void at(String time) {
    ClockUtil.setCurrentTime(Date.from(ZonedDateTime.parse(time).toInstant()));
  }

  private static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  // --- reading ---

  private JsonNode summary(String user, String extra) {
    HttpResponse<String> response = EngineHttp.rest(port, user).get("/api/kpi/summary?" + PERIOD + extra);
    assertThat(response.statusCode()).as("%s: %s", user, response.body()).isEqualTo(200);
    return EngineHttp.json(response);
  }

  private JsonNode courses(String user, String query) {
    HttpResponse<String> response = EngineHttp.rest(port, user).get("/api/kpi/courses?" + query);
    assertThat(response.statusCode()).as("%s: %s", user, response.body()).isEqualTo(200);
    return EngineHttp.json(response);
  }

  private static List<String> rows(JsonNode courses) {
    List<String> rows = new ArrayList<>();
    courses.get("courses").forEach(row -> rows.add(row.get("courseId").asText() + "|" + row.get("maskedCpr").asText()
        + "|" + row.get("phase").asText() + "|" + row.get("days").asText()));
    return rows;
  }

  private int status(String user, String path) {
    return status(user, path, false);
  }

  private int status(String user, String path, boolean post) {
    EngineHttp http = EngineHttp.rest(port, user);
    HttpResponse<String> response = post ? http.post(path, "") : http.get(path);
    if (response.statusCode() >= 400) {
      assertThat(EngineHttp.json(response).get("message").asText()).as("a Danish message").isNotBlank();
    }
    return response.statusCode();
  }

  private int anonymous(String path) {
    try {
      return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
          .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private void assertRefused(String path, String field) {
    HttpResponse<String> response = EngineHttp.rest(port, "leder.allerod").get(path);
    assertThat(response.statusCode()).as(path).isEqualTo(400);
    JsonNode error = EngineHttp.json(response);
    assertThat(error.get("field").asText()).as(path).isEqualTo(field);
    assertThat(error.get("message").asText()).startsWith(field + ": ");
  }

  private static List<String> months(JsonNode perMonth, String field) {
    List<String> months = new ArrayList<>();
    perMonth.forEach(m -> months.add(m.get("month").asText() + "=" + m.get(field).asLong()));
    return months;
  }

  private static void assertDays(JsonNode days, long courses, double median, double p90) {
    assertThat(days.get("courses").asLong()).isEqualTo(courses);
    assertThat(days.get("median").asDouble()).isCloseTo(median, within(1e-9));
    assertThat(days.get("p90").asDouble()).isCloseTo(p90, within(1e-9));
  }

  private static Map<String, Long> reasons(JsonNode summary) {
    Map<String, Long> reasons = new HashMap<>();
    summary.at("/closures/byReason").forEach(r -> reasons.put(r.get("reason").asText(), r.get("courses").asLong()));
    return reasons;
  }

  private static Map<String, JsonNode> progression(JsonNode summary) {
    Map<String, JsonNode> domains = new HashMap<>();
    summary.get("progression").forEach(d -> domains.put(d.get("domain").asText(), d));
    return domains;
  }

  private static void assertProgression(JsonNode domain, long courses, double meanChange, double shareImproved) {
    assertThat(domain.get("courses").asLong()).as(domain.toString()).isEqualTo(courses);
    assertThat(domain.get("meanChange").asDouble()).as(domain.toString()).isCloseTo(meanChange, within(1e-9));
    assertThat(domain.get("shareImproved").asDouble()).as(domain.toString()).isCloseTo(shareImproved, within(1e-9));
  }

  private static long delta(JsonNode after, JsonNode before, String pointer) {
    return after.at(pointer).asLong() - before.at(pointer).asLong();
  }

  private static Map<String, Long> phaseDelta(JsonNode after, JsonNode before) {
    Map<String, Long> delta = new HashMap<>();
    after.at("/activeCourses/byPhase").forEach(p -> delta.merge(p.get("phase").asText(), p.get("courses").asLong(),
        Long::sum));
    before.at("/activeCourses/byPhase").forEach(p -> delta.merge(p.get("phase").asText(), -p.get("courses").asLong(),
        Long::sum));
    return delta;
  }
}
