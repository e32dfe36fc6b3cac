package dk.enplan.course;

import static dk.enplan.course.CourseVariables.CLOSURE_REASON;
import static dk.enplan.course.CourseVariables.CONSENTED_SECTORS;
import static dk.enplan.course.CourseVariables.CONSENT_REMAINING;
import static dk.enplan.course.CourseVariables.COURSE_ID;
import static dk.enplan.course.CourseVariables.WITHDRAWN_SECTORS;
import static dk.enplan.course.CourseVariables.WITHDRAWN_SECTOR_NAMES;

import dk.enplan.notice.Notice.RecipientKind;
import dk.enplan.notice.Notices;
import dk.enplan.process.FormOptions;
import dk.enplan.sector.SectorCatalog;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Consent withdrawn, for the sectors in {@code withdrawnSectors} or, when none are named, for all: the consent
 * scope shrinks at once, the sectors' systems are told to stop using the plan, and {@code consentRemaining}
 * tells the model whether a course is still possible.
 */
@Component("stopSharing")
class StopSharingDelegate implements JavaDelegate {

  static final String CLOSURE_CONSENT_WITHDRAWN = "samtykke_tilbagekaldt";

  private final CourseService courses;
  private final Notices notices;
  private final SectorCatalog sectors;

  StopSharingDelegate(CourseService courses, Notices notices, SectorCatalog sectors) {
    this.courses = courses;
    this.notices = notices;
    this.sectors = sectors;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String courseId = COURSE_ID.from(execution);
    List<String> consented = CONSENTED_SECTORS.from(execution);
    List<String> named = WITHDRAWN_SECTORS.from(execution);
    sectors.require(WITHDRAWN_SECTORS.name(), named);
    List<String> withdrawn = named.isEmpty() ? consented : consented.stream().filter(named::contains).toList();
    List<String> remaining = consented.stream().filter(sector -> !withdrawn.contains(sector)).toList();

    for (String sector : withdrawn) {
      notices.send(courseId, RecipientKind.SECTOR_SYSTEM, sector, "Samtykke tilbagekaldt",
          "Borgeren har trukket sit samtykke tilbage for " + sectors.get(sector).name()
              + ". Oplysninger fra Én Plan må ikke længere bruges, og der deles ikke flere.");
    }
    courses.withdrawConsent(courseId, withdrawn);
    CONSENTED_SECTORS.set(execution, remaining);
    FormOptions.set(execution, CourseVariables.PARTICIPATING_SECTOR_OPTIONS, sectors.options(remaining));
    WITHDRAWN_SECTOR_NAMES.set(execution, sectors.names(withdrawn));
    CONSENT_REMAINING.set(execution, !remaining.isEmpty());
    if (remaining.isEmpty()) {
      CLOSURE_REASON.set(execution, CLOSURE_CONSENT_WITHDRAWN);
    }
    execution.removeVariable(WITHDRAWN_SECTORS.name());
  }
}
