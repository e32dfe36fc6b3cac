package dk.enplan.plan;

import static dk.enplan.course.CourseVariables.COURSE_ID;
import static dk.enplan.course.CourseVariables.INTERVENTION_OUTCOME;
import static dk.enplan.course.CourseVariables.INTERVENTION_OUTCOME_NOTE;
import static dk.enplan.course.CourseVariables.SECTOR;

import dk.enplan.plan.SectorReport.Kind;
import dk.enplan.process.InvalidInputException;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Stores how a sector's intervention ended (called process {@code sektor-indsats}). */
@Component("recordInterventionOutcome")
class RecordInterventionOutcomeDelegate implements JavaDelegate {

  private static final Set<String> OUTCOMES = Set.of("gennemfoert", "afbrudt", "ikke_startet");

  private final PlanStore store;

  RecordInterventionOutcomeDelegate(PlanStore store) {
    this.store = store;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String outcome = INTERVENTION_OUTCOME.from(execution);
    if (!OUTCOMES.contains(outcome)) {
      throw new InvalidInputException(INTERVENTION_OUTCOME.name(), "skal være en af " + OUTCOMES);
    }
    store.report(COURSE_ID.from(execution), SECTOR.from(execution), Kind.INTERVENTION_OUTCOME, outcome,
        INTERVENTION_OUTCOME_NOTE.text(execution, SavePlanVersionDelegate.TEXT_MAX), CompletingUser.of(execution));
  }
}
