package dk.enplan.plan;

import dk.enplan.course.CourseIdentity;
import dk.enplan.course.SectorSelection;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The sectors that have work in the agreed plan, as the model iterates them ({@code sectorInterventions}): the
 * sectors of the current plan version's interventions, in the plan's order, that still take part with the citizen's
 * consent. A participating sector without an intervention in the plan gets no intervention task.
 */
@Component("plannedSectors")
public class PlannedSectors {

  private final PlanStore store;
  private final CourseIdentity identity;
  private final SectorSelection selection;

  PlannedSectors(PlanStore store, CourseIdentity identity, SectorSelection selection) {
    this.store = store;
    this.identity = identity;
    this.selection = selection;
  }

  public List<String> withInterventions(DelegateExecution execution) {
    List<String> participating = selection.participating(execution);
    return store.current(identity.of(execution).id()).map(version -> version.interventions().stream()
        .map(PlanIntervention::sector).distinct().filter(participating::contains).toList()).orElse(List.of());
  }
}
