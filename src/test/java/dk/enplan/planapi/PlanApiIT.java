package dk.enplan.planapi;

import static dk.enplan.course.CourseProcess.Elements.PLAN_MEETING;
import static dk.enplan.planapi.ApiClient.as;
import static dk.enplan.planapi.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.enplan.course.CourseProcess;
import dk.enplan.course.CourseRepository;
import dk.enplan.course.CourseSteps;
import dk.enplan.plan.PlanVersionRepository;
import dk.enplan.testing.CourseDriver;
import dk.enplan.testing.CourseEngineTest;
import dk.enplan.testing.TestIdentity;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The plan endpoints over real HTTP: content, history, the citizen's printable page, who may read what. */
@CourseEngineTest
class PlanApiIT {

  static final String KOORDINATOR = as("koordinator.allerod");
  static final List<String> SECTORS = List.of("beskaeftigelse", "ydelse");

  @LocalServerPort int port;
  @Autowired TestIdentity identity;
  @Autowired AgreedPlans plans;
  @Autowired CourseSteps steps;
  @Autowired CourseDriver driver;
  @Autowired CourseRepository courses;
  @Autowired PlanVersionRepository planVersions;
  @Autowired org.camunda.bpm.engine.RuntimeService runtime;
  ApiClient api;

  @BeforeEach
  void setUp() {
    identity.ensure();
    api = new ApiClient(port);
  }

