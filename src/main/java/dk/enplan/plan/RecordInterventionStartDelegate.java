package dk.enplan.plan;

import static dk.enplan.course.CourseVariables.INTERVENTION_RESPONSIBLE;
import static dk.enplan.course.CourseVariables.INTERVENTION_START;
import static dk.enplan.course.CourseVariables.SECTOR_INTERVENTIONS;

import dk.enplan.course.CourseIdentity;
import dk.enplan.process.CompletingUser;
import dk.enplan.plan.SectorReport.Kind;
import dk.enplan.process.InvalidInputException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * A sector started its part of the plan (called process {@code sektor-indsats}): its interventions in the plan store
 * are under way from the start date (today at the latest, so an intervention never ends before it started), and the
 * sector's report names who is responsible.
 */
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
    String responsible = INTERVENTION_RESPONSIBLE.text(execution, 200);
    LocalDate start = date(INTERVENTION_START.text(execution, 40));
    if (start.isAfter(PlanStore.today())) {
      throw new InvalidInputException(INTERVENTION_START.name(),
          "startdatoen ligger efter i dag; igangsæt indsatsen, når den er startet");
    }
    List<PlanIntervention> interventions = store.startInterventions(courseId, sector, start);
    String planned = interventions.stream().map(PlanIntervention::description).collect(Collectors.joining("; "));
    store.report(courseId, sector, Kind.INTERVENTION_STARTED, planned.isEmpty() ? "Indsats" : planned,
        "Ansvarlig: " + responsible + ", start: " + start, CompletingUser.of(execution));
    SECTOR_INTERVENTIONS.set(execution, PlanTexts.interventions(interventions));
  }

  private static LocalDate date(String text) {
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(INTERVENTION_START.name(), "skal være en dato (åååå-mm-dd)");
    }
  }
}
