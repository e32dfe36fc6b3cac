package dk.enplan.plan;

import static dk.enplan.course.CourseVariables.INTERVENTION_RESPONSIBLE;
import static dk.enplan.course.CourseVariables.INTERVENTION_START;
import static dk.enplan.course.CourseVariables.SECTOR_INTERVENTIONS;

import dk.enplan.course.CourseIdentity;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * When a sector is asked to start its part of the plan ({@code sektor-indsats}): its interventions as the agreed plan
 * in the plan store has them are shown, and who is responsible and the start (the planned start, today if that is still
 * ahead) are filled in from the plan, so the sector confirms or corrects them instead of retyping the plan.
 */
@Component("interventionFromPlan")
class InterventionFromPlanListener implements TaskListener {

  private final PlanStore store;
  private final CourseIdentity identity;

  InterventionFromPlanListener(PlanStore store, CourseIdentity identity) {
    this.store = store;
    this.identity = identity;
  }

  @Override
  public void notify(DelegateTask task) {
    DelegateExecution instance = task.getExecution().getProcessInstance();
    List<PlanIntervention> interventions = store.interventionsOf(identity.of(task).id(),
        identity.sectorOf(task.getExecution()));
    SECTOR_INTERVENTIONS.set(instance, interventions.isEmpty()
        ? "Planen har ingen indsats for sektoren." : PlanTexts.interventions(interventions));
    if (!interventions.isEmpty()) {
      INTERVENTION_RESPONSIBLE.set(instance, interventions.get(0).responsible());
      java.time.LocalDate planned = interventions.get(0).plannedStart();
      INTERVENTION_START.set(instance, (planned.isAfter(PlanStore.today()) ? PlanStore.today() : planned).toString());
    }
  }
}
