package dk.enplan.cockpit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dk.enplan.course.CourseSteps;
import dk.enplan.courseevent.CourseEvent;
import dk.enplan.kpi.KpiLedger;
import dk.enplan.testing.CourseDriver;
import dk.enplan.testing.CourseEngineTest;
import dk.enplan.testing.EngineHttp;
import dk.enplan.testing.TestIdentity;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The Én Plan page in Cockpit, in a real browser (Debian's Chromium, headless, asking for English): a leader of
 * Allerød opens Cockpit, goes to "Én Plan" and sees Allerød's figures in Danish and nothing of Ballerup's; a number
 * opens the list of its courses (course, masked citizen, phase, days), 50 at a time with a button for the next 50;
 * the network user sees the network and each
 * municipality; nothing is loaded from another site. The courses are referred here, in both municipalities, so the
 * referrals on screen are known: what the KPI API counted before plus the courses referred here, and Ballerup's
 * total differs from Allerød's. Screenshots in {@code target/e2e/cockpit-*.png}. Skipped where Chromium and
 * ChromeDriver are not installed ({@code .ci/run} installs them).
 */
@CourseEngineTest
class CockpitKpiPageIT {

  private static final Path SCREENSHOTS = Path.of("target", "e2e");
  private static final int KPI_PAGE = 50;
  private static final NumberFormat DANISH = NumberFormat.getIntegerInstance(Locale.forLanguageTag("da-DK"));

  @LocalServerPort int port;
  @Autowired TestIdentity identity;
  @Autowired CourseDriver driver;
  @Autowired KpiLedger ledger;

  private CockpitPage page;

  @BeforeEach
  void openBrowser() {
    assumeTrue(CockpitPage.browserInstalled(),
        "Chromium and ChromeDriver from Debian are needed (apt-get install chromium chromium-driver)");
    identity.ensure();
    page = new CockpitPage(port);
  }

  @AfterEach
  void closeBrowser() {
    if (page != null) {
      page.screenshot(SCREENSHOTS.resolve("cockpit-last.png"));
      page.close();
    }
  }

  @Test
  void aLeaderSeesHerMunicipalitysFiguresAndTheNetworkSeesEveryMunicipality() {
    // More than one page of referrals in Allerød (50 a page): earlier referrals recorded as the ledger records them.
    long earlier = Math.max(0, KPI_PAGE + 6 - referrals("leder.allerod", null) - 2);
    for (int i = 0; i < earlier; i++) {
      String id = UUID.randomUUID().toString();
      ledger.record(new CourseEvent(CourseEvent.Kind.REFERRED, "referred:" + id, id, "allerod", "", null, null,
          Instant.now().minus(Duration.ofHours(1 + i))));
    }
    long allerodBefore = referrals("leder.allerod", null);
    long ballerupBefore = referrals("leder.ballerup", null);
    List<String> allerodCourses = new ArrayList<>();
    allerodCourses.add(refer("allerod", "0101901234"));
    allerodCourses.add(refer("allerod", "0202902345"));
    long allerod = allerodBefore + 2;
    // Ballerup gets one or two, so that its total is never the same number as Allerød's.
    int forBallerup = ballerupBefore + 1 == allerod ? 2 : 1;
    for (int i = 0; i < forBallerup; i++) {
      refer("ballerup", "0303903456");
    }
    long ballerup = ballerupBefore + forBallerup;
    assertThat(referrals("leder.allerod", null)).as("the KPI API counted the referrals").isEqualTo(allerod);
    assertThat(referrals("leder.ballerup", null)).isEqualTo(ballerup);

    // The leader of Allerød: Cockpit's start page leads to the page; Allerød's figures, in Danish.
    page.logIn("leder.allerod", TestIdentity.PASSWORD);
    page.screenshot(SCREENSHOTS.resolve("cockpit-01-dashboard-leder.allerod.png"));
    page.openEnPlan();
    assertThat(page.scope()).isEqualTo("Allerød");
    assertThat(page.total("referrals")).isEqualTo(DANISH.format(allerod));
    String text = page.text();
    assertThat(text).contains("Én Plan – nøgletal", "Fra måned", "Til måned", "Aktive forløb efter fase",
        "Henvisninger pr. måned", "Dage fra henvisning", "Median", "90%-fraktil", "Kontaktpersoner pr. forløb",
        "Aktive planer pr. borger", "Forsinkede udredninger og opfølgninger", "Progression pr. livsområde",
        "Afslutningsårsager", "Leverancer til fagsystemerne", "Klager", "Cockpits egne opgavetal");
    assertThat(text).as("nothing of Ballerup's").doesNotContain("Ballerup", "Hele netværket");
    assertThat(text).as("Danish, not Camunda's English or a raw key").doesNotContain("Referrals", "Total",
        "undefined", "NaN", "null");
    page.screenshot(SCREENSHOTS.resolve("cockpit-02-en-plan-leder.allerod.png"));

    // From the number to its courses: Allerød's referrals, the citizens masked, no course of Ballerup.
    List<List<String>> rows = page.drillDownTotal("referrals");
    assertThat(page.coursesTitle()).isEqualTo("Henvisninger i perioden");
    assertThat(rows).as("the first page").hasSize(KPI_PAGE);
    assertThat(page.moreButton()).isEqualTo("Vis 50 mere");
    page.screenshotAsIs(SCREENSHOTS.resolve("cockpit-03-forloeb-side-1-leder.allerod.png"));
    rows = page.showMore();
    assertThat(rows).as("the first two pages").hasSize((int) Math.min(allerod, 2L * KPI_PAGE));
    boolean complete = allerod <= 2L * KPI_PAGE;
    if (complete) {
      // In the order referred: the courses referred here, the latest, are on the second page.
      assertThat(page.moreButton()).isNull();
      assertThat(rows.stream().map(row -> row.get(0)).toList()).containsAll(allerodCourses);
    }
    assertThat(rows).allSatisfy(row -> {
      assertThat(row).hasSize(4);
      assertThat(row.get(1)).as("masked, or none shown").matches("\\d{6}-xxxx|–");
      assertThat(row.get(2)).isNotBlank();
    });
    assertThat(rows.stream().filter(row -> allerodCourses.contains(row.get(0))).map(row -> row.get(1)))
        .containsExactlyInAnyOrder(complete ? new String[] {"010190-xxxx", "020290-xxxx"} : new String[0]);
    page.showCourses();
    page.screenshotAsIs(SCREENSHOTS.resolve("cockpit-03-forloeb-leder.allerod.png"));
    assertThat(page.requestedUrls()).as("nothing loaded from another site")
        .isNotEmpty().allSatisfy(url -> assertThat(url).startsWith("http://localhost:" + port + "/"));
    page.logOut();

    // The network: the whole network, then each municipality by choice; no list of citizens.
    page.logIn(TestIdentity.NETWORK, TestIdentity.PASSWORD);
    page.openEnPlan();
    assertThat(page.scope()).isEqualTo("Hele netværket");
    assertThat(page.total("referrals")).isEqualTo(DANISH.format(referrals(TestIdentity.NETWORK, null)));
    assertThat(page.drillDownOffered()).as("the network sees no citizens").isFalse();
    assertThat(page.text()).as("no municipality's task counts to explain").doesNotContain("Cockpits egne opgavetal")
        .contains("Kommune");
    page.screenshot(SCREENSHOTS.resolve("cockpit-04-en-plan-netvaerk.png"));
    page.chooseMunicipality("Ballerup");
    assertThat(page.total("referrals")).isEqualTo(DANISH.format(ballerup));
    page.screenshot(SCREENSHOTS.resolve("cockpit-05-ballerup-netvaerk.png"));
    page.chooseMunicipality("Allerød");
    assertThat(page.total("referrals")).isEqualTo(DANISH.format(allerod));
    assertThat(page.requestedUrls()).allSatisfy(url -> assertThat(url).startsWith("http://localhost:" + port + "/"));
  }

  private String refer(String tenant, String cpr) {
    return driver.refer(tenant, CourseSteps.referral(cpr, List.of("ledighed"))).getBusinessKey();
  }

  /** Referrals in the page's default period (the last twelve months), as the KPI API counts them for the user. */
  private long referrals(String user, String municipality) {
    java.time.YearMonth now = java.time.YearMonth.now(java.time.ZoneId.of("Europe/Copenhagen"));
    String query = "from=" + now.minusMonths(11) + "&to=" + now
        + (municipality == null ? "" : "&municipality=" + municipality);
    var response = EngineHttp.rest(port, user).get("/api/kpi/summary?" + query);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode summary = EngineHttp.json(response);
    return summary.path("referrals").path("total").asLong();
  }
}
