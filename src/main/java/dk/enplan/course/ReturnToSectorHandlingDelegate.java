package dk.enplan.course;


import dk.enplan.notice.Notice.RecipientKind;
import dk.enplan.notice.Notices;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** No consent: each chosen sector and the referrer learn that the citizen returns to ordinary sector handling. */
@Component("returnToSectorHandling")
class ReturnToSectorHandlingDelegate implements JavaDelegate {

  private final CourseService courses;
  private final CourseIdentity identity;
  private final Notices notices;

  ReturnToSectorHandlingDelegate(CourseService courses, CourseIdentity identity, Notices notices) {
    this.courses = courses;
    this.identity = identity;
    this.notices = notices;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Course course = identity.of(execution);
    String subject = course.citizenName() + " har ikke givet samtykke til Én Plan";
    String body = "Borgeren fortsætter i almindelig sektorsagsbehandling. Der deles ingen oplysninger via Én Plan.";
    for (String sector : course.chosenSectors()) {
      notices.send(course.id(), RecipientKind.SECTOR_SYSTEM, sector, subject, body);
    }
    notices.send(course.id(), RecipientKind.REFERRER, course.referringUnit(), subject, body);
    courses.end(course.id(), CourseStatus.NO_CONSENT, "intet_samtykke");
  }
}
