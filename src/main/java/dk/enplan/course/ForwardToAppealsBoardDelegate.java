package dk.enplan.course;

import static dk.enplan.course.CourseVariables.COMPLAINT_TEXT;
import static dk.enplan.course.CourseVariables.DECISION_TEXT;
import static dk.enplan.course.CourseVariables.RECONSIDERATION_NOTE;

import dk.enplan.notice.Notice.RecipientKind;
import dk.enplan.notice.Notices;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The decision stands (or was not reconsidered in time): the complaint goes on to Ankestyrelsen. */
@Component("forwardToAppealsBoard")
class ForwardToAppealsBoardDelegate implements JavaDelegate {

  static final String APPEALS_BOARD = "Ankestyrelsen";

  private final CourseIdentity identity;
  private final Notices notices;

  ForwardToAppealsBoardDelegate(CourseIdentity identity, Notices notices) {
    this.identity = identity;
    this.notices = notices;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reconsideration = RECONSIDERATION_NOTE.optionalFrom(execution)
        .orElse("Kommunen nåede ikke at genvurdere afgørelsen inden fristen.");
    notices.send(identity.of(execution).id(), RecipientKind.APPEALS_BOARD, APPEALS_BOARD,
        "Klage over samlet afgørelse efter Én Plan",
        "Klagen: " + COMPLAINT_TEXT.optionalFrom(execution).orElse("(ikke angivet)")
            + "\nAfgørelsen: " + DECISION_TEXT.optionalFrom(execution).orElse("(ikke angivet)")
            + "\nKommunens genvurdering: " + reconsideration);
  }
}
