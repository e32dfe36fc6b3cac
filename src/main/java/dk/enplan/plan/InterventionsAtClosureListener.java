package dk.enplan.plan;

import dk.enplan.course.CourseIdentity;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * When the course is closed (every way it can close): the current plan's interventions that no sector ended are
 * marked as ended with the course, a started one as stopped, a planned one as never started.
 */
@Component("interventionsAtClosure")
class InterventionsAtClosureListener implements ExecutionListener {

  private final PlanStore store;
  private final CourseIdentity identity;

  InterventionsAtClosureListener(PlanStore store, CourseIdentity identity) {
    this.store = store;
    this.identity = identity;
  }

  @Override
  public void notify(DelegateExecution execution) {
    store.closeOpenInterventions(identity.of(execution).id(), PlanStore.today());
  }
}
