package dk.enplan.course;

import static dk.enplan.course.CourseVariables.CLOSURE_REASON;
import static dk.enplan.course.CourseVariables.CONSENTED_SECTORS;
import static dk.enplan.course.CourseVariables.CONSENT_REMAINING;
import static dk.enplan.course.CourseVariables.COURSE_ID;
import static dk.enplan.course.CourseVariables.WITHDRAWN_SECTORS;
import static dk.enplan.course.CourseVariables.WITHDRAWN_SECTOR_KEYS;
import static dk.enplan.course.CourseVariables.WITHDRAWN_SECTOR_NAMES;

import dk.enplan.process.FormOptions;
import dk.enplan.sector.SectorCatalog;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Consent withdrawn, for the sectors in {@code withdrawnSectors} or, when none are named, for all: the consent
 * scope shrinks at once (no FULL delivery leaves for those sectors from now on, even one already queued),
 * {@code withdrawnSectorKeys} lists the sectors whose systems get a withdrawal notice next, and
 * {@code consentRemaining} tells the model whether a course is still possible.
 */
@Component("stopSharing")
class StopSharingDelegate implements JavaDelegate {

  static final String CLOSURE_CONSENT_WITHDRAWN = "samtykke_tilbagekaldt";

  private final CourseService courses;
  private final SectorCatalog sectors;

  StopSharingDelegate(CourseService courses, SectorCatalog sectors) {
    this.courses = courses;
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

    courses.withdrawConsent(courseId, withdrawn);
    CONSENTED_SECTORS.set(execution, remaining);
    FormOptions.set(execution, CourseVariables.PARTICIPATING_SECTOR_OPTIONS, sectors.options(remaining));
    WITHDRAWN_SECTOR_NAMES.set(execution, sectors.names(withdrawn));
    WITHDRAWN_SECTOR_KEYS.set(execution, withdrawn);
    CONSENT_REMAINING.set(execution, !remaining.isEmpty());
    if (remaining.isEmpty()) {
      CLOSURE_REASON.set(execution, CLOSURE_CONSENT_WITHDRAWN);
    }
    execution.removeVariable(WITHDRAWN_SECTORS.name());
  }
}
