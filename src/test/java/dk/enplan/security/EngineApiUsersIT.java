package dk.enplan.security;

import static dk.enplan.course.CourseProcess.Elements.CLOSE_COURSE;
import static dk.enplan.course.CourseProcess.Elements.CLOSE_WITH_CITIZEN;
import static dk.enplan.course.CourseProcess.Elements.COMBINED_DECISION;
import static dk.enplan.course.CourseProcess.Elements.DISTRIBUTE_PLAN;
import static dk.enplan.course.CourseProcess.Elements.FOLLOW_UP;
import static dk.enplan.course.CourseProcess.Elements.FOLLOW_UP_DUE;
import static dk.enplan.course.CourseProcess.Elements.JOINT_ASSESSMENT;
import static dk.enplan.course.CourseProcess.Elements.NOTIFY_CLOSURE;
import static dk.enplan.course.CourseProcess.Elements.OBTAIN_CONSENT;
import static dk.enplan.course.CourseProcess.Elements.PLAN_MEETING;
import static dk.enplan.course.CourseProcess.Elements.RECONSIDER_DECISION;
import static dk.enplan.course.CourseProcess.Elements.SECTOR_INTERVENTIONS;
import static dk.enplan.course.CourseProcess.Elements.VISITATION;
import static dk.enplan.course.CourseProcess.SectorElements.ASSESS_SECTOR;
import static dk.enplan.course.CourseProcess.SectorElements.COMPLETE_INTERVENTION;
import static dk.enplan.course.CourseProcess.SectorElements.START_INTERVENTION;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.enplan.course.CourseRepository;
import dk.enplan.course.CourseStatus;
import dk.enplan.course.CourseSteps;
import dk.enplan.testing.CourseEngineTest;
import dk.enplan.testing.EngineHttp;
import dk.enplan.testing.TestIdentity;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The allow-list does not get in the users' way: a whole course, from referral to closure, through exactly the calls
 * Tasklist makes (start dialog, start form, claim, form variables, deployed form, submit), each caseworker in her
 * own logged-in Tasklist session (asynchronous steps and timers run as the job executor runs them); Cockpit's pages
 * for a manager.
 */
