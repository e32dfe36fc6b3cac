package dk.enplan.plan;

import static dk.enplan.course.CourseVariables.CITIZEN_GOALS;
import static dk.enplan.course.CourseVariables.PARTICIPATING_SECTOR_OPTIONS;
import static dk.enplan.course.CourseVariables.PREVIOUS_PLAN_VERSION;

import dk.enplan.course.CourseIdentity;
import dk.enplan.course.SectorSelection;
import dk.enplan.process.FormOptions;
import dk.enplan.process.NumberedRows.Row;
import dk.enplan.sector.SectorCatalog;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * A revision starts from the plan as agreed: when a plan meeting opens and the course has an agreed version, the
 * form's goals and interventions are filled in from that version in the plan store (never from what an earlier
 * meeting left in the process: saving a version removes those fields), and the form says which version it shows.
 * Interventions of a sector that no longer takes part are left out. A meeting after the citizen disagreed keeps the
 * proposal of that meeting. Every meeting offers the sectors that take part now (chosen at visitation, consent in
 * force, both from the plan store) as the interventions' sector options.
 */
@Component("previousPlan")
class PreviousPlanListener implements TaskListener {

  private final PlanStore store;
  private final CourseIdentity identity;
  private final SectorSelection selection;
  private final SectorCatalog sectors;

  PreviousPlanListener(PlanStore store, CourseIdentity identity, SectorSelection selection, SectorCatalog sectors) {
    this.store = store;
    this.identity = identity;
    this.selection = selection;
    this.sectors = sectors;
  }

  @Override
  public void notify(DelegateTask task) {
    DelegateExecution execution = task.getExecution();
    List<String> participating = selection.participating(execution);
    FormOptions.set(execution, PARTICIPATING_SECTOR_OPTIONS, sectors.options(participating));
    boolean proposalOnTheTable = PlanMeetingInput.contentFields().stream()
        .anyMatch(name -> execution.getVariable(name) != null);
    if (proposalOnTheTable) {
      return;
    }
    store.current(identity.of(task).id()).ifPresent(version -> {
      CITIZEN_GOALS.set(execution, version.citizenGoals());
      int n = 0;
      for (PlanGoal goal : version.goals()) {
        Row row = PlanMeetingInput.GOALS.row(++n, execution);
        execution.setVariable(row.name("lifeDomain"), goal.lifeDomain().key());
        execution.setVariable(row.name("citizenWords"), goal.citizenWords());
        execution.setVariable(row.name("goal"), goal.goal());
        execution.setVariable(row.name("subGoals"), goal.subGoals() == null ? "" : goal.subGoals());
      }
      n = 0;
      for (PlanIntervention i : version.interventions()) {
        if (!participating.contains(i.sector())) {
          continue;
        }
        Row row = PlanMeetingInput.INTERVENTIONS.row(++n, execution);
        execution.setVariable(row.name("sector"), i.sector());
        execution.setVariable(row.name("description"), i.description());
        execution.setVariable(row.name("responsible"), i.responsible());
        execution.setVariable(row.name("plannedStart"), i.plannedStart().toString());
        execution.setVariable(row.name("plannedEnd"), i.plannedEnd() == null ? "" : i.plannedEnd().toString());
      }
      PREVIOUS_PLAN_VERSION.setLocal(task, version.version());
    });
  }
}
