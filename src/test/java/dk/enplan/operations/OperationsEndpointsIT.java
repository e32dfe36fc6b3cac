package dk.enplan.operations;

import static org.assertj.core.api.Assertions.assertThat;

import dk.enplan.distribution.DistributionProperties;
import dk.enplan.distribution.DistributionProperties.SpecialistSystem;
import dk.enplan.course.CourseSteps;
import dk.enplan.testing.AttackReport;
import dk.enplan.testing.CourseDriver;
import dk.enplan.testing.CourseEngineTest;
import dk.enplan.testing.EngineHttp;
import dk.enplan.testing.TestIdentity;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The operations endpoints as a new entrance: who gets in (drift, camunda-admin), who does not (anonymous 401, staff
 * 403), and that nothing but health and Prometheus exists under /actuator (no env, beans, heapdump, shutdown …).
 */
@CourseEngineTest
class OperationsEndpointsIT {

  static final List<String> SWITCHED_OFF = List.of("env", "beans", "heapdump", "threaddump", "shutdown",
      "configprops", "loggers", "mappings", "metrics", "info", "conditions", "scheduledtasks", "caches", "startup",
      "sbom", "logfile", "flyway", "liquibase", "httpexchanges", "auditevents", "quartz", "sessions");

  @LocalServerPort int port;
  @Autowired TestIdentity identity;
  @Autowired OperationsGauges gauges;
  @Autowired JdbcTemplate jdbc;
  @Autowired CourseDriver driver;

  @BeforeEach
  void users() {
    identity.ensure();
  }

  @Test
  void anonymousCallersGet401AndStaff403() {
    for (String path : List.of("/actuator/health", "/actuator/health/readiness", "/actuator/health/liveness",
        "/actuator/prometheus", "/actuator", "/actuator/env", "/actuator;x/health", "/actuator/health;x",
        "/actuator/%68ealth", "/actuator/./health", "/x/../actuator/health")) {
      assertThat(anonymous(path, "GET")).as("anonymous %s", path).isIn(400, 401);
    }
    assertThat(anonymous("/actuator/shutdown", "POST")).isEqualTo(401);
    for (String user : List.of("koordinator.allerod", "leder.ballerup", "fagsystem.allerod", TestIdentity.NETWORK,
        TestIdentity.EVALUATOR)) {
      EngineHttp caller = EngineHttp.rest(port, user);
      assertThat(caller.get("/actuator/health").statusCode()).as(user).isEqualTo(403);
      assertThat(caller.get("/actuator/prometheus").statusCode()).as(user).isEqualTo(403);
      assertThat(caller.get("/actuator/health").body()).as(user).contains("drift").doesNotContain("\"db\"");
      AttackReport.record("/actuator", "health and metrics as " + user, user, 403, true, true);
    }
  }

  @Test
  void operationsAndAdministratorsSeeHealthWithItsGroups() {
    for (String user : List.of(TestIdentity.OPERATIONS, "admin")) {
      EngineHttp caller = EngineHttp.rest(port, user);
      HttpResponse<String> health = caller.get("/actuator/health");
      assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
      var components = EngineHttp.json(health).get("components");
      assertThat(components.has("db")).isTrue();
      assertThat(components.has("processEngine")).isTrue();
      assertThat(components.get("specialistSystems").get("status").asText()).isEqualTo("UP");
      assertThat(caller.get("/actuator/health/liveness").statusCode()).isEqualTo(200);
      HttpResponse<String> readiness = caller.get("/actuator/health/readiness");
      assertThat(readiness.statusCode()).isEqualTo(200);
      assertThat(EngineHttp.json(readiness).get("components").has("db")).isTrue();
    }
  }

  @Test
  void nothingButHealthAndPrometheusExists() {
    EngineHttp admin = EngineHttp.rest(port, "admin");
    for (String endpoint : SWITCHED_OFF) {
      assertThat(admin.get("/actuator/" + endpoint).statusCode()).as(endpoint).isEqualTo(404);
    }
    assertThat(admin.post("/actuator/shutdown", "{}").statusCode()).isEqualTo(404);
    assertThat(admin.get("/actuator").statusCode()).as("the endpoint list").isEqualTo(404);
    assertThat(admin.get("/actuator/health").statusCode()).as("still running after the shutdown attempt")
        .isEqualTo(200);
    AttackReport.record("/actuator", "POST shutdown, GET env, heapdump, beans as administrator", "admin", 404, true,
        true);
  }

