package dk.enplan.course;

import static dk.enplan.course.CourseVariables.CLOSURE_REASON;
import static dk.enplan.course.CourseVariables.HANDOVER_NOTE;
import static dk.enplan.course.CourseVariables.NEW_MUNICIPALITY;

import dk.enplan.names.AnswerValues;
import dk.enplan.notice.Notice.RecipientKind;
import dk.enplan.notice.Notices;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Closes the course with its reason and, on a move, hands it over to the new municipality. The sectors' systems
 * are told next, by the deliveries of kind CLOSURE.
 */
@Component("closeCourse")
class CloseCourseDelegate implements JavaDelegate {

  static final String REASON_MOVED_OUT = AnswerValues.MOVED_OUT;

  private final CourseService courses;
  private final CourseIdentity identity;
  private final Notices notices;

  CloseCourseDelegate(CourseService courses, CourseIdentity identity, Notices notices) {
    this.courses = courses;
    this.identity = identity;
    this.notices = notices;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String courseId = identity.of(execution).id();
    String reason = CLOSURE_REASON.from(execution);
    if (REASON_MOVED_OUT.equals(reason)) {
      notices.send(courseId, RecipientKind.NEW_MUNICIPALITY, NEW_MUNICIPALITY.from(execution),
          "Overdragelse af forløb efter Én Plan", HANDOVER_NOTE.from(execution));
    }
    courses.end(courseId, CourseStatus.CLOSED, reason);
  }
}
