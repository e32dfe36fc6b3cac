package dk.enplan.migration;

import static dk.enplan.course.CourseProcess.Elements.FOLLOW_UP_DUE;
import static dk.enplan.course.CourseProcess.Elements.JOINT_ASSESSMENT;
import static dk.enplan.course.CourseProcess.Elements.OBTAIN_CONSENT;
import static dk.enplan.course.CourseProcess.Elements.VISITATION;
import static dk.enplan.course.CourseProcess.SectorElements.ASSESS_SECTOR;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dk.enplan.course.CourseSteps;
import dk.enplan.plan.PlanStore;
import dk.enplan.testing.AttackReport;
import dk.enplan.testing.CourseDriver;
import dk.enplan.testing.CourseEngineTest;
import dk.enplan.testing.EngineHttp;
import dk.enplan.testing.TestIdentity;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Running courses moved to a changed en-plan over the administrator's endpoint, in Hillerød (a municipality no
 * other test uses, so only this test's courses are on the versions it deploys). The changed models are
 * processes/en-plan.bpmn as it is, changed at test time, and deployed as Camunda Modeler does: the BPMN alone.
 */
@CourseEngineTest
class CourseMigrationIT {

  private static final String TENANT = "hillerod";
  private static final List<String> TWO_SECTORS = List.of("beskaeftigelse", "ydelse");

  @LocalServerPort int port;
  @Autowired TestIdentity identity;
  @Autowired IdentityService identityService;
  @Autowired CourseSteps steps;
  @Autowired CourseDriver driver;
  @Autowired RuntimeService runtime;
  @Autowired RepositoryService repository;
  @Autowired ManagementService management;
  @Autowired PlanStore plans;

  private final List<String> deployments = new ArrayList<>();

  @BeforeEach
  void setUp() {
    identity.ensure();
    if (identityService.createTenantQuery().tenantId(TENANT).count() == 0) {
      identityService.saveTenant(identityService.newTenant(TENANT));
    }
    if (identityService.createUserQuery().userId("koordinator." + TENANT).count() == 0) {
      User coordinator = identityService.newUser("koordinator." + TENANT);
      coordinator.setPassword(TestIdentity.PASSWORD);
      identityService.saveUser(coordinator);
      identityService.createMembership(coordinator.getId(), "koordinator");
      identityService.createTenantUserMembership(TENANT, coordinator.getId());
    }
  }

  @AfterEach
  void removeTheChangedModels() {
    deployments.forEach(id -> repository.deleteDeployment(id, true, true));
  }

  @Test
  void aCompatibleChangeMovesCoursesInEveryPhaseWithTheirState() {
    ProcessDefinition shared = current();
    ProcessInstance atVisitation = driver.refer(TENANT, CourseSteps.referral("0101901234", List.of("ledighed")));
    ProcessInstance inAssessment = steps.inJointAssessment(TENANT, TWO_SECTORS);
    ProcessInstance inIntervention = steps.inJointAssessment(TENANT, TWO_SECTORS);
    TWO_SECTORS.forEach(sector -> steps.assess(inIntervention, sector));
    steps.agreePlan(inIntervention);
    steps.decide(inIntervention);
    List<ProcessInstance> courses = List.of(atVisitation, inAssessment, inIntervention);
    Map<String, Object> before = state(courses);

    String changed = deploy(ChangedCourseModel.fromRepository()
        .rename(VISITATION, "Visitér henvisningen og ring til borgeren")
        .addCoordinatorTaskOn("closePlan", "evaluateWithCitizen", "Evaluér forløbet med borgeren", "afslutning"));
    assertThat(repository.getDeploymentResourceNames(changed)).as("completed with what it references")
        .map(name -> name.substring(name.lastIndexOf('/') + 1))
        .contains("en-plan.bpmn", "henvisning.form", "visitation.form", "afslutning.form", "sektor-udredning.bpmn",
            "sektor-indsats.bpmn", "plan-levering.bpmn");
    ProcessDefinition target = repository.createProcessDefinitionQuery().deploymentId(changed)
        .processDefinitionKey("en-plan").singleResult();

    HttpResponse<String> dryRun = migrate("admin", shared.getId(), null, true);
    assertThat(dryRun.statusCode()).as(dryRun.body()).isEqualTo(200);
    JsonNode report = EngineHttp.json(dryRun);
    assertThat(report.path("to").path("id").asText()).isEqualTo(target.getId());
    assertThat(report.path("moved").asBoolean()).isFalse();
    assertThat(moves(report, atVisitation)).contains("Én Plan – sammenhængende forløb: 'Visitér henvisningen' "
        + "(visitation) → 'Visitér henvisningen og ring til borgeren' (visitation)");
    assertThat(moves(report, inAssessment)).contains(
        "Én Plan – sammenhængende forløb: 'Fælles udredning' for alle sektorer (jointAssessment#multiInstanceBody)"
            + " → 'Fælles udredning' for alle sektorer (jointAssessment#multiInstanceBody)",
        "Sektorens udredning: 'Udred borgerens situation' (assessSector) → 'Udred borgerens situation' "
            + "(assessSector)");
    assertThat(moves(report, inIntervention)).anyMatch(line -> line.contains("(followUpDue)")
        || line.contains("(sectorInterventions#multiInstanceBody)"));
    assertThat(state(courses)).as("a dry run moves nothing").isEqualTo(before);
    assertThat(definitions(courses)).containsOnly(shared.getId());

    HttpResponse<String> real = migrate("admin", shared.getId(), target.getId(), false);
    assertThat(real.statusCode()).as(real.body()).isEqualTo(200);
    assertThat(EngineHttp.json(real).path("moved").asBoolean()).isTrue();
    runBatches(EngineHttp.json(real).path("batches"));

    assertThat(definitions(courses)).containsOnly(target.getId());
    assertThat(state(courses)).as("variables, timers, called processes, plan store").isEqualTo(before);
    assertThat(runtime.createProcessInstanceQuery().superProcessInstanceId(inAssessment.getId()).list())
        .extracting(ProcessInstance::getProcessDefinitionId).hasSize(2)
        .allMatch(id -> repository.getProcessDefinition(id).getDeploymentId().equals(changed));
    // The moved courses go on by the new rules.
    driver.complete(steps.task(atVisitation, VISITATION), Map.of("targetGroupConfirmed", "ja",
        "chosenSectors", TWO_SECTORS, "coordinator", "koordinator." + TENANT, "visitationNote", "Flyttet."));
    assertThat(steps.task(atVisitation, OBTAIN_CONSENT)).isNotNull();
    steps.assess(inAssessment, "beskaeftigelse");
    assertThat(driver.tasks(inAssessment.getBusinessKey(), ASSESS_SECTOR)).hasSize(1);
    driver.executeJob(inIntervention, FOLLOW_UP_DUE);
  }

