package dk.enplan.planapi;

import static dk.enplan.planapi.ApiClient.as;
import static dk.enplan.planapi.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dk.enplan.course.CourseRepository;
import dk.enplan.testing.CourseEngineTest;
import dk.enplan.testing.TestIdentity;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Bad input to the plan API: each answered with the right status and JSON naming the field, nothing written. */
@CourseEngineTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlanApiBadInputIT {

  static final String KOORDINATOR = as("koordinator.allerod");
  static final String FAGSYSTEM = as("fagsystem.allerod");
  static final String LOOKUP = "/api/lookup";

  @LocalServerPort int port;
  @Autowired TestIdentity identity;
  @Autowired AgreedPlans plans;
  @Autowired CourseRepository courses;
  ApiClient api;
  String courseId;

  @BeforeEach
  void agreedCourse() {
    identity.ensure();
    api = new ApiClient(port);
    if (courseId == null) { // one course for the whole table (process coverage needs a running test to drive it)
      courseId = plans.agreed("2611704321", List.of("beskaeftigelse")).getBusinessKey();
    }
  }

  /** One bad request: how it is sent, and the status and field it must be answered with. */
  record Case(String name, BiFunction<ApiClient, String, HttpResponse<String>> request, int status, String field) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> cases() {
    String big = "{\"cpr\": \"0101901234\", \"padding\": \"" + "x".repeat(20 * 1024) + "\"}";
    return Stream.of(
        get("unknown course id: plan", "/api/courses/ukendt-forloeb/plan", 404, "courseId"),
        get("unknown course id: versions", "/api/courses/ukendt-forloeb/plan/versions", 404, "courseId"),
        get("unknown course id: one version", "/api/courses/ukendt-forloeb/plan/versions/1", 404, "courseId"),
        get("unknown course id: printable plan", "/api/courses/ukendt-forloeb/plan.html", 404, "courseId"),
        get("version not a number", "/api/courses/{course}/plan/versions/abc", 400, "version"),
        get("version too large for a number", "/api/courses/{course}/plan/versions/99999999999", 400, "version"),
        get("version 0", "/api/courses/{course}/plan/versions/0", 400, "version"),
        get("version that does not exist", "/api/courses/{course}/plan/versions/99", 404, "version"),
        lookup("CPR too short", "{\"cpr\": \"12345\"}", 400, "cpr"),
        lookup("CPR with letters", "{\"cpr\": \"01019O1234\"}", 400, "cpr"),
        lookup("CPR not a date", "{\"cpr\": \"3201901234\"}", 400, "cpr"),
        lookup("CPR born in the future", "{\"cpr\": \"010135-4000\"}", 400, "cpr"),
        lookup("CPR missing", "{}", 400, "cpr"),
        lookup("CPR empty", "{\"cpr\": \"\"}", 400, "cpr"),
        lookup("CPR not text", "{\"cpr\": [\"0101901234\"]}", 400, "cpr"),
        new Case("missing body", (api, course) -> api.post(LOOKUP, FAGSYSTEM, "application/json",
            HttpRequest.BodyPublishers.noBody()), 400, "body"),
        lookup("malformed JSON", "{\"cpr\": ", 400, "body"),
        lookup("JSON null", "null", 400, "body"),
        new Case("not JSON", (api, course) -> api.post(LOOKUP, FAGSYSTEM, "text/plain",
            HttpRequest.BodyPublishers.ofString("0101901234")), 415, "body"),
        lookup("oversized body", big, 413, "body"),
        new Case("oversized body, chunked", (api, course) -> api.postChunked(LOOKUP, FAGSYSTEM, big), 413, "body"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void badInputIsAnsweredNamingTheField(Case bad) {
    long before = courses.count();

    HttpResponse<String> response = bad.request().apply(api, courseId);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(bad.status());
    assertThat(response.headers().firstValue("Content-Type")).as("RFC 9457").hasValueSatisfying(
        type -> assertThat(type).startsWith("application/problem+json"));
    JsonNode error = json(response);
    assertThat(error.path("field").asText()).isEqualTo(bad.field());
    assertThat(error.path("message").asText()).startsWith(bad.field() + ": ");
    assertThat(error.path("status").asInt()).isEqualTo(bad.status());
    assertThat(error.path("detail").asText()).isEqualTo(error.path("message").asText());
    assertThat(error.path("type").asText()).isEqualTo("about:blank");
    assertThat(error.path("title").asText()).isNotBlank();
    assertThat(response.body()).doesNotContain("Exception", "at dk.", "at org.");
    assertThat(courses.count()).isEqualTo(before);
  }

  private static Case get(String name, String path, int status, String field) {
    return new Case(name, (api, course) -> api.get(path.replace("{course}", course), KOORDINATOR), status, field);
  }

  private static Case lookup(String name, String body, int status, String field) {
    return new Case(name, (api, course) -> api.postJson(LOOKUP, FAGSYSTEM, body), status, field);
  }
}
