package dk.enplan.export;

import static dk.enplan.course.CourseProcess.Elements.OBTAIN_CONSENT;
import static dk.enplan.course.CourseProcess.Elements.VISITATION;
import static dk.enplan.course.CourseSteps.businessKey;
import static org.assertj.core.api.Assertions.assertThat;

import dk.enplan.course.CourseSteps;
import dk.enplan.privacy.CprProtection;
import dk.enplan.testing.CourseDriver;
import dk.enplan.testing.CourseEngineTest;
import dk.enplan.testing.EngineHttp;
import dk.enplan.testing.TestIdentity;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The evaluator's export over real HTTP: exact rows for courses driven in Allerød and Ballerup (in March 2031, a
 * period no other test uses), nothing identifying in the output, stable keyed pseudonyms, the role check, bad input,
 * and the audit record.
 */
@CourseEngineTest
class CourseExportIT {

  static final String SECRET = "ZW4tcGxhbiBURVNUIGV4cG9ydCBzZWNyZXQsIG5vdCBwcm9k";
  static final String CPR_A = "0303311234";
  static final String CPR_B = "0404312345";
  static final String MARCH = "from=2031-03-01&to=2031-03-31";

  @LocalServerPort int port;
  @Autowired CourseDriver driver;
  @Autowired CourseSteps steps;
  @Autowired TestIdentity identity;
  @Autowired CprProtection cpr;
  @Autowired HistoryService history;

  static String activeAllerod;
  static String noConsentAllerod;
  static String referredBallerup;

  /** Once for the class (inside a test, where process-test coverage records it). */
  @BeforeEach
  void driveCourses() {
    if (activeAllerod != null) {
      return;
    }
    identity.ensure();
    try {
      at("2031-03-10T09:00:00+01:00");
      ProcessInstance active = driver.refer("allerod", CourseSteps.referral(CPR_A, List.of("ledighed",
          "forsoergelse")));
      steps.visitate(active, List.of("beskaeftigelse"));
      at("2031-03-12T10:00:00+01:00");
      steps.consent(active, List.of("beskaeftigelse"));
      steps.assess(active, "beskaeftigelse");
      at("2031-03-20T10:00:00+01:00");
      steps.agreePlan(active);
      activeAllerod = businessKey(active);

      at("2031-03-11T09:00:00+01:00");
      ProcessInstance refused = driver.refer("allerod", CourseSteps.referral(CPR_B, List.of("ledighed")));
      steps.visitate(refused, List.of("beskaeftigelse"));
      at("2031-03-13T09:00:00+01:00");
      driver.complete(steps.task(refused, OBTAIN_CONSENT), Map.of("consentGiven", "nej",
          "consentNote", "Borgeren ønsker ikke en samlet plan."));
      noConsentAllerod = businessKey(refused);

      // The citizen of the active Allerød course, referred in Ballerup too: the same pseudonym.
      at("2031-03-31T23:30:00+02:00");
      ProcessInstance ballerup = driver.refer("ballerup", CourseSteps.referral(CPR_A, List.of("bolig")));
      assertThat(steps.task(ballerup, VISITATION)).isNotNull();
      referredBallerup = businessKey(ballerup);
    } finally {
      ClockUtil.reset();
    }
  }

