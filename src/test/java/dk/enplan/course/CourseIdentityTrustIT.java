package dk.enplan.course;

import static dk.enplan.course.CourseProcess.Elements.OBTAIN_CONSENT;
import static dk.enplan.course.CourseProcess.Elements.PLAN_MEETING;
import static dk.enplan.course.CourseProcess.Elements.VISITATION;
import static dk.enplan.course.CourseSteps.businessKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.enplan.plan.PlanVersionRepository;
import dk.enplan.plan.SectorReport;
import dk.enplan.plan.SectorReportRepository;
import dk.enplan.process.InvalidInputException;
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
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 10, item 2, on the engine's side: a course's identity and routing come from the process instance and the
 * plan store, never from a variable a client wrote. Each attack writes the variable (over HTTP where the engine's API
 * allows it, else through the Java API, as a gate in front of the engine would no longer let it) and checks both the
 * refusal and that the other course, the plan store and the variables are unchanged.
 */
@CourseEngineTest
class CourseIdentityTrustIT {

  private static final String SECTOR = "beskaeftigelse";

  @LocalServerPort int port;
  @Autowired CourseSteps steps;
  @Autowired CourseDriver driver;
  @Autowired TestIdentity identity;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired CourseRepository courses;
  @Autowired ConsentScopeRepository consents;
  @Autowired SectorReportRepository reports;
  @Autowired PlanVersionRepository plans;

  @BeforeEach
  void setUp() {
    identity.ensure();
  }

  @Test
  void aVisitationCarryingAnotherMunicipalitysCourseIdIsRefusedAndThatCourseIsUntouched() throws Exception {
    ProcessInstance ballerup = steps.inJointAssessment("ballerup", List.of(SECTOR));
    Course before = courses.findById(businessKey(ballerup)).orElseThrow();
    ProcessInstance allerod = steps.refer(List.of("ledighed", "bolig"));
    Task visitation = steps.task(allerod, VISITATION);
    Map<String, Object> form = new HashMap<>(Map.of("targetGroupConfirmed", "ja", "chosenSectors", List.of(SECTOR),
        "coordinator", "koordinator.allerod", "visitationNote", "Begrundelse"));
    form.put("courseId", before.id());

    HttpResponse<String> response = EngineHttp.rest(port, "visitation.allerod")
        .post("/engine-rest/task/" + visitation.getId() + "/complete", EngineHttp.variables(form));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(response.body()).contains("courseId");

    assertThatThrownBy(() -> driver.as("visitation.allerod", List.of("visitation"), "allerod", () -> {
      tasks.complete(visitation.getId(), form);
      return null;
    })).hasRootCauseInstanceOf(InvalidInputException.class).hasMessageContaining("courseId");

    Course after = courses.findById(before.id()).orElseThrow();
    assertThat(after.status()).isEqualTo(CourseStatus.ACTIVE);
    assertThat(after.coordinator()).isEqualTo("koordinator.ballerup");
    assertThat(after.chosenSectors()).containsExactly(SECTOR);
    assertThat(courses.findById(businessKey(allerod)).orElseThrow().status()).isEqualTo(CourseStatus.REFERRED);
    assertThat(steps.task(allerod, VISITATION)).isNotNull();
    assertThat(runtime.getVariable(allerod.getId(), "courseId")).isEqualTo(businessKey(allerod));
    AttackReport.record("2", "visitation submit with another municipality's courseId (HTTP and Java API)",
        "visitation.allerod", response.statusCode(), true, true);
  }

  @Test
  void anOverwrittenCoordinatorVariableDoesNotReRouteTheCourse() {
    ProcessInstance course = steps.refer(List.of("ledighed", "forsoergelse"));
    steps.visitate(course, List.of(SECTOR));
    runtime.setVariable(course.getId(), "coordinator", "koordinator.ballerup");

    steps.consent(course, List.of(SECTOR));
    steps.assess(course, SECTOR);

    Task meeting = steps.task(course, PLAN_MEETING);
    assertThat(meeting.getAssignee()).as("assigned from the plan store").isEqualTo("koordinator.allerod");
    assertThat(courses.findById(businessKey(course)).orElseThrow().coordinator()).isEqualTo("koordinator.allerod");
    steps.agreePlan(course);
    assertThat(plans.findByCourseIdOrderByVersion(businessKey(course))).singleElement()
        .satisfies(version -> assertThat(version.agreedBy()).isEqualTo("koordinator.allerod"));
    assertThat(tasks.createTaskQuery().taskAssignee("koordinator.ballerup").processInstanceBusinessKey(
        businessKey(course)).count()).isZero();
    AttackReport.record("2", "coordinator variable overwritten to Ballerup's coordinator before the next task",
        "(Java API)", 0, true, true);
  }

