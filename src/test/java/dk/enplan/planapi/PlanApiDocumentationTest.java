package dk.enplan.planapi;

import static dk.enplan.planapi.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dk.enplan.testing.CourseEngineTest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The OpenAPI document and Swagger UI: every plan API path, HTTP Basic as the security scheme. */
@CourseEngineTest
class PlanApiDocumentationTest {

  @LocalServerPort int port;

  @Test
  void theOpenApiDocumentDescribesEveryPathWithHttpBasic() {
    HttpResponse<String> response = new ApiClient(port).get("/api-docs", null);

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode document = json(response);
    List<String> paths = new ArrayList<>();
    document.path("paths").fieldNames().forEachRemaining(paths::add);
    assertThat(paths).containsExactlyInAnyOrder("/api/courses/{courseId}/plan",
        "/api/courses/{courseId}/plan/versions", "/api/courses/{courseId}/plan/versions/{version}",
        "/api/courses/{courseId}/plan.html", "/api/lookup", "/api/export/courses", "/api/kpi/summary",
        "/api/kpi/courses");
    assertThat(document.path("paths").path("/api/lookup").has("post")).isTrue();
    assertThat(document.path("paths").path("/api/lookup").path("post").path("description").asText())
        .contains("ACTIVE", "fagsystem");
    assertThat(document.path("paths").path("/api/courses/{courseId}/plan").path("get").path("responses").has("404"))
        .isTrue();
    assertThat(document.path("components").path("securitySchemes").path("basicAuth").path("scheme").asText())
        .isEqualTo("basic");
    assertThat(document.path("security").get(0).has("basicAuth")).isTrue();
    assertThat(document.path("components").path("schemas").has("CurrentPlan")).isTrue();
    assertThat(document.path("components").path("schemas").has("ApiError")).isTrue();
  }

  @Test
  void swaggerUiIsServed() {
    HttpResponse<String> response = new ApiClient(port).get("/swagger-ui.html", null);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("Swagger UI");
  }
}