  @Test
  void removingAnActivityCoursesWaitAtIsRefusedWithTheReportAndNothingMoves() {
    ProcessDefinition shared = current();
    ProcessInstance atVisitation = driver.refer(TENANT, CourseSteps.referral("0101901234", List.of("ledighed")));
    ProcessInstance inAssessment = steps.inJointAssessment(TENANT, TWO_SECTORS);
    List<ProcessInstance> courses = List.of(atVisitation, inAssessment);
    Map<String, Object> before = state(courses);
    long batches = management.createBatchQuery().count();
    String changed = deploy(ChangedCourseModel.fromRepository().remove(VISITATION));
    ProcessDefinition target = repository.createProcessDefinitionQuery().deploymentId(changed)
        .processDefinitionKey("en-plan").singleResult();

    HttpResponse<String> response = migrate("admin", shared.getId(), target.getId(), false);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(409);
    JsonNode report = EngineHttp.json(response);
    assertThat(report.path("message").asText()).startsWith("Ændringen er afvist: 1 af 2 forløb kan ikke flyttes")
        .endsWith("Intet forløb er flyttet.");
    assertThat(cannot(report, atVisitation)).containsExactly("Én Plan – sammenhængende forløb: 'Visitér "
        + "henvisningen' (visitation) findes ikke i den nye version (intet element med samme id); forløbet venter her");
    assertThat(cannot(report, inAssessment)).isEmpty();
    assertThat(definitions(courses)).containsOnly(shared.getId());
    assertThat(state(courses)).isEqualTo(before);
    assertThat(management.createBatchQuery().count()).isEqualTo(batches);
  }

  @Test
  void onlyAdministratorsMigrateAndBadInputNamesTheField() {
    String shared = current().getId();
    ProcessInstance course = driver.refer(TENANT, CourseSteps.referral("0101901234", List.of("ledighed")));
    deploy(ChangedCourseModel.fromRepository().rename(VISITATION, "Visitér"));
    long batches = management.createBatchQuery().count();
    for (String user : List.of("analytiker.allerod", "leder.allerod", "koordinator.allerod")) {
      HttpResponse<String> refused = migrate(user, shared, null, false);
      assertThat(refused.statusCode()).as(user).isEqualTo(403);
      assertThat(EngineHttp.json(refused).path("message").asText()).contains("kun administratorer");
      assertThat(definitions(List.of(course))).containsOnly(shared);
      assertThat(management.createBatchQuery().count()).isEqualTo(batches);
      AttackReport.record("4", "moves running courses to another version (POST /api/admin/course-migration)", user,
          refused.statusCode(), true, true);
    }
    HttpResponse<String> anonymous = EngineHttp.anonymousWebapp(port).post(CourseMigrationController.PATH, "{}");
    assertThat(anonymous.statusCode()).isEqualTo(401);

    assertError(post("{\"from\": \"" + shared + "\"}"), 400, "tenant", "tenant: mangler");
    assertError(post("{\"tenant\": \"roskilde\", \"from\": \"" + shared + "\"}"), 400, "tenant",
        "tenant: ukendt kommune 'roskilde'");
    assertError(post("{\"tenant\": \"hillerod\", \"from\": \"en-plan:99:ukendt\"}"), 404, "from",
        "from: ukendt version 'en-plan:99:ukendt'");
    assertError(post("{\"tenant\": \"hillerod\", \"from\": \"" + shared + "\", \"to\": \"" + shared + "\"}"), 400,
        "to", "to: er den samme version som from");
    assertError(post("{\"tenant\": \"ballerup\", \"from\": \"" + shared + "\", \"to\": \""
        + repository.createProcessDefinitionQuery().processDefinitionKey("en-plan").tenantIdIn(TENANT).singleResult()
        .getId() + "\"}"), 400, "to", "to: 'en-plan:");
    assertError(post("{\"tenant\": \"hillerod\", \"from\": \"" + shared + "\", \"dryRun\": \"ja\"}"), 400,
        "dryRun", "dryRun: skal være true eller false");
    assertError(post("[1]"), 400, "body", "body: send JSON");
  }

