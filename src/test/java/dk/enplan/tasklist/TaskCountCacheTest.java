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
  @Autowired AuthorizationService authorizations;
  @Autowired TransactionTemplate transactions;
  @Autowired JdbcTemplate jdbc;
  @Autowired TaskCountCachePlugin plugin;

  private long again;
  private long counted;

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
    assertCounted();

    assertThat(visitation("allerod")).isEqualTo(waiting);
    assertAnsweredAgain();

    long ballerup = visitation("ballerup");
    assertCounted();
    driver.refer("ballerup", CourseSteps.referral("0101901234", List.of("ledighed", "forsoergelse")));
    assertThat(visitation("allerod")).as("another municipality's referral").isEqualTo(waiting);
    assertAnsweredAgain();
    assertThat(visitation("ballerup")).isEqualTo(ballerup + 1);
    assertCounted();

    steps.refer(List.of("ledighed", "forsoergelse"));
    assertThat(visitation("allerod")).as("a referral").isEqualTo(waiting + 1);
    assertCounted();

    Task task = steps.task(first, "visitation");
    tasks.claim(task.getId(), "visitation.allerod");
    assertThat(visitation("allerod")).as("claimed: no longer unassigned").isEqualTo(waiting);
    assertCounted();
    tasks.setAssignee(task.getId(), null);
    assertThat(visitation("allerod")).as("unclaimed").isEqualTo(waiting + 1);
    assertCounted();
  }

  @Test
  void aGrantTakenAwayOnItsOwnIsCountedAnew() {
    ProcessInstance course = steps.refer(List.of("ledighed", "forsoergelse"));
    long waiting = visitation("allerod");
    assertCounted();
    assertThat(visitation("allerod")).isEqualTo(waiting);
    assertAnsweredAgain();

    Task task = steps.task(course, "visitation");
    Authorization grant = authorizations.createAuthorizationQuery().resourceType(Resources.TASK)
        .resourceId(task.getId()).groupIdIn("visitation").singleResult();
    authorizations.deleteAuthorization(grant.getId());

    assertThat(visitation("allerod")).as("the group may no longer read the task").isEqualTo(waiting - 1);
    assertCounted();
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
    assertCounted();
    assertThat(visitation("allerod")).isEqualTo(waiting);
    assertAnsweredAgain();

    jdbc.update("update task_list_version set version = version + 1 where tenant_id = 'allerod'");
    assertThat(visitation("allerod")).isEqualTo(waiting);
    assertCounted();
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
    assertThat(plugin.cache().counted.get()).as("counted").isEqualTo(counted);
    again++;
  }

  private void assertCounted() {
    assertThat(plugin.cache().counted.get()).as("counted").isEqualTo(counted + 1);
    counted++;
    again = plugin.cache().answeredAgain.get();
  }

  @BeforeEach
  void rememberCounters() {
    again = plugin.cache().answeredAgain.get();
    counted = plugin.cache().counted.get();
  }
}
