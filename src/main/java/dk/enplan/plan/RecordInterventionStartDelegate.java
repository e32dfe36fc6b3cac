package dk.enplan.plan;

import static dk.enplan.course.CourseVariables.COURSE_ID;
import static dk.enplan.course.CourseVariables.INTERVENTION_DESCRIPTION;
import static dk.enplan.course.CourseVariables.INTERVENTION_RESPONSIBLE;
import static dk.enplan.course.CourseVariables.INTERVENTION_START;
import static dk.enplan.course.CourseVariables.SECTOR;

import dk.enplan.process.ProcessVariable;
import dk.enplan.plan.SectorReport.Kind;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Stores what a sector starts, who is responsible and from when (called process {@code sektor-indsats}). */
@Component("recordInterventionStart")
class RecordInterventionStartDelegate implements JavaDelegate {

  private final PlanStore store;

  RecordInterventionStartDelegate(PlanStore store) {
    this.store = store;
  }

  @Override
  public void execute(DelegateExecution execution) {
    store.report(COURSE_ID.from(execution), SECTOR.from(execution), Kind.INTERVENTION_STARTED,
        INTERVENTION_DESCRIPTION.text(execution, ProcessVariable.TEXT_MAX),
        "Ansvarlig: " + INTERVENTION_RESPONSIBLE.text(execution, 200)
            + ", start: " + INTERVENTION_START.text(execution, 40),
        CompletingUser.of(execution));
    store.interventionsOf(COURSE_ID.from(execution), SECTOR.from(execution), PlanIntervention.Status.STARTED);
  }
}
