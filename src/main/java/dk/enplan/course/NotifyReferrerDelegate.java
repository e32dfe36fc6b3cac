package dk.enplan.course;

import static dk.enplan.course.CourseVariables.VISITATION_NOTE;

import dk.enplan.notice.Notice.RecipientKind;
import dk.enplan.notice.Notices;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Not in the target group: tells the referring unit why, and ends the course record. */
@Component("notifyReferrer")
class NotifyReferrerDelegate implements JavaDelegate {

  private final CourseService courses;
  private final CourseIdentity identity;
  private final Notices notices;

  NotifyReferrerDelegate(CourseService courses, CourseIdentity identity, Notices notices) {
    this.courses = courses;
    this.identity = identity;
    this.notices = notices;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Course course = identity.of(execution);
    notices.send(course.id(), RecipientKind.REFERRER, course.referringUnit(),
        "Henvisning af " + course.citizenName() + " er ikke visiteret til Én Plan",
        "Visitationens begrundelse: " + VISITATION_NOTE.from(execution)
            + "\nBorgeren fortsætter i almindelig sektorsagsbehandling.");
    courses.end(course.id(), CourseStatus.NOT_IN_TARGET_GROUP, "ikke_i_maalgruppen");
  }
}
