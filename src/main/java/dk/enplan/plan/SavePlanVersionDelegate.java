package dk.enplan.plan;

import static dk.enplan.course.CourseVariables.CITIZEN_AGREES;
import static dk.enplan.course.CourseVariables.MEETING_NOTE;
import static dk.enplan.course.CourseVariables.PLANNED_INTERVENTIONS;
import static dk.enplan.course.CourseVariables.PLAN_GOALS;
import static dk.enplan.course.CourseVariables.PLAN_VERSION;

import dk.enplan.course.Course;
import dk.enplan.course.CourseIdentity;
import dk.enplan.process.CompletingUser;
import dk.enplan.course.SectorSelection;
import dk.enplan.sector.SectorCatalog;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The citizen agreed: the plan from the meeting becomes the next version of the Én Plan in the plan store, with the
 * meeting's minutes. The process keeps the version number and a readable summary for the forms that show the plan;
 * the meeting's fields (the citizen's words, the numbered goals and interventions, the agreement, the minutes) are
 * removed from it, so a later meeting starts from the stored version ({@code previousPlan}), never from leftovers.
 * The version is agreed by the user who completed the plan meeting (the engine's authenticated user: a covering
 * coordinator is recorded as herself), never by the {@code coordinator} of the course.
 */
@Component("savePlanVersion")
class SavePlanVersionDelegate implements JavaDelegate {


  private final PlanStore store;
  private final SectorCatalog sectors;
  private final SectorSelection selection;
  private final CourseIdentity identity;

  SavePlanVersionDelegate(PlanStore store, SectorCatalog sectors, SectorSelection selection,
                          CourseIdentity identity) {
    this.store = store;
    this.identity = identity;
    this.sectors = sectors;
    this.selection = selection;
  }

  @Override
  public void execute(DelegateExecution execution) {
    AgreedPlan plan = PlanMeetingInput.read(execution, selection.participating(execution), sectors);
    Course course = identity.of(execution);
    String agreedBy = java.util.Objects.requireNonNullElse(CompletingUser.of(execution), CompletingUser.NO_USER);
    PlanVersion version = store.agree(course.id(), plan, agreedBy);
    PLAN_VERSION.set(execution, version.version());
    PLAN_GOALS.set(execution, plan.goals().stream()
        .map(g -> "- " + g.lifeDomain().label() + ": " + g.goal() + " (\"" + g.citizenWords() + "\")"
            + (g.subGoals() == null ? "" : "; delmål: " + g.subGoals()))
        .collect(Collectors.joining("\n")));
    // Numbered here, in the plan's order: the forms show the text as it is (no markdown renumbering a "1." list).
    var interventions = plan.interventions();
    PLANNED_INTERVENTIONS.set(execution, java.util.stream.IntStream.range(0, interventions.size())
        .mapToObj(n -> (n + 1) + ". " + sectors.get(interventions.get(n).sector()).name() + ": "
            + interventions.get(n).description() + " – ansvarlig: " + interventions.get(n).responsible() + ", "
            + PlanTexts.period(interventions.get(n).plannedStart(), interventions.get(n).plannedEnd()))
        .collect(Collectors.joining("\n")));
    PlanMeetingInput.contentFields().forEach(execution::removeVariable);
    execution.removeVariable(CITIZEN_AGREES.name());
    execution.removeVariable(MEETING_NOTE.name());
  }
}
