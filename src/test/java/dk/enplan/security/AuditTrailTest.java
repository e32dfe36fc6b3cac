package dk.enplan.security;

import static dk.enplan.course.CourseProcess.Elements.CLOSE_COURSE;
import static dk.enplan.course.CourseProcess.Elements.CLOSE_WITH_CITIZEN;
import static dk.enplan.course.CourseProcess.Elements.COMBINED_DECISION;
import static dk.enplan.course.CourseProcess.Elements.DISTRIBUTE_PLAN;
import static dk.enplan.course.CourseProcess.Elements.OBTAIN_CONSENT;
import static dk.enplan.course.CourseProcess.Elements.PLAN_MEETING;
import static dk.enplan.course.CourseSteps.COORDINATOR;
import static dk.enplan.course.CourseSteps.TENANT;
import static dk.enplan.course.CourseSteps.businessKey;
import static org.assertj.core.api.Assertions.assertThat;

import dk.enplan.course.CourseService;
import dk.enplan.course.CourseSteps;
import dk.enplan.plan.PlanStore;
import dk.enplan.plan.PlanVersion;
import dk.enplan.testing.CourseDriver;
import dk.enplan.testing.EngineOnlyTest;
import dk.enplan.testing.TestIdentity;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Who did what to a course: Camunda's user operation log for the process, the plan store for the plan. The plan
 * store names the user who completed the task, so the tests let a coordinator other than the course's own do the
 * work (cover): a store that wrote down the course's coordinator instead would be caught.
 */
@EngineOnlyTest
class AuditTrailTest {

  /** A second coordinator of the same municipality, who covers for the course's own; only while a test runs. */
  static final String COVER = "koordinator.vikar." + TENANT;

  @Autowired CourseSteps steps;
  @Autowired CourseDriver driver;
  @Autowired TestIdentity identity;
  @Autowired IdentityService users;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired PlanStore plans;
  @Autowired CourseService courses;

  @AfterEach
  void removeCover() {
    if (users.createUserQuery().userId(COVER).count() > 0) {
      users.deleteUser(COVER);
    }
  }

  @Test
  void hvemGjordeHvadKanBesvaresForEtForloeb() {
    identity.ensure();
    ProcessInstance course = steps.refer(List.of("ledighed", "forsoergelse"));
    steps.visitate(course, List.of("beskaeftigelse"));
    Task consent = steps.task(course, OBTAIN_CONSENT);
    steps.consent(course, List.of("beskaeftigelse"));
    steps.assess(course, "beskaeftigelse");
    Task planMeeting = steps.task(course, PLAN_MEETING);
    steps.agreePlan(course);

    assertThat(history.createUserOperationLogQuery().taskId(consent.getId())
        .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE).list())
        .isNotEmpty().allSatisfy(entry -> assertThat(entry.getUserId()).isEqualTo(COORDINATOR));
    assertThat(history.createUserOperationLogQuery().taskId(planMeeting.getId()).list())
        .isNotEmpty().allSatisfy(entry -> assertThat(entry.getUserId()).isEqualTo(COORDINATOR));
    assertThat(history.createUserOperationLogQuery().processInstanceId(course.getId())
        .operationType(UserOperationLogEntry.OPERATION_TYPE_CREATE).list())
        .as("the referral").isNotEmpty().allSatisfy(entry -> assertThat(entry.getUserId())
            .isEqualTo("visitation." + CourseSteps.TENANT));

    String courseId = businessKey(course);
    assertThat(plans.current(courseId).orElseThrow().agreedBy()).isEqualTo(COORDINATOR);
    assertThat(courses.consents(courseId)).singleElement().satisfies(scope ->
        assertThat(scope.givenAt()).isNotNull());
  }

  @Test
  void enDaekkendeKoordinatorStaarSomDenDerAftalteAfgjordeOgAfsluttede() {
    identity.ensure();
    coverInTheMunicipality();
    ProcessInstance course = steps.refer(List.of("ledighed", "forsoergelse"));
    steps.visitate(course, List.of("beskaeftigelse"));
    steps.consent(course, List.of("beskaeftigelse"));
    steps.assess(course, "beskaeftigelse");
    String courseId = businessKey(course);
    assertThat(courses.get(courseId).coordinator()).as("the course's own coordinator").isEqualTo(COORDINATOR);

    Task planMeeting = coverTakes(steps.task(course, PLAN_MEETING));
    driver.complete(planMeeting, CourseSteps.planMeeting("ja", List.of("beskaeftigelse")));
    Task decision = coverTakes(steps.task(course, COMBINED_DECISION));
    driver.complete(decision, Map.of("decisionText", "Bevilget under ferie.", "complaintGuidanceGiven", true));
    driver.executeJob(course, DISTRIBUTE_PLAN);
    steps.followUp(course, "afslut");
    Task closure = coverTakes(steps.task(course, CLOSE_WITH_CITIZEN));
    driver.complete(closure, new HashMap<>(Map.of("closureReason", "maal_naaet", "finalProgression", 8,
        "closureNote", "Borgeren er i job.")));
    driver.executeJob(course, CLOSE_COURSE);

    for (Task task : List.of(planMeeting, decision, closure)) {
      assertThat(history.createUserOperationLogQuery().taskId(task.getId())
          .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE).list()).as("the engine's log of %s",
          task.getTaskDefinitionKey()).isNotEmpty().allSatisfy(entry -> assertThat(entry.getUserId()).isEqualTo(COVER));
    }
    PlanVersion version = plans.current(courseId).orElseThrow();
    assertThat(version.agreedBy()).as("agreed by the user who completed the plan meeting").isEqualTo(COVER);
    assertThat(version.decidedBy()).as("decided by the user who completed the decision").isEqualTo(COVER);
    assertThat(courses.get(courseId).closedBy()).as("closed by the user who completed the closure").isEqualTo(COVER);
    assertThat(courses.get(courseId).coordinator()).as("the coordinator is still the course's own")
        .isEqualTo(COORDINATOR);
  }

  /** The covering coordinator: member of koordinator in the same municipality, as Tasklist's cover needs. */
  private void coverInTheMunicipality() {
    if (users.createUserQuery().userId(COVER).count() == 0) {
      User user = users.newUser(COVER);
      user.setFirstName("Vikar");
      user.setLastName("Koordinator");
      user.setPassword(TestIdentity.PASSWORD);
      users.saveUser(user);
      users.createMembership(COVER, "koordinator");
      users.createTenantUserMembership(TENANT, COVER);
    }
  }

  /** Cover: the task of the course's coordinator is assigned to the covering coordinator, who completes it. */
  private Task coverTakes(Task task) {
    assertThat(task.getAssignee()).isEqualTo(COORDINATOR);
    tasks.setAssignee(task.getId(), COVER);
    return tasks.createTaskQuery().taskId(task.getId()).singleResult();
  }
}
