package dk.enplan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.enplan.course.CourseRepository;
import dk.enplan.testing.CourseEngineTest;
import dk.enplan.testing.TestIdentity;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The REST API over real HTTP, as Tasklist and the specialist systems use it: authentication required, a referral
 * started by a municipality's caseworker, the task's deployed form as Tasklist fetches it, and tenant isolation.
 */
@CourseEngineTest
class RestApiIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();

  @LocalServerPort int port;
  @Autowired TestIdentity identity;
  @Autowired org.camunda.bpm.engine.IdentityService identityService;
  @Autowired CourseRepository courses;

  @BeforeEach
  void setUp() {
    identity.ensure();
  }

  @Test
  void withoutValidCredentialsTheApiAnswers401() throws Exception {
    assertThat(get("/engine-rest/task", null).statusCode()).isEqualTo(401);
    assertThat(get("/engine-rest/process-definition", "visitation.ballerup:forkert").statusCode()).isEqualTo(401);
    assertThat(get("/engine-rest/task", "koordinator.allerod:" + TestIdentity.PASSWORD).statusCode()).isEqualTo(200);
  }

  @Test
  void aReferralOverRestReachesVisitationWithItsFormAndStaysInItsMunicipality() throws Exception {
    String visitation = "visitation.allerod:" + TestIdentity.PASSWORD;
    HttpResponse<String> started = post("/engine-rest/process-definition/key/en-plan/start", visitation, referral(
        "0101901234"));
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    String courseId = JSON.readTree(started.body()).path("businessKey").asText();
    assertThat(courseId).isNotBlank();

    JsonNode found = JSON.readTree(get("/engine-rest/task?processInstanceBusinessKey=" + courseId, visitation).body());
    assertThat(found).hasSize(1);
    assertThat(found.get(0).path("tenantId").asText()).isEqualTo("allerod");
    assertThat(found.get(0).path("camundaFormRef").path("key").asText()).isEqualTo("visitation");
    String taskId = found.get(0).path("id").asText();

    HttpResponse<String> form = get("/engine-rest/task/" + taskId + "/deployed-form", visitation);
    assertThat(form.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(form.body()).path("id").asText()).isEqualTo("visitation");
    JsonNode variables = JSON.readTree(get("/engine-rest/task/" + taskId + "/form-variables", visitation).body());
    assertThat(variables.path("citizenMaskedCpr").path("value").asText()).isEqualTo("010190-xxxx");
    assertThat(variables.has("cpr")).as("the full CPR number is not a process variable").isFalse();

    String ballerup = "koordinator.ballerup:" + TestIdentity.PASSWORD;
    assertThat(JSON.readTree(get("/engine-rest/task?processInstanceBusinessKey=" + courseId, ballerup).body()))
        .as("Ballerup does not see Allerød's tasks").isEmpty();
  }

  @Test
  void anInvalidReferralOverRestIs400NamingTheFieldAndCreatesNothing() throws Exception {
    long before = courses.count();
    HttpResponse<String> response = post("/engine-rest/process-definition/key/en-plan/start",
        "visitation.allerod:" + TestIdentity.PASSWORD, referral("3201901234"));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(response.body()).path("field").asText()).isEqualTo("cpr");
    assertThat(JSON.readTree(response.body()).path("message").asText()).startsWith("CPR-nummer: ");
    assertThat(courses.count()).isEqualTo(before);
  }

  @Test
  void theWebappsKeepCsrfProtectionAndTheFirstAdminSetupIsClosed() throws Exception {
    String setup = "/camunda/api/admin/setup/default/user/create";
    String body = "{\"profile\":{\"id\":\"mallory\",\"firstName\":\"M\",\"lastName\":\"M\"},"
        + "\"credentials\":{\"password\":\"mallory-password\"}}";
    HttpResponse<String> withoutToken = http.send(request("/camunda/api/admin/auth/user/default/login/tasklist", null)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("username=admin&password=" + TestIdentity.PASSWORD)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(withoutToken.statusCode()).as("a login without the CSRF token").isEqualTo(403);
    assertThat(withoutToken.headers().firstValue("X-XSRF-TOKEN")).hasValue("Required");

    HttpResponse<String> page = get("/camunda/app/admin/default/", null);
    String token = page.headers().firstValue("X-XSRF-TOKEN").orElseThrow();
    String cookie = page.headers().allValues("Set-Cookie").stream().map(c -> c.split(";")[0])
        .reduce((a, b) -> a + "; " + b).orElseThrow();
    HttpResponse<String> withToken = http.send(request(setup, null).header("Content-Type", "application/json")
        .header("X-XSRF-TOKEN", token).header("Cookie", cookie)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(withToken.statusCode()).as("setup is closed").isEqualTo(403);
    assertThat(withToken.body()).contains("Den første administrator oprettes af installationen");
    assertThat(identityService.createUserQuery().userId("mallory").count()).isZero();
  }

  @Test
  void javaSerializedVariablesAreRejected() throws Exception {
    long before = courses.count();
    HttpResponse<String> response = post("/engine-rest/process-definition/key/en-plan/start",
        "visitation.allerod:" + TestIdentity.PASSWORD, """
        {"variables": {"payload": {"value": "rO0ABXQABGV2aWw=", "type": "Object",
          "valueInfo": {"objectTypeName": "java.lang.String",
                        "serializationDataFormat": "application/x-java-serialized-object"}}}}""");

    assertThat(response.statusCode()).as("refused before the engine: not a field of the start form").isEqualTo(400);
    assertThat(JSON.readTree(response.body()).path("field").asText()).isEqualTo("payload");
    assertThat(courses.count()).isEqualTo(before);
  }

  @Test
  void expressionsInAdHocQueriesAreRefusedAndTheWebappsSendSecurityHeaders() throws Exception {
    HttpResponse<String> query = get("/engine-rest/task?assigneeExpression=%24%7BcurrentUser()%7D",
        "koordinator.allerod:" + TestIdentity.PASSWORD);
    assertThat(query.statusCode()).as("refused by the engine API's allow-list").isEqualTo(403);
    assertThat(query.body()).contains("Udtryk (expressions) er ikke tilladt");

    HttpResponse<String> tasklist = get("/camunda/app/tasklist/default/", null);
    assertThat(tasklist.headers().firstValue("Content-Security-Policy")).isPresent();
    assertThat(tasklist.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
  }

  private static String referral(String cpr) {
    return """
        {"variables": {
          "citizenName": {"value": "Jonas Nielsen"},
          "cpr": {"value": "%s"},
          "referringUnit": {"value": "Jobcenter Allerød"},
          "problemAreas": {"value": "[\\"ledighed\\",\\"misbrug\\"]", "type": "Json"},
          "referralReason": {"value": "Ledighed og misbrug"}
        }}""".formatted(cpr);
  }

  private HttpResponse<String> get(String path, String credentials) throws Exception {
    return http.send(request(path, credentials).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, String credentials, String body) throws Exception {
    return http.send(request(path, credentials).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest.Builder request(String path, String credentials) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    if (credentials != null) {
      builder.header("Authorization", "Basic "
          + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }
    return builder;
  }
}
