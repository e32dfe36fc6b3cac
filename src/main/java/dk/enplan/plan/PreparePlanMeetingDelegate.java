package dk.enplan.plan;

import static dk.enplan.course.CourseVariables.ASSESSMENT_OVERVIEW;

import dk.enplan.course.CourseIdentity;
import dk.enplan.plan.SectorReport.Kind;
import dk.enplan.sector.SectorCatalog;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Puts the sectors' assessments side by side for the plan meeting (the latest per sector). */
@Component("preparePlanMeeting")
class PreparePlanMeetingDelegate implements JavaDelegate {

  private final PlanStore store;
  private final SectorCatalog sectors;
  private final CourseIdentity identity;

  PreparePlanMeetingDelegate(PlanStore store, SectorCatalog sectors, CourseIdentity identity) {
    this.store = store;
    this.identity = identity;
    this.sectors = sectors;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Map<String, SectorReport> latest = new LinkedHashMap<>();
    store.reports(identity.of(execution).id(), Kind.ASSESSMENT).forEach(r -> latest.put(r.sector(), r));
    String overview = latest.values().stream()
        .map(r -> "**" + sectors.get(r.sector()).name() + ":** " + r.summary() + "\n\nAnbefaling: " + r.detail())
        .collect(Collectors.joining("\n\n"));
    ASSESSMENT_OVERVIEW.set(execution, overview.isEmpty() ? "Ingen udredninger registreret." : overview);
  }
}
