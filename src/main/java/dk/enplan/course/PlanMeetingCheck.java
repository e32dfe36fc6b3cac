package dk.enplan.course;

import static dk.enplan.course.CourseVariables.CITIZEN_AGREES;
import static dk.enplan.course.CourseVariables.CITIZEN_GOALS;
import static dk.enplan.course.CourseVariables.YES;

import dk.enplan.process.ProcessVariable;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On completing the plan meeting: the citizen's answer is yes or no, and an agreed plan has the citizen's own
 * words. The goals and interventions are checked where the plan is saved ({@code savePlanVersion}).
 */
@Component("planMeetingCheck")
class PlanMeetingCheck implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    if (YES.equals(YesNo.require(CITIZEN_AGREES, task))) {
      CITIZEN_GOALS.text(task, ProcessVariable.TEXT_MAX);
    }
  }
}
