package dk.enplan.course;

import static dk.enplan.course.CourseProcess.Elements.CLOSE_WITH_CITIZEN;
import static dk.enplan.course.CourseProcess.Elements.OBTAIN_CONSENT;
import static dk.enplan.course.CourseProcess.Elements.PLAN_MEETING;
import static dk.enplan.course.CourseProcess.Elements.REMIND_COORDINATOR;
import static dk.enplan.course.CourseSteps.businessKey;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.enplan.testing.AttackReport;
import dk.enplan.testing.CourseDriver;
import dk.enplan.testing.CourseEngineTest;
import dk.enplan.testing.EngineHttp;
import dk.enplan.testing.TestIdentity;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 10, item 7, on the engine's side: bad input at a task, a message, a start form in Tasklist or a called
 * process answers 400 with {@code {"type": "InvalidInputException", "field", "message"}} over real HTTP, in
 * {@code /engine-rest} and in the webapps' engine API, never a 500, and nothing is written.
 */
@CourseEngineTest
class InvalidInputOverHttpIT {

  private static final String SECTOR = "beskaeftigelse";
  private static final String TOO_LONG = "x".repeat(4001);

  @LocalServerPort int port;
  @Autowired CourseSteps steps;
  @Autowired CourseDriver driver;
  @Autowired TestIdentity identity;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired RepositoryService repository;
  @Autowired CourseRepository courses;
  @Autowired ConsentScopeRepository consents;
  @Autowired org.camunda.bpm.engine.AuthorizationService authorizations;

  @BeforeEach
  void setUp() {
    identity.ensure();
  }

  @Test
  void aConsentNoteOver4000CharactersIs400NamingItInRestAndInTasklist() throws Exception {
    ProcessInstance course = steps.refer(List.of("ledighed", "forsoergelse"));
    steps.visitate(course, List.of(SECTOR));
    Task consent = steps.task(course, OBTAIN_CONSENT);
    String form = EngineHttp.variables(Map.of("consentGiven", "ja", "consentedSectors", List.of(SECTOR),
        "consentInformed", true, "consentNote", TOO_LONG));

    HttpResponse<String> rest = EngineHttp.rest(port, "koordinator.allerod")
        .post("/engine-rest/task/" + consent.getId() + "/complete", form);
    HttpResponse<String> tasklist = EngineHttp.webapp(port, "koordinator.allerod", "tasklist")
        .post("/camunda/api/engine/engine/default/task/" + consent.getId() + "/submit-form", form);

    for (HttpResponse<String> response : List.of(rest, tasklist)) {
      assertInvalid(response, "consentNote");
    }
    assertThat(EngineHttp.json(rest).path("message").asText()).contains("4000");
    assertThat(steps.task(course, OBTAIN_CONSENT)).isNotNull();
    assertThat(runtime.getVariable(course.getId(), "consentNote")).isNull();
    assertThat(consents.findByCourseIdOrderById(businessKey(course))).isEmpty();
    assertThat(courses.findById(businessKey(course)).orElseThrow().status()).isEqualTo(CourseStatus.AWAITING_CONSENT);
    AttackReport.record("7", "consentNote of 4001 characters (engine-rest and Tasklist submit-form)",
        "koordinator.allerod", rest.statusCode(), true, true);
  }

  @Test
  void longNotesAtTheReminderThePlanMeetingAndTheClosureAre400NamingTheField() throws Exception {
    EngineHttp coordinator = EngineHttp.rest(port, "koordinator.allerod");

    ProcessInstance late = steps.refer(List.of("ledighed", "forsoergelse"));
    steps.visitate(late, List.of(SECTOR));
    steps.consent(late, List.of(SECTOR));
    driver.executeJob(late, CourseProcess.Elements.ASSESSMENT_LATE);
    completeTooLong(coordinator, late, REMIND_COORDINATOR, Map.of("reminderAction", TOO_LONG), "reminderAction");

    steps.assess(late, SECTOR);
    Map<String, Object> meeting = new HashMap<>(CourseSteps.planMeeting("ja"));
    meeting.put("meetingNote", TOO_LONG);
    completeTooLong(coordinator, late, PLAN_MEETING, meeting, "meetingNote");
    assertThat(runtime.getVariable(late.getId(), "planVersion")).isNull();

    ProcessInstance closing = steps.inInterventionPhase(List.of(SECTOR));
    steps.followUp(closing, "afslut");
    completeTooLong(coordinator, closing, CLOSE_WITH_CITIZEN,
        Map.of("closureReason", "maal_naaet", "finalProgression", 5, "closureNote", TOO_LONG), "closureNote");
    assertThat(courses.findById(businessKey(closing)).orElseThrow().status()).isEqualTo(CourseStatus.ACTIVE);
  }

