package dk.enplan.demo;

import static dk.enplan.course.CourseSteps.businessKey;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dk.enplan.course.CourseSteps;
import dk.enplan.taskcard.TaskCard;
import dk.enplan.testing.CourseDriver;
import dk.enplan.testing.CourseEngineTest;
import dk.enplan.testing.EngineHttp;
import dk.enplan.testing.TestIdentity;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.rest.cache.Cache;
import org.camunda.bpm.engine.rest.hal.Hal;
import org.camunda.bpm.engine.rest.hal.processDefinition.HalProcessDefinition;
import org.camunda.bpm.engine.rest.hal.user.HalUser;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Tasklist's cards over HTTP, as Tasklist asks for them ({@code POST filter/{id}/list}, HAL, the filter's variables
 * embedded): in every shipped filter, for every role that works tasks, each card of a course shows the citizen's
 * name, the masked CPR, the course's phase and the due date, sorted by due date; a sector caseworker gets the card
 * and nothing else of the course.
 */
@CourseEngineTest
class TaskCardsIT {

  static final List<String> FILTERS = List.of(TasklistFilters.MY_TASKS, TasklistFilters.MY_SECTOR,
      TasklistFilters.COORDINATOR);
  /** The processes whose tasks belong to a course. */
  static final Set<String> COURSE_PROCESSES = Set.of("en-plan", "sektor-udredning", "sektor-indsats");

  @Autowired TestIdentity identity;
  @Autowired CourseSteps steps;
  @Autowired CourseDriver driver;
  @Autowired FilterService filters;
  @Autowired TaskService tasks;
  @Autowired AuthorizationService authorizations;
  @LocalServerPort int port;

  @BeforeEach
  void shippedFilters() {
    identity.ensure();
    new TasklistFilters(filters, tasks, authorizations).run(null);
  }

  @Test
  void everyShippedFilterShowsEveryRoleTheCitizenThePhaseAndTheDueDateSortedByDueDate() {
    ProcessInstance course = steps.refer(List.of("ledighed", "forsoergelse"));
    Map<String, List<JsonNode>> seen = new HashMap<>();
    seen.put("visitation", cards("visitation.allerod", course));
    assertPhase(seen.get("visitation"), "Visitation");

    steps.visitate(course, List.of("beskaeftigelse", "ydelse"));
    seen.put("koordinator", cards("koordinator.allerod", course));
    assertPhase(seen.get("koordinator"), "Samtykke");
    seen.put("leder", cards("leder.allerod", course));
    assertPhase(seen.get("leder"), "Samtykke");

    steps.consent(course, List.of("beskaeftigelse", "ydelse"));
    seen.put("sektor", cards("sektor-beskaeftigelse.allerod", course));
    assertPhase(seen.get("sektor"), "Fælles udredning");

    seen.forEach((role, cards) -> assertThat(cards).as(role).isNotEmpty().allSatisfy(card -> {
      assertThat(variables(card)).as(role).containsEntry(TaskCard.CITIZEN_NAME, "Mette Hansen")
          .containsEntry(TaskCard.MASKED_CPR, "010190-xxxx").containsKey(TaskCard.PHASE);
      assertThat(card.path("due").asText()).as(role + ": due date").isNotBlank();
    }));
  }

  @Test
  void aSectorCaseworkerReadsTheCardAndNoOtherVariableOfTheCourse() {
    ProcessInstance course = steps.refer(List.of("ledighed", "forsoergelse"));
    steps.visitate(course, List.of("beskaeftigelse", "ydelse"));
    steps.consent(course, List.of("beskaeftigelse", "ydelse"));
    // A filter (saved by an administrator) that asks for every variable the course and its sector processes have.
    Filter greedy = filters.newTaskFilter("Alt om forløbet")
        .setQuery(tasks.createTaskQuery().processInstanceBusinessKey(businessKey(course)))
        .setProperties(Map.of("variables", List.of("citizenName", "citizenMaskedCpr", "cpr", "coordinator",
            "consentGiven", "consentedSectors", "chosenSectors", "referralReason", "householdMembers",
            "problemAreas", "municipalityName", "sector", "sectorName", TaskCard.CITIZEN_NAME, TaskCard.MASKED_CPR,
            TaskCard.PHASE).stream().map(name -> Map.of("name", name, "label", name)).toList()));
    filters.saveFilter(greedy);
    TasklistFilters.grantReadToEveryone(authorizations, greedy);

    JsonNode list = EngineHttp.json(hal("sektor-beskaeftigelse.allerod", greedy.getId(), "{}"));
    List<JsonNode> cards = list.path("_embedded").path("task").findParents("id").stream()
        .filter(node -> node.has("taskDefinitionKey")).toList();
    assertThat(cards).singleElement().satisfies(card -> assertThat(variables(card).keySet())
        .containsExactlyInAnyOrder(TaskCard.CITIZEN_NAME, TaskCard.MASKED_CPR, TaskCard.PHASE));

    // The same through the task's own variables: the card is there, the course's variables are not.
    String taskId = cards.get(0).path("id").asText();
    JsonNode own = EngineHttp.json(EngineHttp.rest(port, "sektor-beskaeftigelse.allerod")
        .get("/engine-rest/task/" + taskId + "/variables"));
    List<String> names = new ArrayList<>();
    own.fieldNames().forEachRemaining(names::add);
    assertThat(names).as("the sector task's variables").contains(TaskCard.CITIZEN_NAME)
        .doesNotContain("consentGiven", "consentedSectors", "chosenSectors", "householdMembers", "problemAreas", "cpr");
    filters.deleteFilter(greedy.getId());
  }

