package dk.enplan.plan;

import static dk.enplan.course.CourseVariables.DECISION_TEXT;

import dk.enplan.course.CourseIdentity;
import dk.enplan.process.CompletingUser;
import dk.enplan.process.ProcessVariable;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On completing the combined decision (after {@code combinedDecisionCheck}): the decision is stored with the plan
 * version it was made on, so it stays with the plan when the next round's decision task opens empty.
 */
@Component("decisionRecorder")
class DecisionRecorder implements TaskListener {

  private final PlanStore store;
  private final CourseIdentity identity;

  DecisionRecorder(PlanStore store, CourseIdentity identity) {
    this.store = store;
    this.identity = identity;
  }

  @Override
  public void notify(DelegateTask task) {
    store.decide(identity.of(task).id(), DECISION_TEXT.text(task, ProcessVariable.TEXT_MAX),
        CompletingUser.of(task.getExecution()));
  }
}
