package dk.enplan.security;

import static dk.enplan.course.CourseProcess.Elements.OBTAIN_CONSENT;
import static dk.enplan.course.CourseProcess.Elements.VISITATION;
import static dk.enplan.course.CourseSteps.businessKey;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.enplan.course.CourseRepository;
import dk.enplan.course.CourseSteps;
import dk.enplan.testing.AttackReport;
import dk.enplan.testing.CourseDriver;
import dk.enplan.testing.CourseEngineTest;
import dk.enplan.testing.EngineHttp;
import dk.enplan.testing.TestIdentity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The attacks on the engine's generic API, made over real HTTP as the demo users would make them: each is refused
 * before the engine sees it, and nothing changes (the courses' instances, variables, tasks and plan store rows, the
 * other municipality's course, the directory, no marker file). Recorded in the table {@code mvn verify} prints.
 */
@CourseEngineTest
class EngineApiAttackIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path MARKER = Path.of("target", "engine-api-attack-marker");

  @LocalServerPort int port;
  @Autowired TestIdentity identity;
  @Autowired IdentityService identityService;
  @Autowired CourseSteps steps;
  @Autowired CourseDriver driver;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired RepositoryService repository;
  @Autowired HistoryService history;
  @Autowired FilterService filters;
  @Autowired CourseRepository courses;

  private ProcessInstance atConsent;
  private Task consent;

  @BeforeEach
  void setUp() throws Exception {
    identity.ensure();
    Files.deleteIfExists(MARKER);
    atConsent = steps.refer(List.of("ledighed", "misbrug"));
    steps.visitate(atConsent, List.of("beskaeftigelse", "voksen"));
    consent = steps.task(atConsent, OBTAIN_CONSENT);
  }

  @Test
  void startInstructionsAndCalledProcessesAreRefused() {
    EngineHttp visitation = EngineHttp.rest(port, "visitation.allerod");
    String skipToConsent = """
        {"variables": {"citizenName": {"value": "Ingen Regler"}, "cpr": {"value": "0101901234"}},
         "startInstructions": [{"type": "startBeforeActivity", "activityId": "obtainConsent"}]}""";
    refusedAndNothingWritten("1", "start instructions: startBeforeActivity obtainConsent", visitation,
        () -> visitation.post("/engine-rest/process-definition/key/en-plan/start", skipToConsent), 403);
    for (String called : List.of("sektor-udredning", "sektor-indsats", "plan-levering")) {
      String body = "{\"variables\": {\"courseId\": {\"value\": \"" + businessKey(atConsent) + "\"}}}";
      refusedAndNothingWritten("1", "start the called process " + called + " on its own", visitation,
          () -> visitation.post("/engine-rest/process-definition/key/" + called + "/start", body), 403);
      String id = repository.createProcessDefinitionQuery().processDefinitionKey(called).latestVersion()
          .singleResult().getId();
      refusedAndNothingWritten("1", "submit the start form of " + called + " by id", visitation,
          () -> visitation.post("/engine-rest/process-definition/" + id + "/submit-form", body), 403);
    }
    refusedAndNothingWritten("1", "start with skipCustomListeners (no registration)", visitation,
        () -> visitation.post("/engine-rest/process-definition/key/en-plan/start",
            "{\"variables\": {}, \"skipCustomListeners\": true, \"skipIoMappings\": true}"), 403);
    refusedAndNothingWritten("1", "start with a chosen business key (another course's id)", visitation,
        () -> visitation.post("/engine-rest/process-definition/key/en-plan/start",
            "{\"variables\": {}, \"businessKey\": \"" + businessKey(atConsent) + "\"}"), 403);
    for (String type : new String[] {null, "text/plain", "application/octet-stream"}) {
      refusedAndNothingWritten("1", "start instructions in a body sent as " + (type == null ? "no Content-Type" : type),
          visitation, () -> visitation.postAs("/engine-rest/process-definition/key/en-plan/start", type,
              skipToConsent), 403);
    }
    refusedAndNothingWritten("1", "a start whose body the gate cannot read as JSON", visitation,
        () -> visitation.postAs("/engine-rest/process-definition/key/en-plan/start", "text/plain",
            "{\"startInstructions\": [ not json"), 400);
    String ballerupDefinition = "/engine-rest/process-definition/key/en-plan/tenant-id/ballerup/start";
    refusedAndNothingWritten("1", "start a course in another municipality", visitation,
        () -> visitation.post(ballerupDefinition, "{\"variables\": {}}"), 403);

    EngineHttp tasklist = EngineHttp.webapp(port, "visitation.allerod", "tasklist");
    String startable = tasklist.get(tasklist.engine("process-definition?latest=true&active=true"
        + "&startableInTasklist=true&startablePermissionCheck=true")).body();
    assertThat(keys(startable)).as("Tasklist's start dialog offers only the course").containsExactly("en-plan");
  }

  @Test
  void writesOutsideTheFormsAreRefused() {
    EngineHttp coordinator = EngineHttp.rest(port, "koordinator.allerod");
    String task = "/engine-rest/task/" + consent.getId();
    String instance = "/engine-rest/process-instance/" + atConsent.getId();
    refusedAndNothingWritten("1", "PUT a task variable: coordinator := another municipality's", coordinator,
        () -> coordinator.put(task + "/variables/coordinator", "{\"value\": \"koordinator.ballerup\"}"), 403);
    refusedAndNothingWritten("1", "POST task variables (modifications)", coordinator,
        () -> coordinator.post(task + "/variables",
            "{\"modifications\": {\"chosenSectors\": {\"value\": \"[\\\"familie\\\"]\", \"type\": \"Json\"}}}"), 403);
    refusedAndNothingWritten("1", "POST process instance variables", coordinator,
        () -> coordinator.post(instance + "/variables",
            "{\"modifications\": {\"courseId\": {\"value\": \"x\"}}}"), 403);
    refusedAndNothingWritten("1", "process instance modification: start before the plan meeting", coordinator,
        () -> coordinator.post(instance + "/modification", "{\"instructions\": [{\"type\": "
            + "\"startBeforeActivity\", \"activityId\": \"planMeeting\"}], \"skipCustomListeners\": true}"), 403);
    refusedAndNothingWritten("1", "DELETE the course's process instance", coordinator,
        () -> coordinator.delete(instance), 403);
    EngineHttp tasklist = EngineHttp.webapp(port, "koordinator.allerod", "tasklist");
    refusedAndNothingWritten("1", "a BPMN error through a path that starts like the login (../..)", tasklist,
        () -> tasklist.post("/camunda/api/admin/auth/../../engine/engine/default/task/" + consent.getId()
            + "/bpmnError", "{\"errorCode\": \"DELIVERY_REJECTED\"}"), 403);
    refusedAndNothingWritten("1", "a BPMN error with an encoded path segment (%62pmnError)", coordinator,
        () -> coordinator.post(task + "/%62pmnError", "{\"errorCode\": \"DELIVERY_REJECTED\"}"), 403);
    refusedAndNothingWritten("1", "BPMN error DELIVERY_REJECTED on the consent task", coordinator,
        () -> coordinator.post(task + "/bpmnError", "{\"errorCode\": \"DELIVERY_REJECTED\"}"), 403);
    refusedAndNothingWritten("1", "BPMN escalation on the consent task", coordinator,
        () -> coordinator.post(task + "/bpmnEscalation", "{\"escalationCode\": \"consentWithdrawn\"}"), 403);
    refusedAndNothingWritten("1", "add a candidate group to the task (identity link)", coordinator,
        () -> coordinator.post(task + "/identity-links", "{\"groupId\": \"sektor-familie\", \"type\": \"candidate\"}"),
        403);
    refusedAndNothingWritten("1", "delegate the task", coordinator,
        () -> coordinator.post(task + "/delegate", "{\"userId\": \"visitation.allerod\"}"), 403);
    refusedAndNothingWritten("1", "assign the task to another municipality's coordinator", coordinator,
        () -> coordinator.post(task + "/assignee", "{\"userId\": \"koordinator.ballerup\"}"), 403);
    refusedAndNothingWritten("1", "assign the task to a user who does not exist", coordinator,
        () -> coordinator.post(task + "/assignee", "{\"userId\": \"findes.ikke\"}"), 403);
    refusedAndNothingWritten("1", "change the task's name and priority (PUT task)", coordinator,
        () -> coordinator.put(task, "{\"name\": \"Godkendt\", \"priority\": 100, \"assignee\": \""
            + consent.getAssignee() + "\"}"), 403);
    refusedAndNothingWritten("1", "a message that targets a process instance instead of a course", coordinator,
        () -> coordinator.post("/engine-rest/message", "{\"messageName\": \"Klage\", \"processInstanceId\": \""
            + atConsent.getId() + "\"}"), 403);
    refusedAndNothingWritten("1", "a message to all courses at once", coordinator,
        () -> coordinator.post("/engine-rest/message", "{\"messageName\": \"Klage\", \"businessKey\": \""
            + businessKey(atConsent) + "\", \"all\": true}"), 403);

    EngineHttp visitation = EngineHttp.rest(port, "visitation.allerod");
    Task visitationTask = tasks.createTaskQuery().processInstanceId(steps.refer(List.of("ledighed", "bolig"))
        .getId()).taskDefinitionKey(VISITATION).singleResult();
    refusedAndNothingWritten("1", "claim a task for another municipality's caseworker", visitation,
        () -> visitation.post("/engine-rest/task/" + visitationTask.getId() + "/claim",
            "{\"userId\": \"visitation.ballerup\"}"), 403);
    EngineHttp system = EngineHttp.rest(port, "fagsystem.allerod");
    refusedAndNothingWritten("1", "fetch and lock the specialist systems' external tasks", system,
        () -> system.post("/engine-rest/external-task/fetchAndLock", "{\"workerId\": \"mallory\", \"maxTasks\": 10, "
            + "\"topics\": [{\"topicName\": \"plan-levering\", \"lockDuration\": 600000}]}"), 403);
  }

  @Test
  void aCoordinatorCoversForAColleagueOfHerOwnMunicipalityOnly() {
    ensureUser("koordinator2.allerod", "koordinator", "allerod");
    EngineHttp coordinator = EngineHttp.rest(port, "koordinator.allerod");
    HttpResponse<String> cover = coordinator.post("/engine-rest/task/" + consent.getId() + "/assignee",
        "{\"userId\": \"koordinator2.allerod\"}");
    assertThat(cover.statusCode()).as(cover.body()).isEqualTo(204);
    assertThat(tasks.createTaskQuery().taskId(consent.getId()).singleResult().getAssignee())
        .isEqualTo("koordinator2.allerod");
  }

  @Test
  void expressionsInQueriesAndFiltersAreRefusedForEveryoneOrQueriesIncluded() {
    String createFile = "${''.getClass().forName('java.io.File').getConstructor(''.getClass()).newInstance('"
        + MARKER.toAbsolutePath() + "').createNewFile()}";
    String orQuery = "{\"orQueries\": [{\"assigneeExpression\": \"" + createFile + "\"}]}";
    for (String user : List.of("sektor-beskaeftigelse.allerod", "admin")) {
      EngineHttp caller = EngineHttp.rest(port, user);
      refusedAndNothingWritten("4", "orQueries assigneeExpression that creates a file (CVE-2026-109432)", caller,
          () -> caller.post("/engine-rest/task", orQuery), 403);
      refusedAndNothingWritten("4", "orQueries expression in a task count", caller,
          () -> caller.post("/engine-rest/task/count", orQuery), 403);
    }
    EngineHttp caseworker = EngineHttp.rest(port, "koordinator.allerod");
    refusedAndNothingWritten("1", "assigneeExpression as a query parameter", caseworker,
        () -> caseworker.get("/engine-rest/task?assigneeExpression=%24%7BcurrentUser()%7D"), 403);
    EngineHttp admin = EngineHttp.rest(port, "admin");
    long filtersBefore = filters.createFilterQuery().count();
    refusedAndNothingWritten("1", "a filter with an expression, created by an administrator", admin,
        () -> admin.post("/engine-rest/filter/create", "{\"resourceType\": \"Task\", \"name\": \"x\", \"query\": "
            + "{\"assigneeExpression\": \"" + createFile + "\"}}"), 403);
    assertThat(filters.createFilterQuery().count()).isEqualTo(filtersBefore);
    // a filter of its own name, deleted afterwards: a second "Koordinator" would stand in for the shipped one in
    // the tests that run after this one in the same application
    String filterId = filters.saveFilter(filters.newTaskFilter("Angrebets filter")
        .setQuery(tasks.createTaskQuery().taskCandidateGroup("koordinator"))).getId();
    try {
      refusedAndNothingWritten("1", "a stored filter extended with an orQueries expression", caseworker,
          () -> caseworker.post("/engine-rest/filter/" + filterId + "/list", orQuery), 403);
    } finally {
      filters.deleteFilter(filterId);
    }
    EngineHttp tasklist = EngineHttp.webapp(port, "sektor-beskaeftigelse.allerod", "tasklist");
    refusedAndNothingWritten("4", "orQueries expression through Tasklist's own API", tasklist,
        () -> tasklist.post(tasklist.engine("task"), orQuery), 403);
    assertThat(MARKER).doesNotExist();
  }

  @Test
  void theFirstAdministratorSetupIsClosedEvenWithoutADirectAdministrator() {
    String setup = "/camunda/api/admin/setup/default/user/create";
    String mallory = "{\"profile\": {\"id\": \"mallory\", \"firstName\": \"M\", \"lastName\": \"M\"},"
        + " \"credentials\": {\"password\": \"mallory-password\"}}";
    identityService.deleteMembership("admin", "camunda-admin");
    try {
      EngineHttp anonymous = EngineHttp.anonymousWebapp(port);
      refusedAndNothingWritten("4", "first-admin setup while camunda-admin has no direct member (CVE-2026-77226)",
          anonymous, () -> anonymous.post(setup, mallory), 403);
      assertThat(identityService.createUserQuery().userId("mallory").count()).isZero();
    } finally {
      identityService.createMembership("admin", "camunda-admin");
    }
  }

  @Test
  void aCaseworkerSeesTheDirectoryOfHerOwnMunicipalityOnly() throws Exception {
    EngineHttp coordinator = EngineHttp.rest(port, "koordinator.allerod");
    JsonNode users = JSON.readTree(coordinator.get("/engine-rest/user").body());
    assertThat(users).isNotEmpty();
    assertThat(users.findValuesAsText("id")).allMatch(id -> id.endsWith(".allerod"));
    assertThat(JSON.readTree(coordinator.get("/engine-rest/user/count").body()).path("count").asLong())
        .isEqualTo(users.size());
    refusedAndNothingWritten("6", "list another municipality's staff (memberOfTenant=ballerup)", coordinator,
        () -> coordinator.get("/engine-rest/user?memberOfTenant=ballerup"), 403);
    refusedAndNothingWritten("6", "read another municipality's user profile", coordinator,
        () -> coordinator.get("/engine-rest/user/koordinator.ballerup/profile"), 403);
    refusedAndNothingWritten("6", "list another municipality's user's groups", coordinator,
        () -> coordinator.get("/engine-rest/group?member=koordinator.ballerup"), 403);
    refusedAndNothingWritten("6", "list the tenants of another user", coordinator,
        () -> coordinator.get("/engine-rest/tenant?userMember=koordinator.ballerup"), 403);
    EngineHttp tasklist = EngineHttp.webapp(port, "koordinator.allerod", "tasklist");
    JsonNode picker = JSON.readTree(tasklist.get(tasklist.engine("user?idLike=%25koordinator%25")).body());
    assertThat(picker.findValuesAsText("id")).as("Tasklist's user picker").contains("koordinator.allerod")
        .doesNotContain("koordinator.ballerup");
  }

  @Test
  void theAdminWebappAndItsApiAreForAdministratorsOnly() {
    EngineHttp coordinator = EngineHttp.webapp(port, "koordinator.allerod", "tasklist");
    refusedAndNothingWritten("6", "the Admin webapp's user list through the webapps' API", coordinator,
        () -> coordinator.get("/camunda/api/admin/plugin/adminPlugins/default/users"), 403);
    refusedAndNothingWritten("1", "create a user", coordinator,
        () -> coordinator.post(coordinator.engine("user/create"), "{\"profile\": {\"id\": \"mallory\"}, "
            + "\"credentials\": {\"password\": \"mallory-password\"}}"), 403);
    refusedAndNothingWritten("1", "make oneself an administrator (group membership)", coordinator,
        () -> coordinator.put(coordinator.engine("group/camunda-admin/members/koordinator.allerod"), "{}"), 403);
    assertThat(identityService.createUserQuery().memberOfGroup("camunda-admin").userId("koordinator.allerod")
        .count()).isZero();
  }

  // ---------------------------------------------------------------------------------------------------------------

  /**
   * Makes the call, asserts the status and that nothing was written, and records the attack. Nothing written: the
   * same process instances, variables, tasks and their assignees and candidate groups, courses in the plan store,
   * users and memberships, historic process instances, and no marker file.
   */
  private void refusedAndNothingWritten(String item, String attack, EngineHttp caller,
                                        Supplier<HttpResponse<String>> call, int status) {
    String before = state();
    HttpResponse<String> response = call.get();
    assertThat(response.statusCode()).as("%s: %s", attack, response.body()).isEqualTo(status);
    assertThat(state()).as("%s: nothing written", attack).isEqualTo(before);
    assertThat(MARKER).doesNotExist();
    AttackReport.record(item, attack, caller.user(), response.statusCode(), true, true);
  }

  private String state() {
    StringBuilder state = new StringBuilder();
    runtime.createProcessInstanceQuery().orderByProcessInstanceId().asc().list().forEach(instance -> state
        .append(instance.getId()).append(instance.getBusinessKey()).append(instance.isEnded())
        .append(runtime.getVariables(instance.getId())).append(runtime.getActiveActivityIds(instance.getId())));
    tasks.createTaskQuery().orderByTaskId().asc().list().forEach(task -> state.append(task.getId())
        .append(task.getName()).append(task.getAssignee()).append(task.getPriority()).append(task.getOwner())
        .append(tasks.getIdentityLinksForTask(task.getId()).stream()
            .map(link -> link.getType() + link.getGroupId() + link.getUserId()).toList()));
    state.append(courses.findAll().stream().map(course -> course.id() + course.status()).sorted().toList());
    state.append(identityService.createUserQuery().count())
        .append(identityService.createUserQuery().memberOfGroup("camunda-admin").count())
        .append(history.createHistoricProcessInstanceQuery().count());
    return state.toString();
  }

  private void ensureUser(String userId, String group, String tenant) {
    if (identityService.createUserQuery().userId(userId).count() == 0) {
      User user = identityService.newUser(userId);
      user.setPassword(TestIdentity.PASSWORD);
      identityService.saveUser(user);
      identityService.createMembership(userId, group);
      identityService.createTenantUserMembership(tenant, userId);
    }
  }

  private static List<String> keys(String definitions) {
    try {
      return JSON.readTree(definitions).findValuesAsText("key").stream().distinct().toList();
    } catch (Exception e) {
      throw new IllegalStateException(definitions, e);
    }
  }
}
