package dk.enplan.course;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * At the start of {@code sektor-udredning}, {@code sektor-indsats} and {@code plan-levering}: the instance must have
 * been started by its course's call activity (same course, same municipality, the sector the parent asked for).
 * A stand-alone start is refused, naming the field, before anything is created.
 */
@Component("calledByCourse")
class CalledByCourseListener implements ExecutionListener {

  private final CourseIdentity identity;

  CalledByCourseListener(CourseIdentity identity) {
    this.identity = identity;
  }

  @Override
  public void notify(DelegateExecution execution) {
    identity.sectorOf(execution);
  }
}
