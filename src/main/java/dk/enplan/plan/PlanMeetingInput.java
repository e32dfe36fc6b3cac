package dk.enplan.plan;

import static dk.enplan.course.CourseVariables.CITIZEN_GOALS;
import static dk.enplan.course.CourseVariables.MEETING_NOTE;

import dk.enplan.process.InvalidInputException;
import dk.enplan.process.NumberedRows;
import dk.enplan.process.NumberedRows.Row;
import dk.enplan.process.ProcessVariable;
import dk.enplan.sector.SectorCatalog;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;

/** Reads and checks the plan meeting form: the citizen's words, goals and interventions in sequence. */
final class PlanMeetingInput {

  static final NumberedRows GOALS = new NumberedRows("goal", 3,
      List.of("lifeDomain", "citizenWords", "goal", "subGoals"));
  static final NumberedRows INTERVENTIONS = new NumberedRows("intervention", 4,
      List.of("sector", "description", "responsible", "plannedStart", "plannedEnd"));
  static final int TEXT_MAX = 2000;

  private PlanMeetingInput() {
  }

  static AgreedPlan read(VariableScope scope, List<String> participatingSectors, SectorCatalog sectors) {
    String citizenGoals = CITIZEN_GOALS.text(scope, 4000);
    List<AgreedPlan.Goal> goals = GOALS.from(scope).stream().map(PlanMeetingInput::goal).toList();
    if (goals.isEmpty()) {
      throw new InvalidInputException(GOALS.first(), "planen skal have mindst ét mål");
    }
    List<AgreedPlan.Intervention> interventions = INTERVENTIONS.from(scope).stream()
        .map(row -> intervention(row, participatingSectors, sectors)).toList();
    if (interventions.isEmpty()) {
      throw new InvalidInputException(INTERVENTIONS.first(), "planen skal have mindst én indsats");
    }
    return new AgreedPlan(citizenGoals, goals, interventions,
        MEETING_NOTE.optionalText(scope, ProcessVariable.TEXT_MAX).orElse(null));
  }

  /** The plan's content fields of the form: the citizen's words and every numbered goal and intervention field. */
  static List<String> contentFields() {
    List<String> names = new java.util.ArrayList<>(List.of(CITIZEN_GOALS.name()));
    names.addAll(GOALS.names());
    names.addAll(INTERVENTIONS.names());
    return names;
  }

  private static AgreedPlan.Goal goal(Row row) {
    return new AgreedPlan.Goal(LifeDomain.of(row.path() + "LifeDomain", row.text("lifeDomain", 32)),
        row.text("citizenWords", TEXT_MAX), row.text("goal", TEXT_MAX), row.optionalText("subGoals", TEXT_MAX)
        .orElse(null));
  }

  private static AgreedPlan.Intervention intervention(Row row, List<String> participating,
                                                      SectorCatalog sectors) {
    String sector = row.text("sector", 64);
    if (!participating.contains(sector)) {
      throw row.invalid("sector", "'" + sector + "' deltager ikke i forløbet med borgerens samtykke");
    }
    LocalDate start = row.date("plannedStart");
    LocalDate end = row.optionalDate("plannedEnd").orElse(null);
    if (end != null && end.isBefore(start)) {
      throw row.invalid("plannedEnd", "slutdatoen ligger før startdatoen");
    }
    return new AgreedPlan.Intervention(sector, sectors.get(sector).law(), row.text("description", TEXT_MAX),
        row.text("responsible", 200), start, end);
  }
}