  @Test
  void consentBeyondTheVisitatedSectorsIsRefusedEvenWhenTheChosenSectorsVariableWasWidened() throws Exception {
    ProcessInstance course = steps.refer(List.of("ledighed", "forsoergelse"));
    steps.visitate(course, List.of(SECTOR));
    runtime.setVariable(course.getId(), "chosenSectors", List.of(SECTOR, "familie"));
    Task consent = steps.task(course, OBTAIN_CONSENT);

    HttpResponse<String> response = EngineHttp.rest(port, "koordinator.allerod")
        .post("/engine-rest/task/" + consent.getId() + "/complete", EngineHttp.variables(Map.of(
            "consentGiven", "ja", "consentedSectors", List.of(SECTOR, "familie"), "consentInformed", true,
            "consentNote", "Samtykke")));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(EngineHttp.json(response).path("field").asText()).isEqualTo("consentedSectors");
    assertThat(consents.findByCourseIdOrderById(businessKey(course))).isEmpty();
    assertThat(courses.findById(businessKey(course)).orElseThrow().status()).isEqualTo(CourseStatus.AWAITING_CONSENT);
    assertThat(steps.task(course, OBTAIN_CONSENT)).isNotNull();
    AttackReport.record("2", "consent for a sector not visitated (chosenSectors variable widened)",
        "koordinator.allerod", response.statusCode(), true, true);
  }

  @Test
  void aStandAloneSectorAssessmentForAnotherMunicipalitysCourseIsRefusedWithoutAReport() throws Exception {
    ProcessInstance ballerup = steps.inJointAssessment("ballerup", List.of(SECTOR));
    String courseId = businessKey(ballerup);
    long reportsBefore = reports.findByCourseIdAndKindOrderById(courseId, SectorReport.Kind.ASSESSMENT).size();
    long instancesBefore = history.createHistoricProcessInstanceQuery().count();
    String start = """
        {"businessKey": "%s", "variables": {"courseId": {"value": "%s"}, "sector": {"value": "%s"},
         "sectorGroup": {"value": "sektor-%s"}, "municipality": {"value": "ballerup"}}}"""
        .formatted(courseId, courseId, SECTOR, SECTOR);

    HttpResponse<String> response = EngineHttp.rest(port, "visitation.allerod")
        .post("/engine-rest/process-definition/key/" + CourseProcess.SECTOR_ASSESSMENT_KEY + "/start", start);

    assertThat(response.statusCode()).as("refused by the engine API's allow-list: " + response.body())
        .isEqualTo(403);
    // and by the engine itself, should it be started another way
    assertThatThrownBy(() -> runtime.startProcessInstanceByKey(CourseProcess.SECTOR_ASSESSMENT_KEY, courseId,
        Map.of("courseId", courseId, "sector", SECTOR, "sectorGroup", "sektor-" + SECTOR)))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("courseId");
    assertThat(history.createHistoricProcessInstanceQuery().count()).isEqualTo(instancesBefore);
    assertThat(reports.findByCourseIdAndKindOrderById(courseId, SectorReport.Kind.ASSESSMENT)).hasSize(
        (int) reportsBefore);
    AttackReport.record("2", "stand-alone sektor-udredning with Ballerup's courseId", "visitation.allerod",
        response.statusCode(), true, true);
  }

  @Test
  void aSectorVariableOverwrittenInACalledProcessIsRefusedAtItsDelegate() {
    ProcessInstance course = steps.refer(List.of("ledighed", "forsoergelse"));
    steps.visitate(course, List.of(SECTOR, "ydelse"));
    steps.consent(course, List.of(SECTOR, "ydelse"));
    Task assessment = driver.tasks(businessKey(course), CourseProcess.SectorElements.ASSESS_SECTOR).stream()
        .filter(t -> SECTOR.equals(runtime.getVariable(t.getExecutionId(), "sector"))).findFirst().orElseThrow();
    // another sector of the same course: only the parent's call activity says which sector this process is for
    runtime.setVariable(assessment.getExecutionId(), "sector", "ydelse");

    assertThatThrownBy(() -> driver.complete(assessment, Map.of("assessmentSummary", "Udredning",
        "assessmentRecommendation", "Anbefaling"))).hasMessageContaining("sector");

    assertThat(reports.findByCourseIdAndKindOrderById(businessKey(course), SectorReport.Kind.ASSESSMENT)).isEmpty();
    AttackReport.record("2", "sector variable of a called assessment overwritten to another sector of the course",
        "(Java API)", 0, true, true);
  }

  @Test
  void aSectorGroupVariableOverwrittenInACalledProcessDoesNotRouteTheNextTask() {
    ProcessInstance course = steps.inInterventionPhase(List.of(SECTOR));
    Task start = driver.task(businessKey(course), CourseProcess.SectorElements.START_INTERVENTION);
    runtime.setVariable(start.getProcessInstanceId(), "sectorGroup", "sektor-familie");

    steps.startIntervention(course, start);

    Task complete = driver.task(businessKey(course), CourseProcess.SectorElements.COMPLETE_INTERVENTION);
    assertThat(tasks.getIdentityLinksForTask(complete.getId())).extracting(link -> link.getGroupId())
        .as("candidate group from the course, not the variable").containsExactly("sektor-" + SECTOR);
    AttackReport.record("2", "sectorGroup variable of a called intervention overwritten to another sector",
        "(Java API)", 0, true, true);
  }
}