  @Test
  void exportsExactlyTheCoursesOfTheMunicipalityAndPeriodAsCsv() {
    HttpResponse<String> allerod = export("municipality=allerod&" + MARCH + "&format=csv");
    assertThat(allerod.statusCode()).isEqualTo(200);
    assertThat(allerod.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
    assertThat(allerod.body().split("\r\n")).containsExactly(
        String.join(",", ExportedCourse.COLUMNS),
        citizen(CPR_A) + "," + course(activeAllerod) + ",201,allerod,ACTIVE,2031-03-10,2031-03-12,1,2031-03-20,"
            + "2031-03-20,,,ledighed;forsoergelse,beskaeftigelse",
        citizen(CPR_B) + "," + course(noConsentAllerod) + ",201,allerod,NO_CONSENT,2031-03-11,,0,,,2031-03-13,"
            + "intet_samtykke,ledighed,beskaeftigelse");

    // 23:30 Danish summer time on 31 March is 21:30 UTC: still March in Denmark, so in the period.
    assertThat(export("municipality=ballerup&" + MARCH).body().split("\r\n")).containsExactly(
        String.join(",", ExportedCourse.COLUMNS),
        citizen(CPR_A) + "," + course(referredBallerup) + ",151,ballerup,REFERRED,2031-03-31,,0,,,,,bolig,");
    assertThat(export("municipality=ballerup&from=2031-03-01&to=2031-03-30").body().split("\r\n"))
        .containsExactly(String.join(",", ExportedCourse.COLUMNS));
  }

  @Test
  void exportsTheSameRowsAsJson() {
    HttpResponse<String> response = export("municipality=allerod&" + MARCH + "&format=json");
    assertThat(response.statusCode()).isEqualTo(200);
    var rows = EngineHttp.json(response);
    assertThat(rows).hasSize(2);
    var first = rows.get(0);
    assertThat(first.get("borger_pseudonym").asText()).isEqualTo(citizen(CPR_A));
    assertThat(first.get("forloeb_pseudonym").asText()).isEqualTo(course(activeAllerod));
    assertThat(first.get("kommunekode").asInt()).isEqualTo(201);
    assertThat(first.get("status").asText()).isEqualTo("ACTIVE");
    assertThat(first.get("planversioner").asInt()).isEqualTo(1);
    assertThat(first.get("foerste_plan_dato").asText()).isEqualTo("2031-03-20");
    assertThat(first.get("afsluttet_dato").isNull()).isTrue();
    assertThat(first.get("problemomraader").toString()).isEqualTo("[\"ledighed\",\"forsoergelse\"]");
    assertThat(rows.get(1).get("afslutningsaarsag").asText()).isEqualTo("intet_samtykke");
    assertThat(first.size()).isEqualTo(ExportedCourse.COLUMNS.size());
  }

  @Test
  void containsNoCprNameOrFreeText() {
    for (String format : List.of("csv", "json")) {
      String body = export("municipality=allerod&" + MARCH + "&format=" + format).body()
          + export("municipality=ballerup&" + MARCH + "&format=" + format).body();
      assertThat(body).doesNotContain(CPR_A, CPR_B, CPR_A.substring(0, 6), CPR_B.substring(0, 6),
          cpr.lookupHash(CPR_A), "Mette", "Hansen", "Sofie", "Langvarig", "Jobcenter", "Samtykke", "samlet plan",
          "Jeg vil", "Job inden", "Lars Jensen", "Indsats fra", "Udredning", "koordinator", activeAllerod,
          noConsentAllerod, referredBallerup);
    }
  }

  @Test
  void pseudonymsAreStableAcrossExportsAndDifferPerCitizenAndSecret() {
    String first = export("municipality=allerod&" + MARCH).body();
    assertThat(export("municipality=allerod&" + MARCH).body()).isEqualTo(first);
    assertThat(citizen(CPR_A)).isNotEqualTo(citizen(CPR_B));
    String other = new Pseudonyms("b3RoZXIgc2VjcmV0IG9mIGF0IGxlYXN0IDMyIGJ5dGVzIQ==").start()
        .citizen(cpr.lookupHash(CPR_A));
    assertThat(other).hasSize(64).isNotEqualTo(citizen(CPR_A));
    assertThat(first).contains(citizen(CPR_A)).doesNotContain(other);
  }

  @Test
  void onlyTheEvaluatorMayExportAndEveryExportIsAudited() {
    assertThat(EngineHttp.rest(port, "leder.allerod").get(path("municipality=allerod&" + MARCH)).statusCode())
        .isEqualTo(403);
    assertThat(EngineHttp.rest(port, "analytiker.ballerup").get(path("municipality=allerod&" + MARCH))
        .statusCode()).isEqualTo(403);
    assertThat(EngineHttp.rest(port, "admin").get(path("municipality=allerod&" + MARCH)).statusCode())
        .isEqualTo(403);
    assertThat(new EngineHttpWithoutLogin(port).status(path("municipality=allerod&" + MARCH))).isEqualTo(401);

    long before = exportAudits().size();
    assertThat(export("municipality=ballerup&from=2031-03-02&to=2031-03-30&format=json").statusCode())
        .isEqualTo(200);
    List<UserOperationLogEntry> entries = exportAudits();
    assertThat(entries).hasSize((int) before + 4);
    List<UserOperationLogEntry> latest = entries.stream()
        .filter(e -> e.getOperationId().equals(entries.get(entries.size() - 1).getOperationId())).toList();
    assertThat(latest).allSatisfy(entry -> {
      assertThat(entry.getUserId()).isEqualTo(TestIdentity.EVALUATOR);
      assertThat(entry.getCategory()).isEqualTo(UserOperationLogEntry.CATEGORY_OPERATOR);
    });
    assertThat(latest).extracting(e -> e.getProperty() + "=" + e.getNewValue()).containsExactlyInAnyOrder(
        "municipality=ballerup", "from=2031-03-02", "to=2031-03-30", "format=json");
  }

  @Test
  void badInputIsA400NamingTheFieldAndIsNotExported() {
    long before = exportAudits().size();
    assertBadInput("municipality=roskilde&" + MARCH, "municipality");
    assertBadInput(MARCH, "municipality");
    assertBadInput("municipality=allerod&from=2031-04-01&to=2031-03-01", "from");
    assertBadInput("municipality=allerod&from=2031-03-01&to=31-03-2031", "to");
    assertBadInput("municipality=allerod&from=2031-02-30&to=2031-03-31", "from");
    assertBadInput("municipality=allerod&from=2031-03-01", "to");
    assertBadInput("municipality=allerod&" + MARCH + "&format=xml", "format");
    assertThat(exportAudits()).hasSize((int) before);
  }

  private void assertBadInput(String query, String field) {
    HttpResponse<String> response = export(query);
    assertThat(response.statusCode()).as(query).isEqualTo(400);
    assertThat(EngineHttp.json(response).get("field").asText()).as(query).isEqualTo(field);
    assertThat(EngineHttp.json(response).get("message").asText()).as(query).startsWith(field + ": ");
  }

  private List<UserOperationLogEntry> exportAudits() {
    return history.createUserOperationLogQuery().operationType(ExportAudit.OPERATION)
        .entityType(ExportAudit.ENTITY_TYPE).orderByTimestamp().asc().list();
  }

  private HttpResponse<String> export(String query) {
    return EngineHttp.rest(port, TestIdentity.EVALUATOR).get(path(query));
  }

  private static String path(String query) {
    return CourseExportController.PATH + "?" + query;
  }

  private String citizen(String cprDigits) {
    return hmac("borger:" + cpr.lookupHash(cprDigits));
  }

  private static String course(String courseId) {
    return hmac("forloeb:" + courseId);
  }

  /** The pseudonym computed independently of the application: HMAC-SHA256 with the test profile's secret. */
  private static String hmac(String value) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(java.util.Base64.getDecoder().decode(SECRET), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.US_ASCII)));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void at(String time) {
    ClockUtil.setCurrentTime(java.util.Date.from(ZonedDateTime.parse(time).toInstant()));
  }

  /** A request without credentials. */
  private record EngineHttpWithoutLogin(int port) {
    int status(String path) {
      try {
        return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
            java.net.URI.create("http://localhost:" + port + path)).build(),
            HttpResponse.BodyHandlers.discarding()).statusCode();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
