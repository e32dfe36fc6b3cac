package dk.enplan.plan;

import static dk.enplan.course.CourseVariables.INTERVENTION_OUTCOME;
import static dk.enplan.course.CourseVariables.INTERVENTION_OUTCOME_NOTE;

import dk.enplan.course.CourseIdentity;
import dk.enplan.names.AnswerValues;
import dk.enplan.process.CompletingUser;
import dk.enplan.process.ProcessVariable;
import dk.enplan.plan.SectorReport.Kind;
import dk.enplan.process.InvalidInputException;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Stores how a sector's interventions ended (called process {@code sektor-indsats}): the outcome and today's date on
 * each of them in the plan store.
 */
@Component("recordInterventionOutcome")
class RecordInterventionOutcomeDelegate implements JavaDelegate {

  private static final Map<String, PlanIntervention.Status> OUTCOMES = Map.of(
      AnswerValues.COMPLETED, PlanIntervention.Status.COMPLETED,
      AnswerValues.DISCONTINUED, PlanIntervention.Status.DISCONTINUED,
      AnswerValues.NOT_STARTED, PlanIntervention.Status.NOT_STARTED);

  private final PlanStore store;
  private final CourseIdentity identity;

  RecordInterventionOutcomeDelegate(PlanStore store, CourseIdentity identity) {
    this.store = store;
    this.identity = identity;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String outcome = INTERVENTION_OUTCOME.from(execution);
    if (!OUTCOMES.containsKey(outcome)) {
      throw new InvalidInputException(INTERVENTION_OUTCOME.name(), "skal være en af " + OUTCOMES.keySet());
    }
    String courseId = identity.of(execution).id();
    String sector = identity.sectorOf(execution);
    store.report(courseId, sector, Kind.INTERVENTION_OUTCOME, outcome,
        INTERVENTION_OUTCOME_NOTE.text(execution, ProcessVariable.TEXT_MAX), CompletingUser.of(execution));
    store.endInterventions(courseId, sector, OUTCOMES.get(outcome), PlanStore.today());
  }
}
