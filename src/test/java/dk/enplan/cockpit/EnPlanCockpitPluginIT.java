package dk.enplan.cockpit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dk.enplan.course.CourseSteps;
import dk.enplan.testing.CourseDriver;
import dk.enplan.testing.CourseEngineTest;
import dk.enplan.testing.EngineHttp;
import dk.enplan.testing.TestIdentity;
import java.net.http.HttpResponse;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Én Plan's Cockpit plugin over HTTP, as the page calls it in a logged-in Cockpit session: Cockpit lists and loads
 * the plugin and the chart library from the application; the KPIs reach the page with the Cockpit login and exactly
 * as the KPI API answers that user over HTTP Basic; who may not is refused; and Cockpit's own task counts agree for
 * a leader. The page itself in a browser: {@link CockpitKpiPageIT}.
 */
@CourseEngineTest
class EnPlanCockpitPluginIT {

  private static final String PLUGIN = "/camunda/api/cockpit/plugin/en-plan/";
  private static final String PERIOD = "from=2022-01&to=2030-12";

  @LocalServerPort int port;
  @Autowired TestIdentity identity;
  @Autowired CourseDriver driver;
  @Autowired TaskService tasks;

  @BeforeEach
  void setUp() {
    identity.ensure();
  }

  @Test
  void cockpitLoadsThePluginAndTheChartLibraryFromTheApplication() {
    EngineHttp leader = EngineHttp.webapp(port, "leder.allerod", "cockpit");
    HttpResponse<String> index = leader.get("/camunda/app/cockpit/default/");
    assertThat(index.body()).as("Cockpit's index lists the plugin for Cockpit to load")
        .contains("cockpit-plugin-en-plan").contains(PLUGIN + "static/app");

    HttpResponse<String> plugin = leader.get(PLUGIN + "static/app/plugin.js");
    assertThat(plugin.statusCode()).isEqualTo(200);
    assertThat(plugin.body()).contains("cockpit.route", "cockpit.navigation", "cockpit.dashboard", "Én Plan – nøgletal");
    assertThat(plugin.body()).as("nothing from another site").doesNotContain("http://", "https://");
    assertThat(leader.get(PLUGIN + "static/app/plugin.css").statusCode()).isEqualTo(200);

    HttpResponse<String> charts = leader.get(PLUGIN + "static/app/echarts.js");
    assertThat(charts.statusCode()).isEqualTo(200);
    assertThat(charts.headers().firstValue("Content-Type").orElse("")).startsWith("text/javascript");
    assertThat(charts.body()).as("Apache ECharts as an ES module, from its WebJar").contains("export{")
        .hasSizeGreaterThan(500_000);
    assertThat(leader.get(PLUGIN + "static/app/echarts.esm.min.js").statusCode())
        .as("only the plugin's three assets, no other file of the WebJar").isNotEqualTo(200);
  }

  @Test
  void theKpisReachThePageWithTheCockpitLoginAsTheKpiApiAnswersThatUser() {
    driver.refer("allerod", CourseSteps.referral("0101901234", List.of("ledighed")));
    driver.refer("ballerup", CourseSteps.referral("0101901234", List.of("ledighed")));

    EngineHttp leader = EngineHttp.webapp(port, "leder.allerod", "cockpit");
    JsonNode page = EngineHttp.json(ok(leader.get(PLUGIN + "default/kpi/summary?" + PERIOD)));
    JsonNode api = EngineHttp.json(ok(EngineHttp.rest(port, "leder.allerod").get("/api/kpi/summary?" + PERIOD)));
    assertThat(page).isEqualTo(api);
    assertThat(page.path("scope").path("municipality").asText()).isEqualTo("allerod");
    assertThat(page.path("referrals").path("total").asLong()).isPositive();

    JsonNode courses = EngineHttp.json(ok(leader.get(PLUGIN + "default/kpi/courses?kpi=referrals&" + PERIOD)));
    assertThat(courses.path("courses")).isNotEmpty();
    // Masked, or none (a course refused at visitation may have been referred without a usable CPR number).
    courses.path("courses").forEach(course -> assertThat(course.path("maskedCpr").asText(""))
        .matches("(\\d{6}-xxxx)?"));

    EngineHttp network = EngineHttp.webapp(port, TestIdentity.NETWORK, "cockpit");
    JsonNode networkWide = EngineHttp.json(ok(network.get(PLUGIN + "default/kpi/summary?" + PERIOD)));
    assertThat(networkWide.path("scope").path("municipality").isNull()).isTrue();
    assertThat(networkWide.path("referrals").path("total").asLong())
        .isGreaterThan(page.path("referrals").path("total").asLong());
    assertThat(EngineHttp.json(ok(network.get(PLUGIN + "default/kpi/summary?municipality=ballerup&" + PERIOD)))
        .path("scope").path("name").asText()).isEqualTo("Ballerup");
    JsonNode municipalities = EngineHttp.json(ok(network.get(PLUGIN + "default/municipalities")));
    assertThat(municipalities.findValuesAsText("tenant")).contains("allerod", "ballerup");
  }

