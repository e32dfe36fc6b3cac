package dk.enplan.plan;

import static dk.enplan.course.CourseVariables.OUTSTANDING_SECTORS;

import dk.enplan.course.CourseIdentity;
import dk.enplan.course.SectorSelection;
import dk.enplan.plan.SectorReport.Kind;
import dk.enplan.sector.SectorCatalog;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Tells the coordinator's reminder task which sectors have not delivered their assessment yet. */
@Component("outstandingAssessments")
class OutstandingAssessmentsListener implements TaskListener {

  private final PlanStore store;
  private final SectorCatalog sectors;
  private final SectorSelection selection;
  private final CourseIdentity identity;

  OutstandingAssessmentsListener(PlanStore store, SectorCatalog sectors, SectorSelection selection,
                                 CourseIdentity identity) {
    this.store = store;
    this.identity = identity;
    this.sectors = sectors;
    this.selection = selection;
  }

  @Override
  public void notify(DelegateTask task) {
    Set<String> delivered = store.reports(identity.of(task).id(), Kind.ASSESSMENT).stream()
        .map(SectorReport::sector).collect(Collectors.toSet());
    List<String> outstanding = selection.participating(task.getExecution()).stream()
        .filter(sector -> !delivered.contains(sector)).toList();
    OUTSTANDING_SECTORS.setLocal(task, outstanding.isEmpty() ? "ingen (alle er afleveret)" : sectors.names(outstanding));
  }
}
