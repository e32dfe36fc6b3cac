package dk.enplan.plan;

import static dk.enplan.course.CourseVariables.CITIZEN_GOALS;
import static dk.enplan.course.CourseVariables.COORDINATOR;
import static dk.enplan.course.CourseVariables.COURSE_ID;
import static dk.enplan.course.CourseVariables.PLANNED_INTERVENTIONS;
import static dk.enplan.course.CourseVariables.PLAN_GOALS;
import static dk.enplan.course.CourseVariables.PLAN_VERSION;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The citizen agreed: the plan from the meeting becomes the next version of the Én Plan. */
@Component("savePlanVersion")
class SavePlanVersionDelegate implements JavaDelegate {

  static final int TEXT_MAX = 4000;

  private final PlanStore store;

  SavePlanVersionDelegate(PlanStore store) {
    this.store = store;
  }

  @Override
  public void execute(DelegateExecution execution) {
    PlanVersion version = store.agree(COURSE_ID.from(execution),
        CITIZEN_GOALS.text(execution, TEXT_MAX),
        PLAN_GOALS.text(execution, TEXT_MAX),
        PLANNED_INTERVENTIONS.text(execution, TEXT_MAX),
        COORDINATOR.from(execution));
    PLAN_VERSION.set(execution, version.version());
  }
}
