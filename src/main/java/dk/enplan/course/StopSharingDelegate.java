package dk.enplan.course;

import static dk.enplan.course.CourseVariables.CLOSURE_REASON;
import static dk.enplan.course.CourseVariables.CONSENT_REMAINING;
import static dk.enplan.course.CourseVariables.WITHDRAWN_SECTORS;
import static dk.enplan.course.CourseVariables.WITHDRAWN_SECTOR_KEYS;
import static dk.enplan.course.CourseVariables.WITHDRAWN_SECTOR_NAMES;

import dk.enplan.process.CompletingUser;
import dk.enplan.process.InvalidInputException;
import dk.enplan.sector.SectorCatalog;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Consent withdrawn, for the sectors in {@code withdrawnSectors} (each within the consent in force, per the plan
 * store) or, when none are named, for all: the consent
 * scope shrinks at once (no FULL delivery leaves for those sectors from now on, even one already queued),
 * {@code withdrawnSectorKeys} lists the sectors whose systems get a withdrawal notice next, and
 * {@code consentRemaining} tells the model whether a course is still possible.
 */
@Component("stopSharing")
class StopSharingDelegate implements JavaDelegate {

  static final String CLOSURE_CONSENT_WITHDRAWN = "samtykke_tilbagekaldt";

  private final CourseService courses;
  private final CourseIdentity identity;
  private final SectorCatalog sectors;

  StopSharingDelegate(CourseService courses, CourseIdentity identity, SectorCatalog sectors) {
    this.courses = courses;
    this.identity = identity;
    this.sectors = sectors;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String courseId = identity.of(execution).id();
    List<String> consented = courses.consentedSectors(courseId);
    List<String> named = WITHDRAWN_SECTORS.from(execution);
    sectors.require(WITHDRAWN_SECTORS.name(), named);
    named.stream().filter(sector -> !consented.contains(sector)).findFirst().ifPresent(sector -> {
      throw new InvalidInputException(WITHDRAWN_SECTORS.name(),
          "'" + sector + "' er ikke omfattet af samtykket og kan ikke tilbagekaldes");
    });
    List<String> withdrawn = named.isEmpty() ? consented : consented.stream().filter(named::contains).toList();
    List<String> remaining = consented.stream().filter(sector -> !withdrawn.contains(sector)).toList();

    courses.withdrawConsent(courseId, withdrawn);
    WITHDRAWN_SECTOR_NAMES.set(execution, sectors.names(withdrawn));
    WITHDRAWN_SECTOR_KEYS.set(execution, withdrawn);
    CONSENT_REMAINING.set(execution, !remaining.isEmpty());
    if (remaining.isEmpty()) {
      CLOSURE_REASON.set(execution, CLOSURE_CONSENT_WITHDRAWN);
      courses.closingBy(courseId, CompletingUser.of(execution));
    }
    execution.removeVariable(WITHDRAWN_SECTORS.name());
  }
}
