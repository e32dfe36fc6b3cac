package dk.enplan.planapi;

import static dk.enplan.planapi.ApiClient.as;
import static dk.enplan.planapi.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dk.enplan.course.CourseSteps;
import dk.enplan.testing.CourseDriver;
import dk.enplan.testing.CourseEngineTest;
import dk.enplan.testing.TestIdentity;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The specialist systems' lookup over real HTTP: reference data only, own municipality only. */
@CourseEngineTest
class LookupApiIT {

  static final List<String> REFERENCE_FIELDS =
      List.of("activePlan", "courseId", "municipality", "planVersion", "contactPerson", "link");

  @LocalServerPort int port;
  @Autowired TestIdentity identity;
  @Autowired AgreedPlans plans;
  @Autowired CourseSteps steps;
  @Autowired CourseDriver driver;
  ApiClient api;

  @BeforeEach
  void setUp() {
    identity.ensure();
    api = new ApiClient(port);
  }

  @Test
  void aCitizenWithAnActivePlanIsAnsweredWithReferenceDataOnly() {
    String courseId = plans.agreed("1104794321", List.of("beskaeftigelse", "ydelse")).getBusinessKey();

    HttpResponse<String> response = lookup(as("fagsystem.allerod"), "110479-4321");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode answer = json(response);
    assertThat(fieldNames(answer)).containsExactlyInAnyOrderElementsOf(REFERENCE_FIELDS);
    assertThat(answer.path("activePlan").asBoolean()).isTrue();
    assertThat(answer.path("courseId").asText()).isEqualTo(courseId);
    assertThat(answer.path("municipality").path("tenant").asText()).isEqualTo("allerod");
    assertThat(answer.path("municipality").path("name").asText()).isEqualTo("Allerød");
    assertThat(answer.path("planVersion").asInt()).isEqualTo(1);
    assertThat(answer.path("contactPerson").path("userId").asText()).isEqualTo(CourseSteps.COORDINATOR);
    assertThat(answer.path("contactPerson").path("phone").asText()).isEqualTo("48 10 00 01");
    assertThat(answer.path("link").asText()).isEqualTo("/api/courses/" + courseId + "/plan");
    assertThat(response.body()).doesNotContain("1104794321", "110479", "Mette Hansen", "Job inden for et år",
        "Et job, jeg kan holde til", "Indsats fra", "Lars Jensen", "ledighed", "Langvarig ledighed", "consent",
        "goals", "interventions");

    assertThat(json(lookup(as("koordinator.allerod"), "1104794321")).path("courseId").asText()).isEqualTo(courseId);
    assertThat(json(lookup(as("visitation.allerod"), "1104794321")).path("courseId").asText()).isEqualTo(courseId);
    assertThat(api.get(answer.path("link").asText(), as("koordinator.allerod")).statusCode())
        .as("the link leads a plan reader to the plan").isEqualTo(200);
  }

  @Test
  void anotherMunicipalityDoesNotSeeTheCitizensPlan() {
    plans.agreed("1912804321", List.of("beskaeftigelse"));

    HttpResponse<String> response = lookup(as("fagsystem.ballerup"), "1912804321");

    assertThat(response.statusCode()).isEqualTo(200);
    assertInactive(json(response));
    assertThat(json(lookup(as("fagsystem.allerod"), "1912804321")).path("activePlan").asBoolean()).isTrue();
  }

  @Test
  void noCourseOrNoAgreedPlanYetIsNoActivePlan() {
    assertInactive(json(lookup(as("fagsystem.allerod"), "0207554321")));

    ProcessInstance awaitingConsent = driver.refer(CourseSteps.TENANT,
        CourseSteps.referral("0307554321", AgreedPlans.PROBLEM_AREAS));
    steps.visitate(awaitingConsent, List.of("beskaeftigelse"));
    assertInactive(json(lookup(as("fagsystem.allerod"), "0307554321")));

    plans.atPlanMeeting("0407554321", List.of("beskaeftigelse"));
    assertInactive(json(lookup(as("fagsystem.allerod"), "0407554321")));
  }

  @Test
  void onlySpecialistSystemsCoordinatorsAndVisitationMayLookUp() {
    for (String caller : List.of(as("sektor-beskaeftigelse.allerod"), as("admin"))) {
      HttpResponse<String> response = lookup(caller, "0101901234");
      assertThat(response.statusCode()).as(caller).isEqualTo(403);
      assertThat(json(response).path("message").asText()).contains("fagsystem");
      assertThat(response.body()).doesNotContain("0101901234");
    }
  }

  private HttpResponse<String> lookup(String credentials, String cpr) {
    return api.postJson("/api/lookup", credentials, "{\"cpr\": \"" + cpr + "\"}");
  }

  private static void assertInactive(JsonNode answer) {
    assertThat(fieldNames(answer)).containsExactlyInAnyOrderElementsOf(REFERENCE_FIELDS);
    assertThat(answer.path("activePlan").asBoolean()).isFalse();
    REFERENCE_FIELDS.stream().filter(field -> !field.equals("activePlan"))
        .forEach(field -> assertThat(answer.get(field).isNull()).as(field).isTrue());
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