  @Test
  void prometheusShowsTheOperationsGauges() {
    driver.refer("ballerup", CourseSteps.referral("0505051234", List.of("bolig")));
    gauges.refresh();
    HttpResponse<String> scrape = EngineHttp.rest(port, TestIdentity.OPERATIONS).get("/actuator/prometheus");
    assertThat(scrape.statusCode()).isEqualTo(200);
    assertThat(scrape.body()).contains("enplan_jobs_due{", "enplan_jobs_failed{",
        "enplan_incidents{application=\"en-plan\",type=\"failedJob\"}",
        "enplan_incidents{application=\"en-plan\",type=\"failedExternalTask\"}", "# TYPE enplan_tasks_open gauge",
        "enplan_tasks_open{application=\"en-plan\",municipality=\"ballerup\",task=\"visitation\"}",
        "# TYPE enplan_courses gauge", "# TYPE enplan_deliveries gauge",
        "enplan_deliveries{application=\"en-plan\",sector=\"beskaeftigelse\",status=\"FAILING\"}",
        // Helsingør: a municipality where no test refers a course (Hillerød is CourseMigrationIT's)
        "enplan_courses{application=\"en-plan\",municipality=\"helsingor\",status=\"ACTIVE\"} 0.0",
        "jvm_memory_used_bytes",
        "hikaricp_connections_active");
  }

  @Test
  void aFailingSpecialistSystemDegradesHealthButNotReadiness() {
    String course = "health-" + java.util.UUID.randomUUID().toString().substring(0, 29);
    jdbc.update("insert into course (id, tenant_id, citizen_name, cpr, referring_unit, referral_reason,"
        + " status, process_instance_id, created_at) values (?, 'hillerod', 'x', 'v1:x', 'x', 'x', "
        + "'ACTIVE', 'x', current_timestamp)", course);
    try {
      SpecialistSystemsHealth health = new SpecialistSystemsHealth(new DistributionProperties(List.of(
          new SpecialistSystem("hillerod", "beskaeftigelse", null, "http://localhost:1/", null, null),
          new SpecialistSystem("hillerod", "voksen", null, "http://localhost:1/", null, null)),
          null, null, null, null, null), jdbc);
      delivery(course, "1", "DELIVERED");
      delivery(course, "2", "FAILING");

      Health failing = health.health();
      assertThat(failing.getStatus()).isEqualTo(SpecialistSystemsHealth.DEGRADED);
      assertThat(failing.getDetails().get("hillerod/beskaeftigelse").toString())
          .contains("lastStatus=FAILING", "lastDeliveredAt=");
      assertThat(failing.getDetails().get("hillerod/voksen").toString()).contains("lastStatus=NONE");

      delivery(course, "3", "DELIVERED");
      assertThat(new SpecialistSystemsHealth(new DistributionProperties(List.of(
          new SpecialistSystem("hillerod", "beskaeftigelse", null, "http://localhost:1/", null, null)),
          null, null, null, null, null), jdbc).health().getStatus()).isEqualTo(Status.UP);
    } finally {
      // the row is no real course (its CPR is not encrypted): other tests of the shared context read every course
      jdbc.update("delete from distribution_record where course_id = ?", course);
      jdbc.update("delete from course where id = ?", course);
    }
  }

  private void delivery(String course, String version, String status) {
    jdbc.update("insert into distribution_record (course_id, sector, kind, plan_version, mode, idempotency_key, "
        + "status, attempts, created_at, delivered_at) values (?, 'beskaeftigelse', 'PLAN', ?, 'REFERENCE', ?, ?, 1, "
        + "current_timestamp, " + ("DELIVERED".equals(status) ? "current_timestamp" : "null") + ")", course,
        Integer.valueOf(version), course + ":" + version + ":beskaeftigelse", status);
  }

  private int anonymous(String path, String method) {
    try {
      return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
          .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (Exception e) {
      throw new IllegalStateException(path, e);
    }
  }
}
