package dk.enplan.form;

import static dk.enplan.course.CourseProcess.Elements.FOLLOW_UP;
import static dk.enplan.course.CourseProcess.Elements.OBTAIN_CONSENT;
import static dk.enplan.course.CourseProcess.Elements.VISITATION;
import static dk.enplan.course.CourseSteps.businessKey;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.enplan.course.CourseRepository;
import dk.enplan.course.CourseStatus;
import dk.enplan.course.CourseSteps;
import dk.enplan.testing.AttackReport;
import dk.enplan.testing.CourseDriver;
import dk.enplan.testing.CourseEngineTest;
import dk.enplan.testing.TestIdentity;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A form submission carries only its form's fields (issue 10, item 2) and free text keeps its form's limit (item 7):
 * attacks over real HTTP as the demo users would send them, each refused with 400 naming the field before the engine
 * sees it, and nothing changed — not Ballerup's course in the plan store, not its variables, not the instance counts.
 */
@CourseEngineTest
class FormSubmissionAttackIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String VISITATOR = "visitation.allerod";

  private final HttpClient http = HttpClient.newHttpClient();

  @LocalServerPort int port;
  @Autowired TestIdentity identity;
  @Autowired CourseSteps steps;
  @Autowired CourseDriver driver;
  @Autowired CourseRepository courses;
  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;

  /** Ballerup's course in the joint assessment, made once for the class (the Spring context is shared). */
  private static ProcessInstance ballerup;

  @BeforeEach
  void setUp() {
    identity.ensure();
    if (ballerup == null) {
      ballerup = steps.inJointAssessment("ballerup", List.of("beskaeftigelse"));
    }
  }

  @Test
  void aVisitationSubmitWithBallerupsCourseIdIsRefusedAndBallerupsCourseUnchanged() throws Exception {
    String taskId = visitationTaskOfANewReferral();
    Map<String, Map<String, Object>> submission = visitation("koordinator.allerod");
    submission.put("courseId", Map.of("value", businessKey(ballerup)));

    HttpResponse<String> refused = refusedWithNothingWritten("2",
        "visitation submit with another municipality's courseId", VISITATOR,
        "/engine-rest/task/" + taskId + "/submit-form", submission, "courseId");
    assertThat(refused.body()).as("refused by the form check, before the engine").contains(NOT_IN_FORM);
    assertThat(courses.findById(businessKey(ballerup)).orElseThrow().status()).isEqualTo(CourseStatus.ACTIVE);
  }

  @ParameterizedTest
  @ValueSource(strings = {"municipality", "tenantId", "coordinator", "chosenSectors", "courseId"})
  void aStartWithAnUndeclaredRoutingVariableIsRefused(String extra) throws Exception {
    Map<String, Map<String, Object>> referral = referral("Jonas Nielsen");
    referral.put(extra, extra.equals("chosenSectors")
        ? Map.of("value", "[\"familie\"]", "type", "Json")
        : Map.of("value", extra.equals("courseId") ? businessKey(ballerup) : "ballerup"));

    HttpResponse<String> refused = refusedWithNothingWritten("2", "start with an extra " + extra, VISITATOR,
        "/engine-rest/process-definition/key/en-plan/start", referral, extra);
    assertThat(refused.body()).as("refused by the form check, before the engine").contains(NOT_IN_FORM);
  }

  @Test
  void aCoordinatorNotAmongTheOptionsIsRefused() throws Exception {
    String taskId = visitationTaskOfANewReferral();
    refusedWithNothingWritten("2", "visitation with Ballerup's coordinator (not an option)", VISITATOR,
        "/engine-rest/task/" + taskId + "/submit-form", visitation("koordinator.ballerup"), "coordinator");
  }

  @Test
  void aRadioValueNotAmongItsValuesIsRefused() throws Exception {
    String taskId = visitationTaskOfANewReferral();
    Map<String, Map<String, Object>> submission = visitation("koordinator.allerod");
    submission.put("targetGroupConfirmed", Map.of("value", "maaske"));
    refusedWithNothingWritten("2", "radio targetGroupConfirmed 'maaske' (not among values)", VISITATOR,
        "/engine-rest/task/" + taskId + "/complete", submission, "targetGroupConfirmed");
  }

  @Test
  void aFieldTheFormHidesForTheChosenAnswerIsRefused() throws Exception {
    String taskId = visitationTaskOfANewReferral();
    Map<String, Map<String, Object>> submission = visitation("koordinator.allerod");
    submission.put("targetGroupConfirmed", Map.of("value", "nej"));
    refusedWithNothingWritten("2", "visitation 'nej' still carrying chosenSectors (hidden)", VISITATOR,
        "/engine-rest/task/" + taskId + "/complete", submission, "chosenSectors");
  }

  @Test
  void textOverTheFormsMaxLengthIsRefused() throws Exception {
    String taskId = visitationTaskOfANewReferral();
    Map<String, Map<String, Object>> submission = visitation("koordinator.allerod");
    submission.put("visitationNote", Map.of("value", "x".repeat(4001)));
    HttpResponse<String> refused = refusedWithNothingWritten("7", "visitationNote of 4,001 characters",
        VISITATOR, "/engine-rest/task/" + taskId + "/submit-form", submission, "visitationNote");
    assertThat(message(refused)).isEqualTo("Begrundelse: må højst være 4000 tegn (er 4001)");

    ProcessInstance course = steps.refer(List.of("ledighed", "misbrug"));
    steps.visitate(course, List.of("beskaeftigelse"));
    Task consent = steps.task(course, OBTAIN_CONSENT);
    Map<String, Map<String, Object>> consentForm = new LinkedHashMap<>();
    consentForm.put("consentGiven", Map.of("value", "ja"));
    consentForm.put("consentedSectors", Map.of("value", "[\"beskaeftigelse\"]", "type", "Json"));
    consentForm.put("consentInformed", Map.of("value", true));
    consentForm.put("consentNote", Map.of("value", "æ".repeat(4001)));
    refusedWithNothingWritten("7", "consentNote of 4,001 characters", CourseSteps.COORDINATOR,
        "/engine-rest/task/" + consent.getId() + "/complete", consentForm, "consentNote");

    Map<String, Map<String, Object>> referral = referral("x".repeat(201));
    refusedWithNothingWritten("7", "citizenName of 201 characters at the start form", VISITATOR,
        "/engine-rest/process-definition/key/en-plan/submit-form", referral, "citizenName");
  }

  @Test
  void aNumberSentAsTextIsRefused() throws Exception {
    ProcessInstance course = steps.inInterventionPhase(List.of("beskaeftigelse"));
    driver.executeJob(course, dk.enplan.course.CourseProcess.Elements.FOLLOW_UP_DUE);
    Task followUp = steps.task(course, FOLLOW_UP);
    Map<String, Map<String, Object>> form = new LinkedHashMap<>();
    for (String domain : List.of("Work", "Health", "Housing", "Economy", "Network")) {
      form.put("progression" + domain, Map.of("value", 5));
    }
    form.put("progressionWork", Map.of("value", "7"));
    form.put("followUpNote", Map.of("value", "Går godt."));
    form.put("followUpDecision", Map.of("value", "fortsaet"));
    HttpResponse<String> refused = refusedWithNothingWritten("7", "progressionWork \"7\" (a number as text)",
        CourseSteps.COORDINATOR, "/engine-rest/task/" + followUp.getId() + "/complete", form, "progressionWork");
    assertThat(message(refused)).isEqualTo("Arbejde og uddannelse: skal være et tal");

    form.put("progressionWork", Map.of("value", 11));
    refusedWithNothingWritten("2", "progressionWork 11 (over the form's max 10)", CourseSteps.COORDINATOR,
        "/engine-rest/task/" + followUp.getId() + "/complete", form, "progressionWork");
  }

  @Test
  void aReferralAndAVisitationWithExactlyTheFormsFieldsGoThrough() throws Exception {
    HttpResponse<String> started = post("/engine-rest/process-definition/key/en-plan/submit-form", VISITATOR,
        Map.of("variables", referral("Karin Nielsen")));
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    String courseId = JSON.readTree(started.body()).path("businessKey").asText();
    Task visitation = driver.task(courseId, VISITATION);

    HttpResponse<String> visitated = post("/engine-rest/task/" + visitation.getId() + "/submit-form", VISITATOR,
        Map.of("variables", visitation("koordinator.allerod")));
    assertThat(visitated.statusCode()).as(visitated.body()).isBetween(200, 204);
    assertThat(courses.findById(courseId).orElseThrow().status()).isEqualTo(CourseStatus.AWAITING_CONSENT);
    assertThat(courses.findById(courseId).orElseThrow().coordinator()).isEqualTo("koordinator.allerod");
  }

  @Test
  void theSameSubmitThroughTasklistsEngineApiIsRefused() throws Exception {
    String taskId = visitationTaskOfANewReferral();
    HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(url("/camunda/app/tasklist/default/")))
        .GET().build(), HttpResponse.BodyHandlers.ofString());
    String token = page.headers().firstValue("X-XSRF-TOKEN").orElseThrow();
    String cookie = page.headers().allValues("Set-Cookie").stream().map(c -> c.split(";")[0])
        .reduce((a, b) -> a + "; " + b).orElseThrow();
    HttpResponse<String> login = http.send(HttpRequest.newBuilder(
            URI.create(url("/camunda/api/admin/auth/user/default/login/tasklist")))
        .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", token)
        .header("Cookie", cookie).POST(HttpRequest.BodyPublishers.ofString(
            "username=" + VISITATOR + "&password=" + TestIdentity.PASSWORD)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    String session = login.headers().allValues("Set-Cookie").stream().map(c -> c.split(";")[0])
        .reduce(cookie, (a, b) -> a + "; " + b);
    Map<String, Map<String, Object>> submission = visitation("koordinator.allerod");
    submission.put("courseId", Map.of("value", businessKey(ballerup)));

    Snapshot before = snapshot();
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(
            URI.create(url("/camunda/api/engine/engine/default/task/" + taskId + "/submit-form")))
        .header("Content-Type", "application/json").header("X-XSRF-TOKEN", token).header("Cookie", session)
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("variables", submission))))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(JSON.readTree(response.body()).path("field").asText()).isEqualTo("courseId");
    assertThat(response.body()).contains(NOT_IN_FORM);
    assertThat(snapshot()).isEqualTo(before);
    AttackReport.record("2", "Tasklist's engine API: visitation submit with Ballerup's courseId", VISITATOR,
        response.statusCode(), true, true);
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }

  /** A new Allerød referral over REST; its visitation task's id. */
  private String visitationTaskOfANewReferral() throws Exception {
    HttpResponse<String> started = post("/engine-rest/process-definition/key/en-plan/start", VISITATOR,
        Map.of("variables", referral("Jonas Nielsen")));
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    return driver.task(JSON.readTree(started.body()).path("businessKey").asText(), VISITATION).getId();
  }

  /**
   * Sends the submission, asserts 400 naming {@code field} and that nothing changed: no course or instance more,
   * no variable more or different, Ballerup's course as it was; then records the attack.
   */
  /** The form check's own words for a variable its form does not declare (the engine would say otherwise). */
  private static final String NOT_IN_FORM = "er ikke et felt i formularen";

  private HttpResponse<String> refusedWithNothingWritten(String item, String attack, String user, String path,
                                                         Map<String, Map<String, Object>> variables, String field)
      throws Exception {
    Snapshot before = snapshot();
    HttpResponse<String> response = post(path, user, Map.of("variables", variables));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    JsonNode body = JSON.readTree(response.body());
    assertThat(body.path("type").asText()).isEqualTo("InvalidInputException");
    assertThat(body.path("field").asText()).isEqualTo(field);
    assertThat(body.path("message").asText()).as("named as the form labels it, or by the variable it has no field for")
        .startsWith((body.has("label") ? body.path("label").asText() : field) + ": ");
    Snapshot after = snapshot();
    assertThat(after).as("nothing written").isEqualTo(before);
    AttackReport.record(item, attack, user, response.statusCode(), true, true);
    return response;
  }

  private record Snapshot(long courses, long instances, long variables, long variableUpdates, CourseStatus status,
                          String coordinator, Map<String, String> ballerupVariables) {
  }

  private Snapshot snapshot() {
    var course = courses.findById(businessKey(ballerup)).orElseThrow();
    return new Snapshot(courses.count(), history.createHistoricProcessInstanceQuery().count(),
        runtime.createVariableInstanceQuery().count(), history.createHistoricDetailQuery().count(),
        course.status(), course.coordinator(), new java.util.TreeMap<>(runtime.getVariables(ballerup.getId())
            .entrySet().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey,
                e -> String.valueOf(e.getValue())))));
  }

  private static String message(HttpResponse<String> response) throws Exception {
    return JSON.readTree(response.body()).path("message").asText();
  }

  private static Map<String, Map<String, Object>> referral(String name) {
    Map<String, Map<String, Object>> form = new LinkedHashMap<>();
    form.put("citizenName", Map.of("value", name));
    form.put("cpr", Map.of("value", "0101901234"));
    form.put("referringUnit", Map.of("value", "Jobcenter Allerød"));
    form.put("problemAreas", Map.of("value", "[\"ledighed\",\"misbrug\"]", "type", "Json"));
    form.put("referralReason", Map.of("value", "Ledighed og misbrug"));
    form.put("householdMembers", Map.of("value", ""));
    return form;
  }

  private static Map<String, Map<String, Object>> visitation(String coordinator) {
    Map<String, Map<String, Object>> form = new LinkedHashMap<>();
    form.put("targetGroupConfirmed", Map.of("value", "ja"));
    form.put("chosenSectors", Map.of("value", "[\"beskaeftigelse\"]", "type", "Json"));
    form.put("coordinator", Map.of("value", coordinator));
    form.put("visitationNote", Map.of("value", "Flere sektorer: én plan."));
    return form;
  }

  private HttpResponse<String> post(String path, String user, Object body) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
            (user + ":" + TestIdentity.PASSWORD).getBytes(StandardCharsets.UTF_8)))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