  private void assertError(HttpResponse<String> response, int status, String field, String message) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    JsonNode body = EngineHttp.json(response);
    assertThat(body.path("field").asText()).isEqualTo(field);
    assertThat(body.path("message").asText()).startsWith(message);
  }

  private HttpResponse<String> post(String json) {
    return EngineHttp.rest(port, "admin").post(CourseMigrationController.PATH, json);
  }

  private HttpResponse<String> migrate(String user, String from, String to, Boolean dryRun) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("tenant", TENANT);
    body.put("from", from);
    if (to != null) {
      body.put("to", to);
    }
    if (dryRun != null) {
      body.put("dryRun", dryRun);
    }
    try {
      return EngineHttp.rest(port, user).post(CourseMigrationController.PATH,
          new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(body));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The changed en-plan.bpmn alone under Hillerød, as Camunda Modeler deploys one diagram. */
  private String deploy(ChangedCourseModel model) {
    String id = repository.createDeployment().name("en-plan").source("Camunda Modeler").tenantId(TENANT)
        .addString("en-plan.bpmn", model.xml()).deploy().getId();
    deployments.add(id);
    return id;
  }

  private ProcessDefinition current() {
    return repository.createProcessDefinitionQuery().processDefinitionKey("en-plan").withoutTenantId()
        .latestVersion().singleResult();
  }

  /** Per course: its variables, its timers' due dates, its called processes and its plan versions. */
  private Map<String, Object> state(List<ProcessInstance> courses) {
    Map<String, Object> state = new LinkedHashMap<>();
    for (ProcessInstance course : courses) {
      state.put(course.getId() + " variables", variables(course.getId()));
      state.put(course.getId() + " timers", management.createJobQuery().processInstanceId(course.getId()).timers()
          .orderByJobDuedate().asc().list().stream().map(job -> job.getId() + " " + dueDate(job)).toList());
      state.put(course.getId() + " called", runtime.createProcessInstanceQuery().superProcessInstanceId(course.getId())
          .orderByProcessInstanceId().asc().list().stream().map(called -> called.getId() + " "
              + variables(called.getId())).toList());
      state.put(course.getId() + " plan", plans.history(course.getBusinessKey()).size());
    }
    return state;
  }

  /** The variables as text, sorted by name (a JSON variable is compared by its text). */
  private String variables(String processInstanceId) {
    return new java.util.TreeMap<>(runtime.getVariables(processInstanceId)).toString();
  }

  private static String dueDate(Job job) {
    Date due = job.getDuedate();
    return due == null ? "-" : String.valueOf(due.getTime());
  }

  private List<String> definitions(List<ProcessInstance> courses) {
    return courses.stream().map(course -> runtime.createProcessInstanceQuery().processInstanceId(course.getId())
        .singleResult().getProcessDefinitionId()).distinct().toList();
  }

  private static List<String> moves(JsonNode report, ProcessInstance course) {
    return lines(report, course, "moves");
  }

  private static List<String> cannot(JsonNode report, ProcessInstance course) {
    return lines(report, course, "cannotMove");
  }

  private static List<String> lines(JsonNode report, ProcessInstance course, String field) {
    JsonNode entry = StreamSupport.stream(report.path("report").spliterator(), false)
        .filter(node -> node.path("processInstanceId").asText().equals(course.getId())).findFirst().orElseThrow();
    return StreamSupport.stream(entry.path(field).spliterator(), false).map(JsonNode::asText).toList();
  }

  /** Runs the batches as the job executor would: seed jobs, migration jobs, monitor jobs. */
  private void runBatches(JsonNode ids) {
    for (JsonNode id : ids) {
      Batch batch = management.createBatchQuery().batchId(id.asText()).singleResult();
      for (String definition : List.of(batch.getSeedJobDefinitionId(), batch.getBatchJobDefinitionId(),
          batch.getMonitorJobDefinitionId())) {
        for (Job job : management.createJobQuery().jobDefinitionId(definition).list()) {
          management.executeJob(job.getId());
        }
      }
    }
  }
}
