package dk.enplan.security;

import static dk.enplan.course.CourseProcess.Elements.OBTAIN_CONSENT;
import static dk.enplan.course.CourseProcess.SectorElements.ASSESS_SECTOR;
import static dk.enplan.course.CourseSteps.businessKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.enplan.course.CourseSteps;
import dk.enplan.testing.CourseDriver;
import dk.enplan.testing.CourseEngineTest;
import dk.enplan.testing.TestIdentity;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * With authorization and tenant check on: a caseworker of one municipality cannot list, read, claim or complete a
 * task of another (Java API and REST), and one sector cannot see another sector's task or its variables.
 */
@CourseEngineTest
class AccessControlIT {

  @LocalServerPort int port;
  @Autowired CourseSteps steps;
  @Autowired CourseDriver driver;
  @Autowired TestIdentity identity;
  @Autowired IdentityService identityService;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;

  @BeforeEach
  void setUp() {
    identity.ensure();
  }

  @Test
  void enBallerupKoordinatorKanHverkenSeLaeseTageEllerAfslutteEnAllerodOpgave() throws Exception {
    ProcessInstance course = steps.refer(List.of("ledighed", "misbrug"));
    steps.visitate(course, List.of("beskaeftigelse"));
    Task consent = steps.task(course, OBTAIN_CONSENT);

    as("koordinator.ballerup", "koordinator", "ballerup", () -> {
      assertThat(tasks.createTaskQuery().taskId(consent.getId()).count()).isZero();
      assertThatThrownBy(() -> tasks.getVariables(consent.getId())).isInstanceOf(ProcessEngineException.class);
      assertThatThrownBy(() -> tasks.claim(consent.getId(), "koordinator.ballerup"))
          .isInstanceOf(ProcessEngineException.class);
      assertThatThrownBy(() -> tasks.complete(consent.getId(), Map.of("consentGiven", "nej")))
          .isInstanceOf(ProcessEngineException.class);
      return null;
    });
    assertThat(steps.task(course, OBTAIN_CONSENT)).as("still open, unchanged").isNotNull();
    assertThat(runtime.getVariable(course.getId(), "consentGiven")).isNull();

    String ballerup = "koordinator.ballerup:" + TestIdentity.PASSWORD;
    String allerod = "koordinator.allerod:" + TestIdentity.PASSWORD;
    assertThat(send("GET", "/engine-rest/task?processInstanceBusinessKey=" + businessKey(course), ballerup).body())
        .isEqualTo("[]");
    assertThat(send("GET", "/engine-rest/task/" + consent.getId(), ballerup).statusCode()).isEqualTo(404);
    HttpResponse<String> variables = send("GET", "/engine-rest/task/" + consent.getId() + "/variables", ballerup);
    assertThat(variables.statusCode()).as(variables.body()).isEqualTo(404);
    HttpResponse<String> claim = send("POST", "/engine-rest/task/" + consent.getId() + "/claim", ballerup,
        "{\"userId\":\"koordinator.ballerup\"}");
    assertThat(claim.statusCode()).as(claim.body()).isEqualTo(404);
    HttpResponse<String> complete = send("POST", "/engine-rest/task/" + consent.getId() + "/complete", ballerup,
        "{\"variables\":{\"consentGiven\":{\"value\":\"nej\"}}}");
    assertThat(complete.statusCode()).as(complete.body()).isEqualTo(404);
    assertThat(steps.task(course, OBTAIN_CONSENT)).isNotNull();
    assertThat(send("GET", "/engine-rest/task/" + consent.getId(), allerod).statusCode()).isEqualTo(200);
  }

  @Test
  void enSektorSerIkkeEnAndenSektorsOpgaveEllerDensVariable() {
    ProcessInstance course = steps.refer(List.of("ledighed", "forsoergelse"));
    steps.visitate(course, List.of("beskaeftigelse", "ydelse"));
    steps.consent(course, List.of("beskaeftigelse", "ydelse"));
    List<Task> assessments = driver.tasks(businessKey(course), ASSESS_SECTOR);
    Task jobcenter = assessments.stream()
        .filter(t -> "beskaeftigelse".equals(runtime.getVariable(t.getExecutionId(), "sector"))).findFirst()
        .orElseThrow();

    as("sektor-ydelse.allerod", "sektor-ydelse", "allerod", () -> {
      List<Task> visible = tasks.createTaskQuery().processInstanceBusinessKey(businessKey(course)).list();
      assertThat(visible).singleElement().satisfies(own ->
          assertThat(tasks.getVariable(own.getId(), "sectorName")).isEqualTo("Ydelse"));
      assertThatThrownBy(() -> tasks.getVariables(jobcenter.getId())).isInstanceOf(ProcessEngineException.class);
      assertThatThrownBy(() -> tasks.claim(jobcenter.getId(), "sektor-ydelse.allerod"))
          .isInstanceOf(ProcessEngineException.class);
      return null;
    });
  }

  private <T> T as(String user, String group, String tenant, Supplier<T> action) {
    identityService.setAuthentication(user, List.of(group), List.of(tenant));
    try {
      return action.get();
    } finally {
      identityService.clearAuthentication();
    }
  }

  private HttpResponse<String> send(String method, String path, String credentials) throws Exception {
    return send(method, path, credentials, null);
  }

  private HttpResponse<String> send(String method, String path, String credentials, String body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", "Basic " + Base64.getEncoder()
            .encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
        .header("Content-Type", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
