package dk.enplan.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import dk.enplan.course.CourseSteps;
import dk.enplan.testing.CourseDriver;
import dk.enplan.testing.EngineOnlyTest;
import dk.enplan.testing.TestIdentity;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A task count is answered again only while nothing it could count has changed: every change of a municipality's
 * tasks, assignments and grants is counted anew, another municipality's changes are not, and a transaction that
 * changed tasks counts from the database.
 */
@EngineOnlyTest
class TaskCountCacheTest {

  @Autowired CourseSteps steps;
  @Autowired CourseDriver driver;
  @Autowired TestIdentity identity;
  @Autowired TaskService tasks;
  @Autowired org.camunda.bpm.engine.RuntimeService runtime;
  @Autowired AuthorizationService authorizations;
  @Autowired TransactionTemplate transactions;
  @Autowired JdbcTemplate jdbc;
  @Autowired TaskCountCachePlugin plugin;

  private long again;
  private long counted;
  private long inFull;

  @BeforeEach
  void setUp() {
    identity.ensure();
  }

  @Test
  void aCountIsAnsweredAgainUntilATaskOfItsMunicipalityChanges() {
    steps.inJointAssessment("ballerup", List.of("ydelse"));
    ProcessInstance first = steps.refer(List.of("ledighed", "forsoergelse"));
    long waiting = visitation("allerod");
    assertThat(waiting).isPositive();
    assertCountedAnew();

    assertThat(visitation("allerod")).isEqualTo(waiting);
    assertAnsweredAgain();

    long ballerup = visitation("ballerup");
    assertCountedAnew();
    driver.refer("ballerup", CourseSteps.referral("0101901234", List.of("ledighed", "forsoergelse")));
    assertThat(visitation("allerod")).as("another municipality's referral").isEqualTo(waiting);
    assertAnsweredAgain();
    assertThat(visitation("ballerup")).isEqualTo(ballerup + 1);
    assertCountedAnew();

    steps.refer(List.of("ledighed", "forsoergelse"));
    assertThat(visitation("allerod")).as("a referral").isEqualTo(waiting + 1);
    assertOnlyChangedCoursesCounted();

    Task task = steps.task(first, "visitation");
    tasks.claim(task.getId(), "visitation.allerod");
    assertThat(visitation("allerod")).as("claimed: no longer unassigned").isEqualTo(waiting);
    assertOnlyChangedCoursesCounted();
    tasks.setAssignee(task.getId(), null);
    assertThat(visitation("allerod")).as("unclaimed").isEqualTo(waiting + 1);
    assertOnlyChangedCoursesCounted();
  }

  /**
   * A count kept per course, brought up to date by counting only the changed courses again, is after every kind of
   * change what the database counts (the task list itself is never kept): for a filter by group, by assignee or
   * group (an or-query) and by a process variable, through referrals, claims, completions, variables and a
   * course deleted.
   */
  @Test
  void aCountKeptPerCourseIsTheDatabasesAfterEveryChange() {
    ProcessInstance first = steps.refer(List.of("ledighed", "forsoergelse"));
    ProcessInstance second = steps.refer(List.of("ledighed"));
    String secondsName = runtimeVariable(second, "citizenName");
    String firstsName = runtimeVariable(first, "citizenName");
    List<java.util.function.Supplier<org.camunda.bpm.engine.task.TaskQuery>> queries = List.of(
        () -> tasks.createTaskQuery().taskCandidateGroup("visitation"),
        () -> tasks.createTaskQuery().or().taskAssignee("visitation.allerod").taskCandidateGroup("visitation")
            .endOr(),
        () -> tasks.createTaskQuery().taskCandidateGroup("visitation").processVariableValueEquals("citizenName",
            secondsName));
    List<Runnable> changes = List.of(
        () -> steps.refer(List.of("ledighed", "forsoergelse")),
        () -> tasks.claim(steps.task(first, "visitation").getId(), "visitation.allerod"),
        () -> steps.refer(List.of("ledighed")),
        () -> tasks.setVariable(steps.task(second, "visitation").getId(), "citizenName", "Et andet navn"),
        () -> tasks.setAssignee(steps.task(first, "visitation").getId(), null),
        () -> tasks.setVariable(steps.task(second, "visitation").getId(), "citizenName",
            firstsName),
        () -> steps.visitate(first, List.of("beskaeftigelse")),
        () -> runtime.deleteProcessInstance(second.getId(), "test"));
    for (int round = 0; round < 2; round++) {
      queries.forEach(this::assertKeptCountIsTheDatabases);
    }
    long before = plugin.cache().countedChangedCourses.get();
    for (Runnable change : changes) {
      change.run();
      queries.forEach(this::assertKeptCountIsTheDatabases);
    }
    assertThat(plugin.cache().countedChangedCourses.get() - before).as("counted by changed courses")
        .isGreaterThanOrEqualTo(changes.size() * queries.size() / 2);
  }

