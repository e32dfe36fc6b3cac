package dk.enplan.course;

import static dk.enplan.course.CourseVariables.COMPLAINT_UPHELD;
import static dk.enplan.course.CourseVariables.RECONSIDERATION_NOTE;

import dk.enplan.process.ProcessVariable;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** On completing a reconsideration: upheld yes or no, with the reasons the appeals board will read. */
@Component("reconsiderationCheck")
class ReconsiderationCheck implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    YesNo.require(COMPLAINT_UPHELD, task);
    RECONSIDERATION_NOTE.text(task, ProcessVariable.TEXT_MAX);
  }
}
