package dk.enplan.plan;

import static dk.enplan.course.CourseVariables.INTERVENTION_DESCRIPTION;
import static dk.enplan.course.CourseVariables.INTERVENTION_RESPONSIBLE;
import static dk.enplan.course.CourseVariables.INTERVENTION_START;

import dk.enplan.course.CourseIdentity;
import dk.enplan.process.ProcessVariable;
import dk.enplan.plan.SectorReport.Kind;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Stores what a sector starts, who is responsible and from when (called process {@code sektor-indsats}). */
@Component("recordInterventionStart")
class RecordInterventionStartDelegate implements JavaDelegate {

  private final PlanStore store;
  private final CourseIdentity identity;

  RecordInterventionStartDelegate(PlanStore store, CourseIdentity identity) {
    this.store = store;
    this.identity = identity;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String courseId = identity.of(execution).id();
    String sector = identity.sectorOf(execution);
    store.report(courseId, sector, Kind.INTERVENTION_STARTED,
        INTERVENTION_DESCRIPTION.text(execution, ProcessVariable.TEXT_MAX),
        "Ansvarlig: " + INTERVENTION_RESPONSIBLE.text(execution, 200)
            + ", start: " + INTERVENTION_START.text(execution, 40),
        CompletingUser.of(execution));
    store.interventionsOf(courseId, sector, PlanIntervention.Status.STARTED);
  }
}