  private void assertKeptCountIsTheDatabases(java.util.function.Supplier<org.camunda.bpm.engine.task.TaskQuery> q) {
    driver.as("visitation.allerod", List.of("visitation"), "allerod", () -> {
      assertThat(q.get().count()).isEqualTo(q.get().list().size());
      return null;
    });
  }

  private String runtimeVariable(ProcessInstance course, String name) {
    return (String) runtime.getVariable(course.getId(), name);
  }

  /**
   * A filter saved over REST holds an empty list of courses (process instances), which the statement ignores: its
   * count is brought up to date by the changed courses as well.
   */
  @Test
  void aQueryWithAnEmptyListOfCoursesIsCountedByItsChangedCourses() {
    ProcessInstance course = steps.refer(List.of("ledighed", "forsoergelse"));
    java.util.function.Supplier<Long> count = () -> driver.as("visitation.allerod", List.of("visitation"),
        "allerod", () -> tasks.createTaskQuery().taskCandidateGroup("visitation").processInstanceIdIn().count());
    long waiting = count.get();
    steps.refer(List.of("ledighed"));
    assertThat(count.get()).as("a referral, counted per course").isEqualTo(waiting + 1);
    remember();

    tasks.claim(steps.task(course, "visitation").getId(), "visitation.allerod");
    assertThat(count.get()).as("claimed").isEqualTo(waiting);
    assertOnlyChangedCoursesCounted();
  }

  @Test
  void changesNoLongerKeptOrWithoutACourseAreCountedInFull() {
    steps.refer(List.of("ledighed", "forsoergelse"));
    long waiting = visitation("allerod");
    visitation("allerod");
    remember();
    steps.refer(List.of("ledighed"));
    assertThat(visitation("allerod")).isEqualTo(waiting + 1);
    assertCountedAnew();

    jdbc.update("insert into task_list_change (tenant_id, version, course) select tenant_id, version + 1, ?"
        + " from task_list_version where tenant_id = 'allerod'", TaskListChanges.WHOLE);
    jdbc.update("update task_list_version set version = version + 1 where tenant_id = 'allerod'");
    assertThat(visitation("allerod")).as("a change without a course").isEqualTo(waiting + 1);
    assertCountedInFull();

    steps.refer(List.of("ledighed"));
    jdbc.update("delete from task_list_change where tenant_id = 'allerod'");
    assertThat(visitation("allerod")).as("changes no longer kept").isEqualTo(waiting + 2);
    assertCountedInFull();
  }

  @Test
  void aGrantTakenAwayOnItsOwnIsCountedAnew() {
    ProcessInstance course = steps.refer(List.of("ledighed", "forsoergelse"));
    long waiting = visitation("allerod");
    assertCountedAnew();
    assertThat(visitation("allerod")).isEqualTo(waiting);
    assertAnsweredAgain();

    Task task = steps.task(course, "visitation");
    Authorization grant = authorizations.createAuthorizationQuery().resourceType(Resources.TASK)
        .resourceId(task.getId()).groupIdIn("visitation").singleResult();
    authorizations.deleteAuthorization(grant.getId());

    assertThat(visitation("allerod")).as("the group may no longer read the task").isEqualTo(waiting - 1);
    assertCountedInFull();
  }

