package dk.enplan.plan;


import dk.enplan.course.CourseIdentity;
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
  private final CourseIdentity identity;

  ClosureProgressionRecorder(PlanStore store, CourseIdentity identity) {
    this.store = store;
    this.identity = identity;
  }

  @Override
  public void notify(DelegateTask task) {
    store.measure(identity.of(task).id(), Map.of(OVERALL, FollowUpRecorder.score(FINAL_PROGRESSION, task)));
  }
}