  private void completeTooLong(EngineHttp caller, ProcessInstance course, String taskKey, Map<String, Object> form,
                               String field) throws Exception {
    Task task = steps.task(course, taskKey);
    HttpResponse<String> response = caller.post("/engine-rest/task/" + task.getId() + "/complete",
        EngineHttp.variables(form));
    assertInvalid(response, field);
    assertThat(steps.task(course, taskKey)).as("task still open").isNotNull();
    assertThat(runtime.getVariable(course.getId(), field)).isNull();
    AttackReport.record("7", field + " of 4001 characters at " + taskKey, "koordinator.allerod",
        response.statusCode(), true, true);
  }

  @Test
  void messagesWithLongTextsUnknownVariablesOrSectorsWithoutConsentAre400AndCorrelateNothing() throws Exception {
    ProcessInstance course = steps.refer(List.of("ledighed", "forsoergelse", "boern_familie"));
    steps.visitate(course, List.of(SECTOR, "familie"));
    steps.consent(course, List.of(SECTOR));
    steps.assess(course, SECTOR);
    steps.agreePlan(course);
    steps.decide(course);
    EngineHttp sender = EngineHttp.rest(port, "koordinator.allerod");
    List<String> grants = grantMessageSending("koordinator.allerod");
    try {
      sendBadMessages(sender, course);
    } finally {
      grants.forEach(authorizations::deleteAuthorization);
    }
  }

  /** Correlating a message needs UPDATE on the instance; the test grants it to the sender for this test only. */
  private List<String> grantMessageSending(String user) {
    org.camunda.bpm.engine.authorization.Authorization instances = authorizations.createNewAuthorization(
        org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT);
    instances.setUserId(user);
    instances.setResource(org.camunda.bpm.engine.authorization.Resources.PROCESS_INSTANCE);
    instances.setResourceId("*");
    instances.addPermission(org.camunda.bpm.engine.authorization.Permissions.UPDATE);
    authorizations.saveAuthorization(instances);
    return List.of(instances.getId());
  }

  private void sendBadMessages(EngineHttp sender, ProcessInstance course) throws Exception {
    String courseId = businessKey(course);

    record Attack(String message, Map<String, Object> variables, String field) {
    }
    List<Attack> attacks = List.of(
        new Attack(CourseProcess.Messages.COMPLAINT, Map.of("complaintText", TOO_LONG), "complaintText"),
        new Attack(CourseProcess.Messages.CHANGED_CIRCUMSTANCES, Map.of("changeDescription", TOO_LONG),
            "changeDescription"),
        new Attack(CourseProcess.Messages.MOVED_OUT, Map.of("moveNotice", TOO_LONG), "moveNotice"),
        new Attack(CourseProcess.Messages.COMPLAINT, Map.of("complaintText", "Uenig", "coordinator",
            "koordinator.ballerup"), "coordinator"),
        new Attack(CourseProcess.Messages.CONSENT_WITHDRAWN, Map.of("withdrawnSectors", List.of("familie")),
            "withdrawnSectors"),
        new Attack(CourseProcess.Messages.CONSENT_WITHDRAWN, Map.of("withdrawnSectors", SECTOR),
            "withdrawnSectors"));
    for (Attack attack : attacks) {
      long tasksBefore = tasks.createTaskQuery().processInstanceId(course.getId()).count();
      String variables = String.valueOf(new java.util.TreeMap<>(runtime.getVariables(course.getId())));
      JsonNode body = new ObjectMapper().readTree(EngineHttp.variables(attack.variables()));
      String message = new ObjectMapper().createObjectNode().put("messageName", attack.message())
          .put("businessKey", courseId).set("processVariables", body.path("variables")).toString();

      HttpResponse<String> response = sender.post("/engine-rest/message", message);

      assertInvalid(response, attack.field());
      assertThat(tasks.createTaskQuery().processInstanceId(course.getId()).count()).isEqualTo(tasksBefore);
      assertThat(String.valueOf(new java.util.TreeMap<>(runtime.getVariables(course.getId()))))
          .as("no variable written").isEqualTo(variables);
      assertThat(consents.findByCourseIdOrderById(courseId)).singleElement()
          .satisfies(scope -> assertThat(scope.isActive()).isTrue());
      AttackReport.record("7", "message " + attack.message() + " with bad " + attack.field(), "koordinator.allerod",
          response.statusCode(), true, true);
    }
  }