@CourseEngineTest
class EngineApiUsersIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SECTOR = "beskaeftigelse";

  @LocalServerPort int port;
  @Autowired TestIdentity identity;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired CourseRepository courses;
  @Autowired CourseSteps steps;

  @BeforeEach
  void setUp() {
    identity.ensure();
  }

  @Test
  void aWholeCourseThroughTheCallsTasklistMakes() throws Exception {
    EngineHttp visitation = EngineHttp.webapp(port, "visitation.allerod", "tasklist");
    EngineHttp coordinator = EngineHttp.webapp(port, "koordinator.allerod", "tasklist");
    EngineHttp sector = EngineHttp.webapp(port, "sektor-beskaeftigelse.allerod", "tasklist");

    JsonNode startable = json(ok(visitation.get(visitation.engine("process-definition?latest=true&active=true"
        + "&startableInTasklist=true&startablePermissionCheck=true&firstResult=0&maxResults=15"))));
    String definitionId = startable.get(0).path("id").asText();
    ok(visitation.get(visitation.engine("process-definition/" + definitionId + "/deployed-start-form")));
    ok(visitation.get(visitation.engine("process-definition/" + definitionId + "/form-variables")));
    JsonNode started = json(ok(visitation.post(visitation.engine("process-definition/" + definitionId
        + "/submit-form"), EngineHttp.variables(CourseSteps.referral("0101901234", List.of("ledighed", "forsoergelse"))))));
    String instanceId = started.path("id").asText();
    String courseId = started.path("businessKey").asText();

    work(visitation, instanceId, VISITATION, Map.of("targetGroupConfirmed", "ja", "chosenSectors", List.of(SECTOR),
        "coordinator", "koordinator.allerod", "visitationNote", "Flere sektorer; én plan."));
    work(coordinator, instanceId, OBTAIN_CONSENT, Map.of("consentGiven", "ja", "consentedSectors", List.of(SECTOR),
        "consentInformed", true, "consentNote", "Underskrevet."));
    fire(instanceId, JOINT_ASSESSMENT);
    work(sector, courseId, ASSESS_SECTOR, Map.of("assessmentSummary", "Ledig i 2 år.",
        "assessmentRecommendation", "Virksomhedspraktik."));
    fire(instanceId, JOINT_ASSESSMENT); // the join
    work(coordinator, instanceId, PLAN_MEETING, CourseSteps.planMeeting("ja", List.of(SECTOR)));
    work(coordinator, instanceId, COMBINED_DECISION, Map.of("decisionText", "Bevilget efter planen.",
        "complaintGuidanceGiven", true));
    fire(instanceId, DISTRIBUTE_PLAN);
    fire(instanceId, DISTRIBUTE_PLAN); // the join: the delivery was kept locally
    work(sector, courseId, START_INTERVENTION, Map.of("interventionResponsible", "Lars Jensen",
        "interventionStart", "2026-12-01"));
    work(sector, courseId, COMPLETE_INTERVENTION, Map.of("interventionOutcome", "gennemfoert",
        "interventionOutcomeNote", "Gennemført."));
    fire(instanceId, SECTOR_INTERVENTIONS); // the join
    fire(instanceId, FOLLOW_UP_DUE);
    work(coordinator, instanceId, FOLLOW_UP, Map.of("progressionWork", 4, "progressionHealth", 6,
        "progressionHousing", 8, "progressionEconomy", 3, "progressionNetwork", 7, "followUpNote", "Godt.",
        "followUpDecision", "afslut"));
    work(coordinator, instanceId, CLOSE_WITH_CITIZEN, Map.of("closureReason", "maal_naaet", "finalProgression", 8,
        "closureNote", "Borgeren er i job."));
    fire(instanceId, CLOSE_COURSE);
    fire(instanceId, NOTIFY_CLOSURE); // the join

    assertThat(courses.findById(courseId).orElseThrow().status()).isEqualTo(CourseStatus.CLOSED);
  }

  @Test
  void aCoordinatorSendsACourseEventOverRestForHerOwnMunicipalitysCourseOnly() {
    String courseId = steps.inInterventionPhase(List.of(SECTOR)).getBusinessKey();
    String complaint = "{\"messageName\": \"Klage\", \"businessKey\": \"" + courseId + "\", "
        + "\"processVariables\": {\"complaintText\": {\"value\": \"Borgeren er uenig i afgørelsen.\"}}}";

    HttpResponse<String> ballerup = EngineHttp.rest(port, "koordinator.ballerup").post("/engine-rest/message",
        complaint);
    assertThat(ballerup.statusCode()).as("another municipality's course is not found").isBetween(400, 499);
    assertThat(tasks.createTaskQuery().processInstanceBusinessKey(courseId).taskDefinitionKey(RECONSIDER_DECISION)
        .count()).isZero();

    ok(EngineHttp.rest(port, "koordinator.allerod").post("/engine-rest/message", complaint));
    assertThat(tasks.createTaskQuery().processInstanceBusinessKey(courseId).taskDefinitionKey(RECONSIDER_DECISION)
        .singleResult().getAssignee()).isEqualTo("koordinator.allerod");
  }

  @Test
  void cockpitsPagesForAManager() throws Exception {
    EngineHttp manager = EngineHttp.webapp(port, "leder.allerod", "cockpit");
    for (String page : List.of("process-definition/statistics?rootIncidents=true", "process-definition/count",
        "task/count", "task/report/candidate-group-count", "decision-definition/count", "deployment/count",
        "job-definition?processDefinitionId=x", "incident/count", "history/activity-instance?processInstanceId=x")) {
      ok(manager.get(manager.engine(page)));
    }
    ok(manager.post(manager.engine("process-instance/count"), "{\"processDefinitionKey\": \"en-plan\"}"));
    ok(manager.post(manager.engine("history/task/count"), "{\"taskDefinitionKey\": \"visitation\"}"));
    ok(manager.post("/camunda/api/cockpit/plugin/base/default/process-instance?firstResult=0&maxResults=50",
        "{\"processDefinitionKey\": \"en-plan\"}"));
    assertThat(manager.put(manager.engine("process-instance/suspended"),
        "{\"processDefinitionKey\": \"en-plan\", \"suspended\": true}").statusCode())
        .as("a manager reads, never changes").isEqualTo(403);
  }

  // ---------------------------------------------------------------------------------------------------------------

  /** Opens the task as Tasklist does (task, form, variables), claims it if needed, and submits the form. */
  private void work(EngineHttp caseworker, String instanceOrCourse, String taskKey, Map<String, Object> form)
      throws Exception {
    String query = instanceOrCourse.contains("-") && tasks.createTaskQuery().processInstanceId(instanceOrCourse)
        .count() > 0 ? "processInstanceId=" + instanceOrCourse : "processInstanceBusinessKey=" + instanceOrCourse;
    JsonNode found = json(ok(caseworker.get(caseworker.engine("task?" + query + "&taskDefinitionKey=" + taskKey))));
    assertThat(found).as("%s sees %s", caseworker.user(), taskKey).hasSize(1);
    String taskId = found.get(0).path("id").asText();
    ok(caseworker.get(caseworker.engine("task/" + taskId)));
    ok(caseworker.get(caseworker.engine("task/" + taskId + "/deployed-form")));
    ok(caseworker.get(caseworker.engine("task/" + taskId + "/form-variables?deserializeValues=false")));
    if (found.get(0).path("assignee").isNull()) {
      ok(caseworker.post(caseworker.engine("task/" + taskId + "/claim"),
          "{\"userId\": \"" + caseworker.user() + "\"}"));
    }
    ok(caseworker.post(caseworker.engine("task/" + taskId + "/submit-form"), EngineHttp.variables(form)));
  }

  /** Runs the job waiting at the element (an asynchronous step or a timer), as the job executor would. */
  private void fire(String instanceId, String activityId) {
    Job job = management.createJobQuery().processInstanceId(instanceId).activityId(activityId).singleResult();
    if (job == null) {
      job = management.createJobQuery().processInstanceId(instanceId).activityId(activityId + "#multiInstanceBody")
          .singleResult();
    }
    assertThat(job).as("job at %s", activityId).isNotNull();
    management.executeJob(job.getId());
  }

  private static HttpResponse<String> ok(HttpResponse<String> response) {
    assertThat(response.statusCode()).as("%s %s", response.request().method(), response.uri() + " " + response.body())
        .isBetween(200, 299);
    return response;
  }

  private static JsonNode json(HttpResponse<String> response) throws Exception {
    return JSON.readTree(response.body());
  }
}
