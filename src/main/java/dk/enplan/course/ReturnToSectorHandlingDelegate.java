package dk.enplan.course;

import static dk.enplan.course.CourseVariables.CHOSEN_SECTORS;
import static dk.enplan.course.CourseVariables.COURSE_ID;

import dk.enplan.notice.Notice.RecipientKind;
import dk.enplan.notice.Notices;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** No consent: each chosen sector and the referrer learn that the citizen returns to ordinary sector handling. */
@Component("returnToSectorHandling")
class ReturnToSectorHandlingDelegate implements JavaDelegate {

  private final CourseService courses;
  private final Notices notices;

  ReturnToSectorHandlingDelegate(CourseService courses, Notices notices) {
    this.courses = courses;
    this.notices = notices;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Course course = courses.get(COURSE_ID.from(execution));
    String subject = course.citizenName() + " har ikke givet samtykke til Én Plan";
    String body = "Borgeren fortsætter i almindelig sektorsagsbehandling. Der deles ingen oplysninger via Én Plan.";
    for (String sector : CHOSEN_SECTORS.from(execution)) {
      notices.send(course.id(), RecipientKind.SECTOR_SYSTEM, sector, subject, body);
    }
    notices.send(course.id(), RecipientKind.REFERRER, course.referringUnit(), subject, body);
    courses.end(course.id(), CourseStatus.NO_CONSENT, "intet_samtykke");
  }
}
