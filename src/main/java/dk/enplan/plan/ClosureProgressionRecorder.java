package dk.enplan.plan;

import static dk.enplan.course.CourseVariables.COURSE_ID;

import dk.enplan.process.ProcessVariable;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** On closing with the citizen: the final overall progression is measured like every follow-up score. */
@Component("closureProgressionRecorder")
class ClosureProgressionRecorder implements TaskListener {

  static final String OVERALL = "samlet";
  static final ProcessVariable<Number> FINAL_PROGRESSION = ProcessVariable.number("finalProgression");

  private final PlanStore store;

  ClosureProgressionRecorder(PlanStore store) {
    this.store = store;
  }

  @Override
  public void notify(DelegateTask task) {
    store.measure(COURSE_ID.from(task), Map.of(OVERALL, FollowUpRecorder.score(FINAL_PROGRESSION, task)));
  }
}