  @Test
  void anImpossibleCprDateFromTasklistsStartFormIs400NamingCpr() throws Exception {
    String definition = repository.createProcessDefinitionQuery().processDefinitionKey(CourseProcess.KEY)
        .latestVersion().singleResult().getId();
    EngineHttp tasklist = EngineHttp.webapp(port, "visitation.allerod", "tasklist");
    for (String cpr : List.of("320190-1234", "310290-1234")) {
      long courseRows = courses.count();
      long instances = history.createHistoricProcessInstanceQuery().count();
      Map<String, Object> form = new HashMap<>(CourseSteps.referral(cpr, List.of("ledighed", "bolig")));

      HttpResponse<String> response = tasklist.post("/camunda/api/engine/engine/default/process-definition/"
          + definition + "/submit-form", EngineHttp.variables(form));

      assertInvalid(response, "cpr");
      assertThat(EngineHttp.json(response).path("message").asText()).doesNotContain(cpr.substring(7));
      assertThat(courses.count()).isEqualTo(courseRows);
      assertThat(history.createHistoricProcessInstanceQuery().count()).isEqualTo(instances);
      AttackReport.record("7", "impossible CPR date " + cpr.substring(0, 6) + " via Tasklist's start form",
          "visitation.allerod", response.statusCode(), true, true);
    }
  }

  @Test
  void startingACalledProcessOnItsOwnIsRefusedOverHttpAndByTheEngine() throws Exception {
    EngineHttp visitation = EngineHttp.rest(port, "visitation.allerod");
    for (String key : List.of(CourseProcess.SECTOR_INTERVENTION_KEY, "plan-levering")) {
      long instances = history.createHistoricProcessInstanceQuery().count();
      Map<String, Object> variables = Map.of("sector", SECTOR, "sectorGroup", "sektor-" + SECTOR,
          "deliveryKind", "PLAN");

      HttpResponse<String> response = visitation.post("/engine-rest/process-definition/key/" + key + "/start",
          EngineHttp.variables(variables));

      assertThat(response.statusCode()).as("the allow-list: " + response.body()).isEqualTo(403);
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> driver.as("visitation.allerod",
          List.of("visitation"), "allerod", () -> runtime.startProcessInstanceByKey(key, variables)))
          .as("the engine itself").isInstanceOf(dk.enplan.process.InvalidInputException.class)
          .hasMessageStartingWith("courseId: ");
      assertThat(history.createHistoricProcessInstanceQuery().count()).isEqualTo(instances);
      AttackReport.record("7", "stand-alone start of " + key, "visitation.allerod", response.statusCode(), true,
          true);
    }
  }

  private static void assertInvalid(HttpResponse<String> response, String field) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    JsonNode body = EngineHttp.json(response);
    assertThat(body.path("type").asText()).isEqualTo("InvalidInputException");
    assertThat(body.path("field").asText()).as(response.body()).isEqualTo(field);
    assertThat(body.path("message").asText()).as("named as the form labels it, or by the variable (a message)")
        .startsWith((body.has("label") ? body.path("label").asText() : field) + ": ");
  }
}
