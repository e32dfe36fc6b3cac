package dk.enplan.plan;

import static dk.enplan.course.CourseVariables.COURSE_ID;
import static dk.enplan.course.CourseVariables.INTERVENTION_OUTCOME;
import static dk.enplan.course.CourseVariables.INTERVENTION_OUTCOME_NOTE;
import static dk.enplan.course.CourseVariables.SECTOR;

import dk.enplan.process.ProcessVariable;
import dk.enplan.plan.SectorReport.Kind;
import dk.enplan.process.InvalidInputException;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Stores how a sector's intervention ended (called process {@code sektor-indsats}). */
@Component("recordInterventionOutcome")
class RecordInterventionOutcomeDelegate implements JavaDelegate {

  private static final Map<String, PlanIntervention.Status> OUTCOMES = Map.of(
      "gennemfoert", PlanIntervention.Status.COMPLETED,
      "afbrudt", PlanIntervention.Status.DISCONTINUED,
      "ikke_startet", PlanIntervention.Status.NOT_STARTED);

  private final PlanStore store;

  RecordInterventionOutcomeDelegate(PlanStore store) {
    this.store = store;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String outcome = INTERVENTION_OUTCOME.from(execution);
    if (!OUTCOMES.containsKey(outcome)) {
      throw new InvalidInputException(INTERVENTION_OUTCOME.name(), "skal være en af " + OUTCOMES.keySet());
    }
    store.report(COURSE_ID.from(execution), SECTOR.from(execution), Kind.INTERVENTION_OUTCOME, outcome,
        INTERVENTION_OUTCOME_NOTE.text(execution, ProcessVariable.TEXT_MAX), CompletingUser.of(execution));
    store.interventionsOf(COURSE_ID.from(execution), SECTOR.from(execution), OUTCOMES.get(outcome));
  }
}