  @Test
  void theCurrentPlanHasGoalsInterventionsConsentAndContactPersonButNeverTheFullCpr() {
    String courseId = plans.agreed("1503774321", SECTORS, AgreedPlans.richPlanMeeting(SECTORS,
        "Jeg vil gerne have et arbejde og styr på min økonomi.", "Job inden for et år")).getBusinessKey();
    long courseRows = courses.count();
    long versionRows = planVersions.count();

    HttpResponse<String> response = api.get("/api/courses/" + courseId + "/plan", KOORDINATOR);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/json"));
    assertThat(response.headers().allValues("Cache-Control")).containsExactly("no-store");
    JsonNode plan = json(response);
    assertThat(plan.path("courseId").asText()).isEqualTo(courseId);
    assertThat(plan.path("municipality").path("tenant").asText()).isEqualTo("allerod");
    assertThat(plan.path("municipality").path("name").asText()).isEqualTo("Allerød");
    assertThat(plan.path("municipality").path("code").asInt()).isEqualTo(201);
    assertThat(plan.path("status").asText()).isEqualTo("ACTIVE");
    assertThat(plan.path("citizen").path("maskedCpr").asText()).isEqualTo("150377-xxxx");
    assertThat(plan.path("contactPerson").path("userId").asText()).isEqualTo(CourseSteps.COORDINATOR);
    assertThat(plan.path("contactPerson").path("name").asText()).isEqualTo("koordinator allerod");
    assertThat(plan.path("contactPerson").path("phone").asText()).isEqualTo("48 10 00 01");
    assertThat(plan.path("contactPerson").path("email").asText()).isEqualTo("koordinator@allerod.kommune.example");
    assertThat(plan.path("planVersion").asInt()).isEqualTo(1);
    assertThat(plan.path("agreedBy").asText()).isEqualTo(CourseSteps.COORDINATOR);
    assertThat(plan.path("agreedAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
    assertThat(plan.path("citizenGoals").asText()).isEqualTo("Jeg vil gerne have et arbejde og styr på min økonomi.");

    JsonNode goals = plan.path("goals");
    assertThat(goals).hasSize(2);
    assertThat(goals.get(0).path("sequence").asInt()).isEqualTo(1);
    assertThat(goals.get(0).path("lifeDomain").path("key").asText()).isEqualTo("arbejde");
    assertThat(goals.get(0).path("lifeDomain").path("label").asText()).isEqualTo("Arbejde og uddannelse");
    assertThat(goals.get(0).path("citizenWords").asText()).isEqualTo("Et job, jeg kan holde til");
    assertThat(goals.get(0).path("goal").asText()).isEqualTo("Job inden for et år");
    assertThat(goals.get(0).path("subGoals").asText()).isEqualTo("praktik i 3 måneder; løntilskud");
    assertThat(goals.get(1).path("lifeDomain").path("label").asText()).isEqualTo("Økonomi");
    assertThat(goals.get(1).path("subGoals").isNull()).isTrue();

    JsonNode interventions = plan.path("interventions");
    assertThat(interventions).hasSize(2);
    JsonNode first = interventions.get(0);
    assertThat(first.path("sequence").asInt()).isEqualTo(1);
    assertThat(first.path("sector").path("key").asText()).isEqualTo("beskaeftigelse");
    assertThat(first.path("sector").path("name").asText()).isEqualTo("Jobcenter");
    assertThat(first.path("law").asText()).isEqualTo("Lov om en aktiv beskæftigelsesindsats");
    assertThat(first.path("description").asText()).isEqualTo("Indsats fra beskaeftigelse");
    assertThat(first.path("responsible").asText()).isEqualTo("Lars Jensen, beskaeftigelse");
    assertThat(first.path("plannedStart").asText()).isEqualTo("2026-12-01");
    assertThat(first.path("plannedEnd").asText()).isEqualTo("2027-03-01");
    assertThat(first.path("status").asText()).isEqualTo("PLANNED");
    assertThat(interventions.get(1).path("sector").path("key").asText()).isEqualTo("ydelse");

    JsonNode consents = plan.path("consents");
    assertThat(consents).hasSize(2);
    assertThat(consents.findValuesAsText("key")).containsExactly("beskaeftigelse", "ydelse");
    consents.forEach(consent -> {
      assertThat(consent.path("active").asBoolean()).isTrue();
      assertThat(consent.path("givenAt").asText()).isNotBlank();
      assertThat(consent.path("withdrawnAt").isNull()).isTrue();
    });

    assertThat(response.body()).doesNotContain("1503774321").doesNotContain("150377-4321");
    assertThat(courses.count()).as("reading writes nothing").isEqualTo(courseRows);
    assertThat(planVersions.count()).as("reading writes nothing").isEqualTo(versionRows);
  }

  @Test
  void aRevisionIsVersionTwoAndVersionOneStaysAsAgreed() {
    ProcessInstance course = plans.agreed("2208654321", SECTORS);
    String courseId = course.getBusinessKey();
    JsonNode versionOneBefore = json(api.get("/api/courses/" + courseId + "/plan/versions/1", KOORDINATOR));

    steps.followUp(course, "revider");
    Map<String, Object> revised = new HashMap<>(CourseSteps.planMeeting("ja", List.of("ydelse")));
    revised.put("citizenGoals", "Nu vil jeg også tage kørekort.");
    plans.agree(course, revised);

    HttpResponse<String> response = api.get("/api/courses/" + courseId + "/plan/versions", KOORDINATOR);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode history = json(response);
    assertThat(history.path("courseId").asText()).isEqualTo(courseId);
    assertThat(history.path("versions").findValuesAsText("planVersion")).containsExactly("1", "2");

    JsonNode one = history.path("versions").get(0);
    assertThat(withoutStatus(one)).as("version 1 as agreed").isEqualTo(withoutStatus(versionOneBefore));
    assertThat(one.path("citizenGoals").asText()).isEqualTo("Jeg vil gerne have et arbejde og styr på min økonomi.");
    assertThat(one.path("interventions").findValuesAsText("key")).containsExactly("beskaeftigelse", "ydelse");
    JsonNode two = history.path("versions").get(1);
    assertThat(two.path("citizenGoals").asText()).isEqualTo("Nu vil jeg også tage kørekort.");
    assertThat(two.path("interventions").findValuesAsText("key")).containsExactly("ydelse");

    assertThat(json(api.get("/api/courses/" + courseId + "/plan/versions/1", KOORDINATOR))).isEqualTo(one);
    assertThat(json(api.get("/api/courses/" + courseId + "/plan/versions/2", KOORDINATOR))).isEqualTo(two);
    JsonNode current = json(api.get("/api/courses/" + courseId + "/plan", KOORDINATOR));
    assertThat(current.path("planVersion").asInt()).isEqualTo(2);
    assertThat(current.path("citizenGoals").asText()).isEqualTo("Nu vil jeg også tage kørekort.");
  }

  @Test
  void startingAndEndingAnInterventionShowsInTheApiAndOnTheCitizensPage() {
    ProcessInstance course = plans.agreed("2702856789", SECTORS);
    String courseId = course.getBusinessKey();
    assertThat(json(api.get("/api/courses/" + courseId + "/plan", KOORDINATOR)).path("interventions"))
        .allSatisfy(i -> assertThat(i.path("status").asText()).isEqualTo("PLANNED"));
    assertThat(json(api.get("/api/courses/" + courseId + "/plan", KOORDINATOR)).path("decision").path("text")
        .asText()).isEqualTo("Kommunen bevilger virksomhedspraktik og budgetrådgivning efter den samlede plan.");

    org.camunda.bpm.engine.task.Task jobcenter = driver.tasks(courseId,
        CourseProcess.SectorElements.START_INTERVENTION).stream()
        .filter(t -> "beskaeftigelse".equals(runtime.getVariable(t.getExecutionId(), "sector"))).findFirst()
        .orElseThrow();
    driver.complete(jobcenter, Map.of("interventionResponsible", "Susanne Holm", "interventionStart", "2026-11-30"));

    JsonNode started = json(api.get("/api/courses/" + courseId + "/plan", KOORDINATOR)).path("interventions");
    assertThat(started.get(0).path("sector").path("key").asText()).isEqualTo("beskaeftigelse");
    assertThat(started.get(0).path("status").asText()).isEqualTo("STARTED");
    assertThat(started.get(0).path("statusText").asText()).isEqualTo("I gang");
    assertThat(started.get(0).path("actualStart").asText()).isEqualTo("2026-11-30");
    assertThat(started.get(0).path("actualEnd").isNull()).isTrue();
    assertThat(started.get(1).path("status").asText()).isEqualTo("PLANNED");
    String page = api.get("/api/courses/" + courseId + "/plan.html", KOORDINATOR).body();
    assertThat(page).contains("I gang siden 30. november 2026", "Ikke startet endnu");

    steps.completeIntervention(driver.task(courseId, CourseProcess.SectorElements.COMPLETE_INTERVENTION));

    JsonNode ended = json(api.get("/api/courses/" + courseId + "/plan", KOORDINATOR)).path("interventions").get(0);
    String today = dk.enplan.plan.PlanStore.today().toString();
    assertThat(ended.path("status").asText()).isEqualTo("COMPLETED");
    assertThat(ended.path("statusText").asText()).isEqualTo("Gennemført");
    assertThat(ended.path("actualEnd").asText()).isEqualTo(today);
    assertThat(api.get("/api/courses/" + courseId + "/plan.html", KOORDINATOR).body())
        .contains("Gennemført den ", "(startet 30. november 2026)").doesNotContain("I gang siden");
  }

  @Test
  void theCitizensPrintablePlanIsPlainDanishWithEveryValueEscaped() {
    String courseId = plans.agreed("0911813456", SECTORS, AgreedPlans.richPlanMeeting(SECTORS,
        "Jeg vil have \"ro\" & et <b>arbejde</b>", "<script>alert('x')</script>")).getBusinessKey();

    HttpResponse<String> response = api.get("/api/courses/" + courseId + "/plan.html", as("visitation.allerod"));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("text/html;charset=UTF-8");
    assertThat(response.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
        policy -> assertThat(policy).contains("default-src 'none'"));
    String page = response.body();
    assertThat(page).contains("<html lang=\"da\">", "Din Én Plan", "Med dine egne ord", "Dine mål",
        "Det skal der ske", "Din kontaktperson", "Dit samtykke", "Hvis du vil klage", "Ankestyrelsen", "@media print");
    assertThat(page.indexOf("Med dine egne ord")).as("the citizen's own words first")
        .isLessThan(page.indexOf("Dine mål"));
    assertThat(page).contains("Jeg vil have &quot;ro&quot; &amp; et &lt;b&gt;arbejde&lt;/b&gt;")
        .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")
        .doesNotContain("<script", "<b>");
    assertThat(page).contains("Et job, jeg kan holde til", "Arbejde og uddannelse", "Indsats fra ydelse",
        "Lars Jensen, beskaeftigelse", "1. december 2026", "koordinator allerod", "Jobcenter", "Ydelse",
        "091181-xxxx", "Allerød Kommune");
    assertThat(page).doesNotContain("0911813456", "091181-3456");
    assertThat(page).as("the contact person by name, phone and e-mail, never by user id")
        .contains("Din kontaktperson er <strong>koordinator allerod</strong>", "Telefon: <strong>48 10 00 01</strong>",
            "E-mail: <strong>koordinator@allerod.kommune.example</strong>", "Ring eller skriv til din kontaktperson")
        .doesNotContain(CourseSteps.COORDINATOR);
  }

  @Test
  void withoutCredentialsEveryEndpointAnswers401() {
    String courseId = "ukendt";
    for (String path : List.of("/api/courses/" + courseId + "/plan", "/api/courses/" + courseId + "/plan/versions",
        "/api/courses/" + courseId + "/plan/versions/1", "/api/courses/" + courseId + "/plan.html")) {
      assertThat(api.get(path, null).statusCode()).as(path).isEqualTo(401);
      assertThat(api.get(path, "ukendt.bruger:forkert").statusCode()).as(path).isEqualTo(401);
    }
    assertThat(api.postJson("/api/lookup", null, "{\"cpr\": \"0101901234\"}").statusCode()).isEqualTo(401);
    HttpResponse<String> wrong = api.postJson("/api/lookup", "ukendt.bruger:forkert", "{\"cpr\": \"0101901234\"}");
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(wrong.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
        challenge -> assertThat(challenge).startsWith("Basic"));
  }

  @Test
  void aCallerWithoutAPlanReadersGroupGets403() {
    String courseId = plans.agreed("1206724567", SECTORS).getBusinessKey();

    for (String caller : List.of(as("fagsystem.allerod"), as("admin"))) {
      for (String path : List.of("/plan", "/plan/versions", "/plan/versions/1", "/plan.html")) {
        HttpResponse<String> response = api.get("/api/courses/" + courseId + path, caller);
        assertThat(response.statusCode()).as(caller + " " + path).isEqualTo(403);
        assertThat(json(response).path("message").asText()).contains("koordinator");
      }
    }
    assertThat(api.get("/api/courses/" + courseId + "/plan", as("visitation.allerod")).statusCode()).isEqualTo(200);
  }

  @Test
  void aCourseOfAnotherMunicipalityIsAnsweredLikeAnUnknownOne() {
    String courseId = plans.agreed("2704694321", SECTORS).getBusinessKey();
    String ballerup = as("koordinator.ballerup");

    for (String path : List.of("/plan", "/plan/versions", "/plan/versions/1", "/plan.html")) {
      HttpResponse<String> other = api.get("/api/courses/" + courseId + path, ballerup);
      HttpResponse<String> unknown = api.get("/api/courses/00000000-0000-0000-0000-000000000000" + path, ballerup);
      assertThat(other.statusCode()).as(path).isEqualTo(404);
      assertThat(unknown.statusCode()).as(path).isEqualTo(404);
      assertThat(json(other).path("field").asText()).isEqualTo("courseId");
      assertThat(json(other).path("message").asText().replace(courseId, "<id>"))
          .isEqualTo(json(unknown).path("message").asText().replace("00000000-0000-0000-0000-000000000000", "<id>"));
      assertThat(other.body()).doesNotContain("Allerød", "allerod");
    }
    assertThat(api.get("/api/courses/" + courseId + "/plan", KOORDINATOR).statusCode()).isEqualTo(200);
  }

  @Test
  void aSectorsCaseworkersReadThePlanOnlyWithTheCitizensConsentForTheirSector() {
    String jobcenter = as("sektor-beskaeftigelse.allerod");
    String withConsent = plans.agreed("3001754321", List.of("beskaeftigelse")).getBusinessKey();
    String withoutConsent = plans.agreed("3101754321", List.of("ydelse")).getBusinessKey();

    assertThat(api.get("/api/courses/" + withConsent + "/plan", jobcenter).statusCode()).isEqualTo(200);
    assertThat(api.get("/api/courses/" + withConsent + "/plan.html", jobcenter).statusCode()).isEqualTo(200);
    HttpResponse<String> refused = api.get("/api/courses/" + withoutConsent + "/plan", jobcenter);
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(json(refused).path("message").asText()).contains("samtykke");
    assertThat(api.get("/api/courses/" + withConsent + "/plan", as("sektor-beskaeftigelse.ballerup")).statusCode())
        .as("another municipality's Jobcenter").isEqualTo(404);
  }

  @Test
  void withdrawingConsentEndsTheSectorsAccessAtOnceAndShowsInThePlan() {
    String jobcenter = as("sektor-beskaeftigelse.allerod");
    String courseId = plans.agreed("0112754321", SECTORS).getBusinessKey();
    assertThat(api.get("/api/courses/" + courseId + "/plan", jobcenter).statusCode()).isEqualTo(200);

    driver.correlate(courseId, CourseProcess.Messages.CONSENT_WITHDRAWN,
        Map.of("withdrawnSectors", List.of("beskaeftigelse")));

    assertThat(api.get("/api/courses/" + courseId + "/plan", jobcenter).statusCode()).isEqualTo(403);
    JsonNode consents = json(api.get("/api/courses/" + courseId + "/plan", KOORDINATOR)).path("consents");
    assertThat(consents.findValuesAsText("key")).containsExactly("beskaeftigelse", "ydelse");
    assertThat(consents.get(0).path("active").asBoolean()).isFalse();
    assertThat(consents.get(0).path("withdrawnAt").asText()).isNotBlank();
    assertThat(consents.get(1).path("active").asBoolean()).isTrue();
    assertThat(api.get("/api/courses/" + courseId + "/plan.html", KOORDINATOR).body())
        .contains("du trak dit ja tilbage den");
  }

  @Test
  void beforeThePlanMeetingThereIsNoCurrentPlanAndAnEmptyHistory() {
    ProcessInstance course = plans.atPlanMeeting("0502884321", List.of("beskaeftigelse"));
    String courseId = course.getBusinessKey();
    assertThat(driver.task(courseId, PLAN_MEETING)).isNotNull();

    HttpResponse<String> current = api.get("/api/courses/" + courseId + "/plan", KOORDINATOR);
    assertThat(current.statusCode()).isEqualTo(404);
    assertThat(json(current).path("field").asText()).isEqualTo("courseId");
    assertThat(json(current).path("message").asText()).contains("ingen aftalt plan");
    HttpResponse<String> history = api.get("/api/courses/" + courseId + "/plan/versions", KOORDINATOR);
    assertThat(history.statusCode()).isEqualTo(200);
    assertThat(json(history).path("versions")).isEmpty();
  }

  /** An intervention's status follows the sector's work; everything else of a version never changes. */
  private static JsonNode withoutStatus(JsonNode version) {
    ObjectNode copy = version.deepCopy();
    copy.get("interventions").forEach(i -> ((ObjectNode) i).remove(List.of("status", "statusText", "actualEnd")));
    return copy;
  }
}
