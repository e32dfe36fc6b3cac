package dk.enplan.plan;

import static dk.enplan.course.CourseVariables.PROGRESSION_SO_FAR;

import dk.enplan.course.CourseIdentity;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * What came before, shown at the follow-up: the progression measured so far per life domain, from the plan store,
 * as a variable of this task only (the scores of the new round are entered fresh).
 */
@Component("followUpContext")
class FollowUpContextListener implements TaskListener {

  private final PlanStore store;
  private final CourseIdentity identity;

  FollowUpContextListener(PlanStore store, CourseIdentity identity) {
    this.store = store;
    this.identity = identity;
  }

  @Override
  public void notify(DelegateTask task) {
    PROGRESSION_SO_FAR.setLocal(task, PlanTexts.progression(store.progression(identity.of(task).id())));
  }
}
