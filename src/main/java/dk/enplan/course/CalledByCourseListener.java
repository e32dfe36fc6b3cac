package dk.enplan.course;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * At the start of {@code sektor-udredning}, {@code sektor-indsats} and {@code plan-levering}: the instance must have
 * been started by its course's call activity (same course, same municipality, the sector the parent asked for).
 * A stand-alone start is refused, naming the field, before anything is created. The sector's forms get the course's
 * coordinating contact person by name, phone and e-mail, as the course's own forms show her.
 */
@Component("calledByCourse")
class CalledByCourseListener implements ExecutionListener {

  private final CourseIdentity identity;
  private final ContactPersons contactPersons;

  CalledByCourseListener(CourseIdentity identity, ContactPersons contactPersons) {
    this.identity = identity;
    this.contactPersons = contactPersons;
  }

  @Override
  public void notify(DelegateExecution execution) {
    identity.sectorOf(execution);
    String coordinator = identity.of(execution).coordinator();
    if (coordinator != null) {
      CourseVariables.COORDINATOR_CONTACT.set(execution, contactPersons.of(coordinator).line());
    }
  }
}
