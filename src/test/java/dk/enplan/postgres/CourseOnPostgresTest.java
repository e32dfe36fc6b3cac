package dk.enplan.postgres;

import static dk.enplan.course.CourseProcess.Elements.CLOSE_COURSE;
import static dk.enplan.course.CourseProcess.Elements.CLOSE_WITH_CITIZEN;
import static dk.enplan.course.CourseProcess.Elements.PLAN_MEETING;
import static dk.enplan.course.CourseSteps.businessKey;
import static org.assertj.core.api.Assertions.assertThat;

import dk.enplan.course.CourseService;
import dk.enplan.course.CourseStatus;
import dk.enplan.course.CourseSteps;
import dk.enplan.plan.PlanStore;
import dk.enplan.plan.PlanVersion;
import dk.enplan.testing.CourseDriver;
import dk.enplan.testing.TestIdentity;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The application on a real PostgreSQL (embedded, one per test JVM, a fresh database for this context): Flyway's
 * migrations and Camunda's schema on PostgreSQL, a whole course from referral to closure, and a plan revision.
 *
 * <p>Runs after the other classes (only the coverage summary follows): run before them, its contexts with their own
 * engine names broke the webapp tests of the shared H2 context (Admin setup answered 500 instead of 403, Tasklist's
 * login page never showed); the Camunda webapps look engines up through JVM-wide state.
 */
