package dk.enplan.course;

import static dk.enplan.course.CourseProcess.Elements.CLOSE_WITH_CITIZEN;
import static dk.enplan.course.CourseProcess.Elements.COMBINED_DECISION;
import static dk.enplan.course.CourseProcess.Elements.FOLLOW_UP;
import static dk.enplan.course.CourseProcess.Elements.FOLLOW_UP_DUE;
import static dk.enplan.course.CourseProcess.Elements.OBTAIN_CONSENT;
import static dk.enplan.course.CourseProcess.Elements.PLAN_MEETING;
import static dk.enplan.course.CourseProcess.Elements.VISITATION;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dk.enplan.testing.CourseDriver;
import dk.enplan.testing.CourseEngineTest;
import dk.enplan.testing.EngineHttp;
import dk.enplan.testing.TestIdentity;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
 * Issue 14, item 3: every check of a form's input, the form check's before the engine and the engine's own (date
 * order, rows filled in part, whole numbers, CPR dates), is answered 400 with one Danish sentence naming the field as
 * the form labels it (with its group's label, without "(valgfrit)"), the form's field id for marking it, over
 * Tasklist's submit-form, {@code /engine-rest}'s submit-form and {@code /complete} (the start form: Tasklist's and
 * {@code /engine-rest}'s submit-form and {@code /start}); nothing is written.
 */
@CourseEngineTest
class FormErrorsInTheFormsWordsIT {

  private static final String SECTOR = "beskaeftigelse";
  private static final String COORDINATOR = CourseSteps.COORDINATOR;

  @LocalServerPort int port;
  @Autowired CourseSteps steps;
  @Autowired CourseDriver driver;
  @Autowired TestIdentity identity;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired RepositoryService repository;
  @Autowired CourseRepository courses;

  /** One bad entry: the form's values, the variable refused, its form field id, the sentence the caseworker reads. */
  record Bad(Map<String, Object> form, String field, String formFieldId, String sentence) {
  }

  @BeforeEach
  void setUp() {
    identity.ensure();
  }

  @Test
  void thePlanMeetingsErrorsNameTheGroupAndTheField() {
    ProcessInstance course = steps.inJointAssessment(CourseSteps.TENANT, List.of(SECTOR, "ydelse"));
    steps.assess(course, SECTOR);
    steps.assess(course, "ydelse");
    Map<String, Object> good = CourseSteps.planMeeting("ja", List.of(SECTOR, "ydelse"));

    refusedEverywhere(course, PLAN_MEETING, COORDINATOR, List.of(
        new Bad(with(good, "intervention2PlannedStart", "2027-03-01", "intervention2PlannedEnd", "2027-02-01"),
            "intervention2PlannedEnd", "Field_interventionEnd2",
            "Indsats 2, Planlagt slut: slutdatoen ligger før startdatoen"),
        new Bad(with(good, "goal2Goal", "Styr på økonomien"), "goal2LifeDomain", "Field_goalLifeDomain2",
            "Mål 2, Livsområde: skal udfyldes"),
        new Bad(with(good, "intervention2PlannedStart", ""), "intervention2PlannedStart", "Field_interventionStart2",
            "Indsats 2, Planlagt start: skal udfyldes"),
        new Bad(with(good, "intervention1Description", "x".repeat(2001)), "intervention1Description",
            "Field_interventionDescription1", "Indsats 1, Indsats: må højst være 2000 tegn (er 2001)"),
        new Bad(with(good, "citizenAgrees", null), "citizenAgrees", "Field_citizenAgrees",
            "Er borgeren enig i planen?: skal vælges"),
        new Bad(with(good, "citizenGoals", " "), "citizenGoals", "Field_citizenGoals",
            "Borgerens egne ord: Hvad vil du gerne opnå?: skal udfyldes")));
  }

  @Test
  void theVisitationAndTheConsentNameTheirFields() {
    ProcessInstance course = steps.refer(List.of("ledighed", "forsoergelse"));
    Map<String, Object> visitation = Map.of("targetGroupConfirmed", "ja", "chosenSectors", List.of(SECTOR),
        "coordinator", COORDINATOR, "visitationNote", "Flere sektorer.");
    refusedEverywhere(course, VISITATION, "visitation.allerod", List.of(
        new Bad(with(visitation, "coordinator", "koordinator.ballerup"), "coordinator", "Field_coordinator",
            "Koordinerende kontaktperson: 'koordinator.ballerup' er ikke et af valgene"),
        new Bad(with(visitation, "visitationNote", ""), "visitationNote", "Field_visitationNote",
            "Begrundelse: skal udfyldes"),
        new Bad(with(visitation, "chosenSectors", List.of()), "chosenSectors", "Field_chosenSectors",
            "Sektorer, der deltager: vælg mindst én")));

    steps.visitate(course, List.of(SECTOR));
    Map<String, Object> consent = Map.of("consentGiven", "ja", "consentedSectors", List.of(SECTOR),
        "consentInformed", true, "consentNote", "");
    refusedEverywhere(course, OBTAIN_CONSENT, COORDINATOR, List.of(
        new Bad(with(consent, "consentInformed", false), "consentInformed", "Field_consentInformed",
            "Borgeren er informeret om formål, deling af oplysninger og retten til at trække samtykket tilbage: "
                + "skal krydses af"),
        new Bad(with(consent, "consentedSectors", List.of(SECTOR, "familie")), "consentedSectors",
            "Field_consentedSectors", "Samtykket omfatter disse sektorer: 'familie' er ikke et af valgene")));
  }

  @Test
  void theDecisionTheFollowUpAndTheClosureNameTheirFields() {
    ProcessInstance course = steps.inJointAssessment(CourseSteps.TENANT, List.of(SECTOR));
    steps.assess(course, SECTOR);
    steps.agreePlan(course);
    refusedEverywhere(course, COMBINED_DECISION, COORDINATOR, List.of(
        new Bad(Map.of("decisionText", "Kommunen bevilger praktik.", "complaintGuidanceGiven", false),
            "complaintGuidanceGiven", "Field_complaintGuidanceGiven",
            "Klagevejledning er givet til borgeren: skal krydses af")));

    steps.decide(course);
    driver.executeJob(course, FOLLOW_UP_DUE);
    Map<String, Object> followUp = Map.of("progressionWork", 4, "progressionHealth", 6, "progressionHousing", 8,
        "progressionEconomy", 3, "progressionNetwork", 7, "followUpNote", "Praktikken går godt.",
        "followUpDecision", "afslut");
    refusedEverywhere(course, FOLLOW_UP, COORDINATOR, List.of(
        new Bad(with(followUp, "progressionWork", 4.5), "progressionWork", "Field_progressionWork",
            "Arbejde og uddannelse: skal være et helt tal fra 0 til 10"),
        new Bad(with(followUp, "progressionHealth", 11), "progressionHealth", "Field_progressionHealth",
            "Helbred: må højst være 10")));

    driver.complete(steps.task(course, FOLLOW_UP), followUp);
    refusedEverywhere(course, CLOSE_WITH_CITIZEN, COORDINATOR, List.of(
        new Bad(Map.of("closureReason", "opgivet", "finalProgression", 5, "closureNote", "Slut."),
            "closureReason", "Field_closureReason", "Årsag til afslutning: 'opgivet' er ikke et af valgene")));
  }

  @Test
  void theReferralsStartFormNamesTheCprNumberAndTheName() {
    String definition = repository.createProcessDefinitionQuery().processDefinitionKey(CourseProcess.KEY)
        .latestVersion().singleResult().getId();
    EngineHttp tasklist = EngineHttp.webapp(port, "visitation.allerod", "tasklist");
    EngineHttp rest = EngineHttp.rest(port, "visitation.allerod");
    Map<String, Object> good = CourseSteps.referral("0101901234", List.of("ledighed", "bolig"));
    List<Bad> bad = List.of(
        new Bad(with(good, "cpr", "320190-1234"), "cpr", "Field_cpr",
            "CPR-nummer: de første seks cifre er ikke en gyldig dato (ddmmåå)"),
        new Bad(with(good, "citizenName", "x".repeat(201)), "citizenName", "Field_citizenName",
            "Borgerens navn: må højst være 200 tegn (er 201)"));
    for (Bad entry : bad) {
      for (Map.Entry<EngineHttp, String> call : Map.of(
          tasklist, "/camunda/api/engine/engine/default/process-definition/" + definition + "/submit-form",
          rest, "/engine-rest/process-definition/" + definition + "/submit-form").entrySet()) {
        assertNothingStarted(entry, call.getKey(), call.getValue());
      }
      assertNothingStarted(entry, rest, "/engine-rest/process-definition/key/en-plan/start");
    }
  }

  private void assertNothingStarted(Bad entry, EngineHttp caller, String path) {
    long courseRows = courses.count();
    long instances = history.createHistoricProcessInstanceQuery().count();

    HttpResponse<String> response = caller.post(path, EngineHttp.variables(entry.form()));

    assertRefused(response, entry, path);
    assertThat(courses.count()).as("no course registered by " + path).isEqualTo(courseRows);
    assertThat(history.createHistoricProcessInstanceQuery().count()).isEqualTo(instances);
  }

  /** Sends each bad entry over Tasklist's submit-form, /engine-rest's submit-form and /complete. */
  private void refusedEverywhere(ProcessInstance course, String taskKey, String user, List<Bad> bad) {
    EngineHttp tasklist = EngineHttp.webapp(port, user, "tasklist");
    EngineHttp rest = EngineHttp.rest(port, user);
    Task task = steps.task(course, taskKey);
    for (Bad entry : bad) {
      for (Map.Entry<EngineHttp, String> call : List.of(
          Map.entry(tasklist, "/camunda/api/engine/engine/default/task/" + task.getId() + "/submit-form"),
          Map.entry(rest, "/engine-rest/task/" + task.getId() + "/submit-form"),
          Map.entry(rest, "/engine-rest/task/" + task.getId() + "/complete"))) {
        String variablesBefore = variables(course);
        long updatesBefore = history.createHistoricDetailQuery().processInstanceId(course.getId()).count();

        HttpResponse<String> response = call.getKey().post(call.getValue(), EngineHttp.variables(entry.form()));

        assertRefused(response, entry, call.getValue());
        assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).as("task still open").isEqualTo(1);
        assertThat(variables(course)).as("no variable written by " + call.getValue()).isEqualTo(variablesBefore);
        assertThat(history.createHistoricDetailQuery().processInstanceId(course.getId()).count())
            .as("no variable update in history").isEqualTo(updatesBefore);
      }
    }
  }

  private static void assertRefused(HttpResponse<String> response, Bad entry, String path) {
    assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(400);
    JsonNode body = EngineHttp.json(response);
    assertThat(body.path("type").asText()).isEqualTo("InvalidInputException");
    assertThat(body.path("field").asText()).as(path).isEqualTo(entry.field());
    assertThat(body.path("message").asText()).as(path).isEqualTo(entry.sentence());
    assertThat(body.path("formFieldId").asText()).as(path).isEqualTo(entry.formFieldId());
  }

  private String variables(ProcessInstance course) {
    return String.valueOf(new TreeMap<>(runtime.getVariables(course.getId())));
  }

  /** {@code form} with the given name/value pairs replaced (a null value removes the field). */
  private static Map<String, Object> with(Map<String, Object> form, Object... pairs) {
    Map<String, Object> changed = new HashMap<>(form);
    for (int i = 0; i < pairs.length; i += 2) {
      if (pairs[i + 1] == null) {
        changed.remove((String) pairs[i]);
      } else {
        changed.put((String) pairs[i], pairs[i + 1]);
      }
    }
    return changed;
  }
}