  @Test
  void whoMayNotReadTheKpisIsRefused() {
    EngineHttp leader = EngineHttp.webapp(port, "leder.allerod", "cockpit");
    assertThat(leader.get(PLUGIN + "default/kpi/summary?municipality=ballerup&" + PERIOD).statusCode())
        .as("another municipality's figures").isEqualTo(403);
    assertThat(leader.get(PLUGIN + "default/kpi/courses?kpi=referrals&municipality=ballerup&" + PERIOD)
        .statusCode()).as("another municipality's courses").isEqualTo(403);
    assertThat(leader.get(PLUGIN + "default/kpi/summary?from=2026-13&to=2026-12").statusCode())
        .as("a bad month, in the KPI API's words").isEqualTo(400);
    assertThat(leader.get(PLUGIN + "default/kpi/other").statusCode()).isEqualTo(404);
    assertThat(leader.post(PLUGIN + "default/kpi/summary?" + PERIOD, "{}").statusCode()).as("read only")
        .isEqualTo(403);

    EngineHttp network = EngineHttp.webapp(port, TestIdentity.NETWORK, "cockpit");
    assertThat(network.get(PLUGIN + "default/kpi/courses?kpi=referrals&municipality=allerod&" + PERIOD)
        .statusCode()).as("the network sees no citizens").isEqualTo(403);
    assertThat(network.post("/camunda/api/cockpit/plugin/base/default/process-instance", "{}").statusCode())
        .as("the network reads no courses in Cockpit").isEqualTo(403);

    EngineHttp coordinator = EngineHttp.webapp(port, "koordinator.allerod", "tasklist");
    assertThat(coordinator.get(PLUGIN + "default/kpi/summary?" + PERIOD).statusCode()).isEqualTo(403);
    assertThat(EngineHttp.anonymousWebapp(port).get(PLUGIN + "default/kpi/summary?" + PERIOD).statusCode())
        .isEqualTo(401);
  }

  @Test
  void cockpitsTaskCountsAgreeForALeader() {
    driver.refer("allerod", CourseSteps.referral("0101901234", List.of("ledighed")));
    driver.refer("ballerup", CourseSteps.referral("0101901234", List.of("ledighed")));
    long allerod = tasks.createTaskQuery().tenantIdIn("allerod").count();

    EngineHttp leader = EngineHttp.webapp(port, "leder.allerod", "cockpit");
    // The start page counts open tasks; "Brugeropgaver" counts them by assignment from the task history.
    long open = EngineHttp.json(ok(leader.get(leader.engine("task/count")))).path("count").asLong();
    long byAssignment = EngineHttp.json(ok(leader.post(leader.engine("history/task/count"),
        "{\"unfinished\": true}"))).path("count").asLong();
    assertThat(open).isEqualTo(allerod).isPositive();
    assertThat(byAssignment).as("Brugeropgaver's total, 0 before HISTORIC_TASK READ").isEqualTo(allerod);
  }

  private static HttpResponse<String> ok(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return response;
  }
}
