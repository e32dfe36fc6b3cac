package dk.enplan.course;

import static dk.enplan.course.CourseVariables.COMPLAINT_GUIDANCE_GIVEN;
import static dk.enplan.course.CourseVariables.DECISION_TEXT;

import dk.enplan.process.ProcessVariable;
import dk.enplan.process.InvalidInputException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** On completing the combined decision: a decision text, and complaint guidance given to the citizen. */
@Component("combinedDecisionCheck")
class CombinedDecisionCheck implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    DECISION_TEXT.text(task, ProcessVariable.TEXT_MAX);
    if (!Boolean.TRUE.equals(COMPLAINT_GUIDANCE_GIVEN.optionalFrom(task).orElse(false))) {
      throw new InvalidInputException(COMPLAINT_GUIDANCE_GIVEN.name(), "afgørelsen kræver klagevejledning");
    }
  }
}