  @Test
  void aTransactionThatChangedTasksCountsFromTheDatabase() {
    ProcessInstance course = steps.refer(List.of("ledighed", "forsoergelse"));
    long waiting = visitation("allerod");
    assertThat(visitation("allerod")).isEqualTo(waiting);
    Task task = steps.task(course, "visitation");

    long inside = transactions.execute(status -> {
      tasks.claim(task.getId(), "visitation.allerod");
      long count = visitation("allerod");
      status.setRollbackOnly();
      return count;
    });

    assertThat(inside).as("its own claim, not yet committed").isEqualTo(waiting - 1);
    assertThat(visitation("allerod")).as("rolled back").isEqualTo(waiting);
  }

  @Test
  void aVersionRaisedByAnotherNodeIsCountedAnew() {
    steps.refer(List.of("ledighed", "forsoergelse"));
    long waiting = visitation("allerod");
    assertCountedAnew();
    assertThat(visitation("allerod")).isEqualTo(waiting);
    assertAnsweredAgain();

    jdbc.update("update task_list_version set version = version + 1 where tenant_id = 'allerod'");
    assertThat(visitation("allerod")).as("a version without its changes").isEqualTo(waiting);
    assertCountedInFull();
  }

  @Test
  void aChangeRaisesItsMunicipalitysVersionAtCommitOnlyAndAtOnceOutsideATransaction() {
    TaskListChanges changes = new TaskListChanges(jdbc, false);
    TaskEntity task = new TaskEntity();
    task.setTenantId("versionstest");

    transactions.executeWithoutResult(status -> {
      changes.written(task);
      assertThat(version("versionstest")).as("before commit").isNull();
      status.setRollbackOnly();
    });
    assertThat(version("versionstest")).as("rolled back").isNull();

    transactions.executeWithoutResult(status -> changes.written(task));
    assertThat(version("versionstest")).as("committed").isEqualTo(1L);

    changes.written(task);
    assertThat(version("versionstest")).as("outside a transaction").isEqualTo(2L);
    jdbc.update("delete from task_list_version where tenant_id = 'versionstest'");
  }

  private Long version(String tenant) {
    return jdbc.query("select version from task_list_version where tenant_id = ?",
        rs -> rs.next() ? rs.getLong(1) : null, tenant);
  }

  @Test
  void onlyStatementsOnTheCountedTablesAreChanges() {
    assertThat(TaskCountCache.COUNTED_TABLES.matcher("update ACT_RU_TASK set ASSIGNEE_ = ?").find()).isTrue();
    assertThat(TaskCountCache.COUNTED_TABLES.matcher("delete from schema.ACT_RU_AUTHORIZATION where").find())
        .isTrue();
    assertThat(TaskCountCache.COUNTED_TABLES.matcher("insert into ACT_RU_TASK_METER_LOG values").find()).isFalse();
    assertThat(TaskCountCache.COUNTED_TABLES.matcher("insert into ACT_HI_TASKINST values").find()).isFalse();
  }

  /** Unassigned visitation tasks, as visitation of the municipality sees them (Tasklist's "Min sektor"). */
  private long visitation(String tenant) {
    return driver.as("visitation." + tenant, List.of("visitation"), tenant,
        () -> tasks.createTaskQuery().taskCandidateGroup("visitation").count());
  }

  private void assertAnsweredAgain() {
    assertThat(plugin.cache().answeredAgain.get()).as("answered again").isEqualTo(again + 1);
    assertThat(counted()).as("counted").isEqualTo(counted);
    again++;
  }

  /** Counted in the database, in full or by the changed courses. */
  private void assertCountedAnew() {
    assertThat(counted()).as("counted").isEqualTo(counted + 1);
    remember();
  }

  private void assertCountedInFull() {
    assertThat(plugin.cache().counted.get()).as("counted in full").isEqualTo(inFull + 1);
    assertCountedAnew();
  }

  private void assertOnlyChangedCoursesCounted() {
    assertThat(plugin.cache().counted.get()).as("counted in full").isEqualTo(inFull);
    assertCountedAnew();
  }

  private long counted() {
    return plugin.cache().counted.get() + plugin.cache().countedChangedCourses.get();
  }

  @BeforeEach
  void remember() {
    again = plugin.cache().answeredAgain.get();
    counted = counted();
    inFull = plugin.cache().counted.get();
  }
}