  @Test
  void theCardsFollowTheCourseIntoItsNextPhase() {
    ProcessInstance course = steps.inJointAssessment("allerod", List.of("beskaeftigelse"));
    driver.correlate(businessKey(course), "AendredeForhold", Map.of("changeDescription", "Borgeren er flyttet."));
    Task changed = driver.task(businessKey(course), "assessChangedCircumstances");
    assertThat(tasks.getVariableLocal(changed.getId(), TaskCard.PHASE)).isEqualTo("Fælles udredning");

    steps.assess(course, "beskaeftigelse");

    assertThat(driver.task(businessKey(course), "planMeeting")).isNotNull();
    assertThat(cards("koordinator.allerod", course)).extracting(card -> card.path("taskDefinitionKey").asText()
        + ": " + variables(card).get(TaskCard.PHASE))
        .containsExactlyInAnyOrder("assessChangedCircumstances: Planmøde", "planMeeting: Planmøde");
  }

  @Test
  void theAssigneesAndDefinitionsOfAPageAreEmbeddedFromCamundasRelationCache() {
    ProcessInstance course = steps.refer(List.of("ledighed", "forsoergelse"));
    steps.visitate(course, List.of("beskaeftigelse"));
    String mine = filters.createTaskFilterQuery().filterName(TasklistFilters.MY_TASKS).singleResult().getId();

    JsonNode first = EngineHttp.json(hal(CourseSteps.COORDINATOR, mine, "{}"));
    Cache users = Hal.getInstance().getHalRelationCache(HalUser.class);
    Cache definitions = Hal.getInstance().getHalRelationCache(HalProcessDefinition.class);
    assertThat(users).as("users cached").isNotNull();
    assertThat(users.get(CourseSteps.COORDINATOR)).as("the assignee").isNotNull();
    assertThat(definitions.get(course.getProcessDefinitionId())).as("the course's definition").isNotNull();

    JsonNode again = EngineHttp.json(hal(CourseSteps.COORDINATOR, mine, "{}"));
    assertThat(again.path("_embedded").path("assignee")).as("assignees from the cache")
        .isEqualTo(first.path("_embedded").path("assignee")).isNotEmpty();
    assertThat(again.path("_embedded").path("processDefinition")).as("definitions from the cache")
        .isEqualTo(first.path("_embedded").path("processDefinition")).isNotEmpty();
  }

  /**
   * The course's cards in every shipped filter for the user, each list checked to be sorted by due date, once as
   * the filter sorts and once with the sorting Tasklist sends.
   */
  private List<JsonNode> cards(String user, ProcessInstance course) {
    Set<String> courseTasks = tasks.createTaskQuery().processInstanceBusinessKey(businessKey(course)).list().stream()
        .map(Task::getId).collect(Collectors.toSet());
    Map<String, JsonNode> found = new HashMap<>();
    for (String name : FILTERS) {
      String id = filters.createTaskFilterQuery().filterName(name).singleResult().getId();
      for (String body : List.of("{}", "{\"sorting\":[{\"sortBy\":\"dueDate\",\"sortOrder\":\"asc\"},"
          + "{\"sortBy\":\"created\",\"sortOrder\":\"asc\"}]}")) {
        HttpResponse<String> response = hal(user, id, body);
        assertThat(response.statusCode()).as(user + " " + name).isEqualTo(200);
        JsonNode list = EngineHttp.json(response);
        List<String> due = new ArrayList<>();
        for (JsonNode task : list.path("_embedded").path("task")) {
          due.add(task.path("due").asText());
          if (COURSE_PROCESSES.contains(task.path("processDefinitionId").asText().split(":")[0])) {
            assertThat(variables(task)).as(user + " " + name + ": " + task.path("name").asText())
                .containsKeys(TaskCard.CITIZEN_NAME, TaskCard.MASKED_CPR, TaskCard.PHASE);
          }
          if (courseTasks.contains(task.path("id").asText())) {
            found.put(task.path("id").asText(), task);
          }
        }
        assertThat(due).as(user + " " + name + ": by due date").isSorted();
        assertThat(list.path("count").asLong()).isGreaterThanOrEqualTo(list.path("_embedded").path("task").size());
      }
    }
    return List.copyOf(found.values());
  }

  private static void assertPhase(List<JsonNode> cards, String phase) {
    assertThat(cards).isNotEmpty().allSatisfy(card -> assertThat(variables(card)).containsEntry(TaskCard.PHASE, phase));
  }

  private static Map<String, String> variables(JsonNode task) {
    Map<String, String> values = new HashMap<>();
    task.path("_embedded").path("variable").forEach(v -> values.put(v.path("name").asText(), v.path("value").asText()));
    return values;
  }

  private HttpResponse<String> hal(String user, String filterId, String body) {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/engine-rest/filter/"
            + filterId + "/list?firstResult=0&maxResults=1000"))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + TestIdentity.PASSWORD)
            .getBytes(StandardCharsets.UTF_8)))
        .header("Accept", "application/hal+json").header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    try {
      return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