@Order(Integer.MAX_VALUE - 1)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "postgres"})
class CourseOnPostgresTest {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    // The production profile "postgres" (pool, session settings), its database from ENPLAN_DB_*; the job executor
    // off as in the other process tests (they run jobs and timers by element id).
    String url = EmbeddedPostgresSupport.newDatabase("course");
    registry.add("ENPLAN_DB_URL", () -> url);
    registry.add("ENPLAN_DB_USER", () -> EmbeddedPostgresSupport.USER);
    registry.add("ENPLAN_DB_PASSWORD", () -> EmbeddedPostgresSupport.PASSWORD);
    registry.add("camunda.bpm.job-execution.enabled", () -> "false");
    // Its own engine name (no hyphen, the starter ignores such names): other test contexts use "default".
    registry.add("camunda.bpm.process-engine-name", () -> "postgrescourse");
  }

  @Autowired CourseSteps steps;
  @Autowired CourseDriver driver;
  @Autowired TestIdentity identity;
  @Autowired RuntimeService runtime;
  @Autowired ProcessEngine engine;
  @Autowired HistoryService history;
  @Autowired CourseService courses;
  @Autowired PlanStore plans;
  @Autowired DataSource dataSource;
  @Autowired Flyway flyway;
  @Autowired FlywayMigrationStrategy migrations;
  @Autowired dk.enplan.kpi.KpiLedger ledger;
  @Autowired dk.enplan.kpi.KpiRebuild rebuild;
  @Autowired org.springframework.transaction.support.TransactionTemplate transaction;

  @BeforeEach
  void setUp() {
    identity.ensure();
  }

  @Test
  void runsOnPostgresql() throws Exception {
    try (var connection = dataSource.getConnection()) {
      assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
    }
    assertThat(((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDatabaseType())
        .isEqualTo("postgres");
  }

  @Test
  void flywayHasAppliedEveryMigration() {
    List<String> applied = new JdbcTemplate(dataSource).queryForList(
        "select version from flyway_schema_history where success order by installed_rank", String.class);
    // V1..V6 are SQL, 2.1 is the Java migration that encrypts stored CPR numbers (EncryptStoredCprMigration).
    assertThat(applied).containsExactly("1", "2", "2.1", "3", "4", "5", "6");
    assertThat(Arrays.stream(flyway.info().all()).map(m -> m.getVersion().getVersion()))
        .as("every migration Flyway knows of is applied").containsExactlyElementsOf(applied);
    assertThat(flyway.info().pending()).isEmpty();
  }

  @Test
  void theEngineSchemaAdditionsAreApplied() {
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    assertThat(jdbc.queryForList("select version from enplan_engine_schema_history where success "
        + "order by installed_rank", String.class)).as("db/engine/postgres, after a baseline 0").containsExactly("0", "1", "2", "3", "4", "5");
    assertThat(jdbc.queryForObject("select count(*) from pg_statistic_ext where stxname = 'enplan_auth_perms_bits'",
        Integer.class)).as("statistics on the permission bits of ACT_RU_AUTHORIZATION").isEqualTo(1);
    assertThat(jdbc.queryForObject("select count(*) from pg_indexes where indexname = 'enplan_idx_auth_resource'",
        Integer.class)).as("covering index of the authorization check").isEqualTo(1);
    assertThat(jdbc.queryForList("select indexname from pg_indexes where indexname like 'enplan_idx_%'",
        String.class)).as("the covering authorization index, the index in Tasklist's order (V3 created an "
        + "identity-link index too, V4 dropped it) and the task check's partial index (V5)")
        .containsExactlyInAnyOrder("enplan_idx_auth_resource", "enplan_idx_task_due", "enplan_idx_auth_task_check");
    assertThat(jdbc.queryForObject("select current_setting('server_version_num')::int", Integer.class))
        .as("the PostgreSQL the tests run on stops the Tasklist page early (16+)").isGreaterThanOrEqualTo(160000);
    assertThat(migrations.getClass().getSimpleName()).as("the migrations run after the version check")
        .isEqualTo("SupportedPostgres");
    // application-postgres.yaml: Hikari's connection-init-sql on every connection of the pool
    assertThat(jdbc.queryForObject("show plan_cache_mode", String.class)).isEqualTo("force_custom_plan");
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine
        .getProcessEngineConfiguration();
    assertThat(configuration.isCmmnEnabled()).as("cmmn-enabled").isFalse();
    assertThat(configuration.isStandaloneTasksEnabled()).as("standalone-tasks-enabled").isFalse();
  }

  @Test
  void aWholeCourseFromReferralToClosure() {
    ProcessInstance course = steps.inInterventionPhase(List.of("beskaeftigelse", "ydelse"));
    String courseId = businessKey(course);
    assertThat(plans.history(courseId)).extracting(PlanVersion::version).containsExactly(1);

    steps.finishInterventions(course);
    steps.followUp(course, "afslut");
    driver.complete(steps.task(course, CLOSE_WITH_CITIZEN), Map.of("closureReason", "maal_naaet",
        "finalProgression", 8, "closureNote", "Borgeren er i job."));
    driver.executeJob(course, CLOSE_COURSE);

    assertThat(runtime.createProcessInstanceQuery().processInstanceId(course.getId()).count()).isZero();
    assertThat(courses.get(courseId).status()).isEqualTo(CourseStatus.CLOSED);
    assertThat(plans.current(courseId).orElseThrow().interventions()).hasSize(2);
    assertThat(plans.progression(courseId)).hasSize(6);
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(course.getId()).singleResult()
        .getEndTime()).isNotNull();

    // The KPI read model on PostgreSQL (docs/kpi.md): recorded once per key ("on conflict"), rebuilt to the same rows.
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    assertThat(jdbc.queryForMap("select status, closure_reason, plan_versions, plan_active from kpi_course"
        + " where course_id = ?", courseId)).containsEntry("status", "CLOSED").containsEntry("closure_reason",
        "maal_naaet").containsEntry("plan_versions", 1).containsEntry("plan_active", false);
    var again = dk.enplan.courseevent.CourseEvent.of(dk.enplan.courseevent.CourseEvent.Kind.ENDED, "ended:" + courseId,
        courseId, "maal_naaet", java.time.Instant.now());
    Boolean recordedAgain = transaction.execute(status -> ledger.record(again));
    assertThat(recordedAgain).as("a second node ending it again").isFalse();
    String counters = "select tenant_id, yyyymm, metric, item, amount from kpi_month where amount <> 0"
        + " order by tenant_id, yyyymm, metric, item";
    var before = jdbc.queryForList(counters);
    assertThat(rebuild.rebuild().eventsAdded()).isZero();
    assertThat(jdbc.queryForList(counters)).isEqualTo(before);
  }

  @Test
  void aRevisedPlanIsVersionTwoAndVersionOneStaysAsItWas() {
    ProcessInstance course = steps.inInterventionPhase(List.of("beskaeftigelse", "ydelse"));
    String courseId = businessKey(course);
    PlanVersion first = plans.current(courseId).orElseThrow();

    steps.followUp(course, "revider");
    Map<String, Object> revised = new HashMap<>(CourseSteps.planMeeting("ja", List.of("ydelse")));
    revised.put("citizenGoals", "Nu vil jeg også tage kørekort.");
    driver.complete(steps.task(course, PLAN_MEETING), revised);
    steps.decide(course);

    assertThat(plans.history(courseId)).extracting(PlanVersion::version).containsExactly(1, 2);
    assertThat(plans.history(courseId).get(0).citizenGoals()).isEqualTo(first.citizenGoals());
    assertThat(plans.current(courseId).orElseThrow().citizenGoals()).isEqualTo("Nu vil jeg også tage kørekort.");
    assertThat(runtime.getVariable(course.getId(), "planVersion")).isEqualTo(2);
  }
}
