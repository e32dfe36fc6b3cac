package dk.enplan.bench;

import static dk.enplan.course.CourseProcess.Elements.CLOSE_COURSE;
import static dk.enplan.course.CourseProcess.Elements.CLOSE_WITH_CITIZEN;

import dk.enplan.course.CourseSteps;
import dk.enplan.testing.CourseDriver;
import dk.enplan.testing.TestIdentity;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Throughput of whole courses on the application's own engine (profile {@code test}, no job executor; H2 in-memory
 * or PostgreSQL, see {@link BenchDatabase}), against the engine's floor: a bare process with one user task, started
 * and completed the same way on the same engine. Prints figures, asserts nothing about time. Not part of
 * {@code mvn verify}; run with {@code mvn -Pbench test -Dtest=CourseThroughputBenchmark} (see docs/benchmarks.md).
 *
 * <p>A course: referral, visitation with three sectors, consent, three sector assessments, plan meeting, decision,
 * distribution, a follow-up "fortsaet", the six sector intervention tasks, a follow-up "afslut", closure. Every
 * step as Tasklist would do it (the driver reads each task's deployed form and its identity links), jobs and timers
 * run by element id. Flow-node instances are the rows the engine writes to ACT_HI_ACTINST (called sector and
 * delivery processes included).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles(resolver = BenchDatabase.Profiles.class)
@Order(1)
class CourseThroughputBenchmark {

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    BenchDatabase.register(registry, "course", "jdbc:h2:mem:enplan-bench-course;DB_CLOSE_DELAY=-1");
  }

  static final List<String> SECTORS = List.of("beskaeftigelse", "ydelse", "familie");

  static final int WARM_UP_COURSES = Integer.getInteger("bench.warmUpCourses", 30);
  static final int COURSES = Integer.getInteger("bench.courses", 200);
  static final int WARM_UP_BARE = Integer.getInteger("bench.warmUpBare", 1_000);
  static final int BARE = Integer.getInteger("bench.bare", 5_000);

  @Autowired CourseSteps steps;
  @Autowired CourseDriver driver;
  @Autowired TestIdentity testIdentity;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired RepositoryService repository;
  @Autowired JdbcTemplate jdbc;
  @Autowired ProcessEngine processEngine;

  /** Where the engine keeps what a finished instance leaves behind (history level full). */
  static final List<String> HISTORY_TABLES = List.of("ACT_HI_PROCINST", "ACT_HI_ACTINST", "ACT_HI_TASKINST",
      "ACT_HI_VARINST", "ACT_HI_DETAIL", "ACT_HI_IDENTITYLINK", "ACT_HI_OP_LOG", "ACT_HI_JOB_LOG", "ACT_HI_DECINST",
      "ACT_HI_DEC_IN", "ACT_HI_DEC_OUT", "ACT_HI_EXT_TASK_LOG", "ACT_HI_INCIDENT", "ACT_HI_COMMENT");

  record Run(String what, int instances, long flowNodes, long historyRows, long nanos) {

    double seconds() {
      return nanos / 1e9;
    }

    double instancesPerSecond() {
      return instances / seconds();
    }

    double flowNodesPerSecond() {
      return flowNodes / seconds();
    }
  }

  @Test
  void coursesAgainstTheBareProcess() {
    testIdentity.ensure();
    deployBareProcess();

    measure("warm-up courses", WARM_UP_COURSES, this::course);
    measure("warm-up bare", WARM_UP_BARE, this::bare);
    Run courses = measure("Én Plan course", COURSES, this::course);
    Run bare = measure("bare user task", BARE, this::bare);

    double ratio = courses.flowNodesPerSecond() / bare.flowNodesPerSecond();
    StringBuilder table = new StringBuilder("\n=== CourseThroughputBenchmark (" + BenchDatabase.describe() + ") ===\n");
    table.append(String.format("%-16s %9s %13s %9s %12s %14s %12s%n", "process", "instances", "flow nodes",
        "seconds", "instances/s", "flow nodes/s", "ms/instance"));
    for (Run run : List.of(courses, bare)) {
      table.append(String.format("%-16s %9d %13d %9.2f %12.1f %14.0f %12.2f%n", run.what(), run.instances(),
          run.flowNodes(), run.seconds(), run.instancesPerSecond(), run.flowNodesPerSecond(),
          run.seconds() * 1000 / run.instances()));
    }
    table.append(String.format("flow nodes per course: %.1f; per bare instance: %.1f%n",
        (double) courses.flowNodes() / courses.instances(), (double) bare.flowNodes() / bare.instances()));
    table.append(String.format("history rows per flow node (all ACT_HI_* tables): course %.1f, bare %.1f "
        + "(history level %s)%n", (double) courses.historyRows() / courses.flowNodes(),
        (double) bare.historyRows() / bare.flowNodes(), processEngine.getProcessEngineConfiguration()
            .getHistory()));
    table.append(String.format("ratio course flow nodes/s : bare flow nodes/s = %.2f (target >= 0.70)%n", ratio));
    table.append(String.format("warm-up: %d courses, %d bare instances; cores %d, max heap %d MB%n",
        WARM_UP_COURSES, WARM_UP_BARE, Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() / (1024 * 1024)));
    System.out.println(table);
  }

  private Run measure(String what, int count, Runnable oneInstance) {
    long historyBefore = historyRows();
    long flowNodesBefore = history.createHistoricActivityInstanceQuery().count();
    long start = System.nanoTime();
    for (int i = 0; i < count; i++) {
      oneInstance.run();
    }
    long nanos = System.nanoTime() - start;
    long flowNodes = history.createHistoricActivityInstanceQuery().count() - flowNodesBefore;
    return new Run(what, count, flowNodes, historyRows() - historyBefore, nanos);
  }

  private long historyRows() {
    return HISTORY_TABLES.stream().mapToLong(table -> jdbc.queryForObject("select count(*) from " + table,
        Long.class)).sum();
  }

  /** One course from referral to closure: three sectors, follow-up "fortsaet" then "afslut". */
  private void course() {
    ProcessInstance course = steps.inInterventionPhase(SECTORS);
    steps.followUp(course, "fortsaet");
    steps.finishInterventions(course);
    steps.followUp(course, "afslut");
    driver.complete(steps.task(course, CLOSE_WITH_CITIZEN), Map.of("closureReason", "maal_naaet",
        "finalProgression", 8, "closureNote", "Borgeren er i job."));
    driver.executeJob(course, CLOSE_COURSE);
    if (runtime.createProcessInstanceQuery().processInstanceId(course.getId()).count() != 0) {
      throw new IllegalStateException("course " + course.getId() + " did not end");
    }
  }

  static final String BARE_KEY = "bench-bare-user-task";

  private void deployBareProcess() {
    if (repository.createProcessDefinitionQuery().processDefinitionKey(BARE_KEY).count() > 0) {
      return;
    }
    BpmnModelInstance model = Bpmn.createExecutableProcess(BARE_KEY).camundaHistoryTimeToLive(1)
        .startEvent("start").userTask("task").camundaCandidateGroups("visitation").endEvent("end").done();
    repository.createDeployment().name(BARE_KEY).addModelInstance(BARE_KEY + ".bpmn", model).deploy();
  }

  /**
   * The floor: start as a visitation caseworker of Allerød, find the task, read its identity links and complete it
   * as a member of those groups, as the driver does for a course's tasks (without the form).
   */
  private void bare() {
    ProcessInstance instance = driver.as("visitation.allerod", List.of("visitation"), "allerod",
        () -> runtime.startProcessInstanceByKey(BARE_KEY));
    Task task = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
    List<String> groups = tasks.getIdentityLinksForTask(task.getId()).stream()
        .map(link -> link.getGroupId()).filter(g -> g != null).toList();
    driver.as("sagsbehandler", groups, task.getTenantId(), () -> {
      tasks.complete(task.getId());
      return null;
    });
  }
}
