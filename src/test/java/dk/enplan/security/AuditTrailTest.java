package dk.enplan.security;

import static dk.enplan.course.CourseProcess.Elements.OBTAIN_CONSENT;
import static dk.enplan.course.CourseProcess.Elements.PLAN_MEETING;
import static dk.enplan.course.CourseSteps.COORDINATOR;
import static dk.enplan.course.CourseSteps.businessKey;
import static org.assertj.core.api.Assertions.assertThat;

import dk.enplan.course.CourseService;
import dk.enplan.course.CourseSteps;
import dk.enplan.plan.PlanStore;
import dk.enplan.testing.EngineOnlyTest;
import dk.enplan.testing.TestIdentity;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Who did what to a course: Camunda's user operation log for the process, the plan store for the plan. */
@EngineOnlyTest
class AuditTrailTest {

  @Autowired CourseSteps steps;
  @Autowired TestIdentity identity;
  @Autowired HistoryService history;
  @Autowired PlanStore plans;
  @Autowired CourseService courses;

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
}
