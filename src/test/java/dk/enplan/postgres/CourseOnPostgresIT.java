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
import dk.enplan.testing.CourseEngineTest;
import dk.enplan.testing.TestIdentity;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.TaskQuery;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
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
@Tag(CourseEngineTest.AFTER_SHARED_CONTEXT)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "postgres"})
class CourseOnPostgresIT {

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
    // V1..V7 are SQL, 2.1 is the Java migration that encrypts stored CPR numbers (EncryptStoredCprMigration).
    assertThat(applied).containsExactly("1", "2", "2.1", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12");
    assertThat(Arrays.stream(flyway.info().all()).map(m -> m.getVersion().getVersion()))
        .as("every migration Flyway knows of is applied").containsExactlyElementsOf(applied);
    assertThat(flyway.info().pending()).isEmpty();
  }

  @Test
  void theEngineSchemaAdditionsAreApplied() {
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    assertThat(jdbc.queryForList("select version from enplan_engine_schema_history where success "
        + "order by installed_rank", String.class)).as("db/engine/postgres, after a baseline 0").containsExactly("0", "1", "2", "3", "4", "5",
        "6", "7");
    assertThat(jdbc.queryForObject("select count(*) from pg_statistic_ext where stxname = 'enplan_auth_perms_bits'",
        Integer.class)).as("statistics on the permission bits of ACT_RU_AUTHORIZATION").isEqualTo(1);
    assertThat(jdbc.queryForObject("select count(*) from pg_indexes where indexname = 'enplan_idx_auth_resource'",
        Integer.class)).as("covering index of the authorization check").isEqualTo(1);
    assertThat(jdbc.queryForList("select indexname from pg_indexes where indexname like 'enplan_idx_%'",
        String.class)).as("the covering authorization index, the index in Tasklist's order (V3 created an "
        + "identity-link index too, V4 dropped it, V6 created it again for the count, V7 has the tenant in it "
        + "instead), the task check's partial index (V5)")
        .containsExactlyInAnyOrder("enplan_idx_auth_resource", "enplan_idx_task_due", "enplan_idx_auth_task_check",
            "enplan_idx_ident_lnk_group_tenant");
    assertThat(jdbc.queryForObject("select current_setting('server_version_num')::int", Integer.class))
        .as("the PostgreSQL the tests run on stops the Tasklist page early (16+)").isGreaterThanOrEqualTo(160000);
    assertThat(jdbc.queryForList("select version || ' ' || type from enplan_camunda_schema_history where version is "
        + "not null", String.class)).as("the engine's own tables from its scripts, by Flyway (schema-update false)")
        .contains("7.24.0 JDBC").doesNotContain("7.24.0 BASELINE");
    assertThat(((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDatabaseSchemaUpdate())
        .isEqualTo("false");
    assertThat(migrations.getClass().getSimpleName()).as("the migrations run after the version check")
        .isEqualTo("SupportedPostgres");
    // application-postgres.yaml: Hikari's connection-init-sql on every connection of the pool
    assertThat(jdbc.queryForObject("show plan_cache_mode", String.class)).isEqualTo("force_custom_plan");
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine
        .getProcessEngineConfiguration();
    assertThat(configuration.isCmmnEnabled()).as("cmmn-enabled").isFalse();
    assertThat(configuration.isStandaloneTasksEnabled()).as("standalone-tasks-enabled").isFalse();
  }

  /**
   * On PostgreSQL the task count runs the application's statement (TaskCountQueryPlugin), the task list the engine's.
   * For every role and every shape of query Tasklist and the application use, the count is the engine's own count
   * (its statement, swapped back in for the comparison) and the number of tasks the engine's list returns.
   */
  @Test
  void theTaskCountIsTheEnginesForEveryRole() {
    // Courses waiting at visitation, at consent (assigned to the coordinator) and in sector assessments, in two
    // municipalities.
    steps.refer(List.of("ledighed"));
    ProcessInstance atConsent = steps.refer(List.of("ledighed", "forsoergelse"));
    steps.visitate(atConsent, List.of("beskaeftigelse"));
    steps.inJointAssessment("allerod", List.of("beskaeftigelse", "ydelse"));
    steps.inJointAssessment("ballerup", List.of("ydelse"));
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine
        .getProcessEngineConfiguration();
    DbSqlSessionFactory sessions = configuration.getDbSqlSessionFactory();
    assertThat(sessions.mapStatement("selectTaskCountByQueryCriteria")).as("the application's count statement")
        .isEqualTo("enplanSelectTaskCountByQueryCriteria");
    Map<String, String> ours = sessions.getStatementMappings();
    Map<String, String> engines = new HashMap<>(ours);
    engines.remove("selectTaskCountByQueryCriteria");

    record Role(String user, List<String> groups, String tenant) { }
    List<Role> roles = List.of(new Role("koordinator.allerod", List.of("koordinator"), "allerod"),
        new Role("visitation.allerod", List.of("visitation"), "allerod"),
        new Role("sektor-beskaeftigelse.allerod", List.of("sektor-beskaeftigelse"), "allerod"),
        new Role("sektor-ydelse.ballerup", List.of("sektor-ydelse"), "ballerup"),
        new Role("koordinator.ballerup", List.of("koordinator", "visitation"), "ballerup"),
        new Role("leder.allerod", List.of("leder"), "allerod"),
        new Role("sektor-ydelse.allerod", List.of("sektor-ydelse"), "ballerup"),
        new Role("nobody", List.of(), null),
        new Role("admin", List.of("camunda-admin"), null));
    TaskService tasks = engine.getTaskService();
    Map<String, java.util.function.Function<Role, TaskQuery>> queries = new java.util.LinkedHashMap<>();
    queries.put("all", role -> tasks.createTaskQuery());
    queries.put("Koordinator", role -> tasks.createTaskQuery().taskCandidateGroup("koordinator")
        .includeAssignedTasks().orderByDueDate().asc().orderByTaskCreateTime().asc());
    queries.put("Min sektor", role -> tasks.createTaskQuery().taskCandidateGroupIn(role.groups().isEmpty()
        ? List.of("-") : role.groups()).orderByDueDate().asc());
    queries.put("Mine opgaver", role -> tasks.createTaskQuery().taskAssignee(role.user()));
    queries.put("course tasks, active", role -> tasks.createTaskQuery().processDefinitionKey("en-plan").active());
    queries.put("sector processes", role -> tasks.createTaskQuery().processDefinitionKeyIn("sektor-udredning",
        "sektor-indsats"));
    queries.put("or", role -> tasks.createTaskQuery().or().taskCandidateGroup("sektor-ydelse")
        .taskAssignee("koordinator.allerod").endOr());
    queries.put("tenant", role -> tasks.createTaskQuery().tenantIdIn("ballerup"));
    int nonZero = 0;
    for (Role role : roles) {
      for (var query : queries.entrySet()) {
        long count = driver.as(role.user(), role.groups(), role.tenant(), () -> query.getValue().apply(role).count());
        long listed = driver.as(role.user(), role.groups(), role.tenant(),
            () -> query.getValue().apply(role).list().size());
        long enginesCount;
        sessions.setStatementMappings(engines);
        try {
          enginesCount = driver.as(role.user(), role.groups(), role.tenant(),
              () -> query.getValue().apply(role).count());
        } finally {
          sessions.setStatementMappings(ours);
        }
        assertThat(count).as(role.user() + ", " + query.getKey() + ": the engine's count").isEqualTo(enginesCount);
        assertThat(count).as(role.user() + ", " + query.getKey() + ": the engine's list").isEqualTo(listed);
        nonZero += count > 0 ? 1 : 0;
      }
    }
    assertThat(nonZero).as("most combinations see tasks").isGreaterThan(20);
    assertThat(driver.as("koordinator.allerod", List.of("koordinator"), "allerod",
        () -> tasks.createTaskQuery().tenantIdIn("ballerup").count())).as("no task of another municipality")
        .isZero();
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
