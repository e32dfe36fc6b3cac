package dk.enplan.names;

import java.util.List;

/**
 * The application beans' methods an expression in a model may call (and the one property read), the allow-list the
 * deployment gate enforces ({@code dk.enplan.deployment}, docs/deployment-rules.md). An entry is
 * {@code head.step.step…}; a step is {@code method(_, …)} with one {@code _} per argument, or a bare name for a
 * property read. {@code ModelRulesTest} checks that the shipped models use exactly these, {@code ModelConformanceTest}
 * that each resolves to a public method of the bean of that name.
 *
 * <p>To let models call another method, append one line here (and to docs/deployment-rules.md); keep the methods
 * free of side effects beyond reading the course.
 */
public final class ModelCalls {

  public static final List<String> ENTRIES = List.of(
      // dk.enplan.sector.SectorCatalog: a sector's Danish name
      "sectorCatalog.get(_).name()",
      // dk.enplan.course.CourseDeadlines: the municipality's deadlines (decision table frister.dmn)
      "courseDeadlines.taskDueDate(_)",
      "courseDeadlines.assessmentDeadline(_)",
      "courseDeadlines.assessmentDueDate(_)",
      "courseDeadlines.followUpInterval(_)",
      "courseDeadlines.complaintDeadline(_)",
      "courseDeadlines.complaintDueDate(_)",
      // dk.enplan.course.DanishDates: a date as a form's text view shows it (dd-mm-åååå, Danish time)
      "danishDates.date(_)",
      // dk.enplan.municipality.DecisionTenants: whose decision table a course evaluates
      "decisionTenants.of(_,_)",
      // dk.enplan.course.SectorSelection: the sectors of the course
      "sectorSelection.chosen(_)",
      "sectorSelection.participating(_)",
      // dk.enplan.plan.PlannedSectors: the sectors with an intervention in the agreed plan
      "plannedSectors.withInterventions(_)",
      // dk.enplan.course.CourseRoles: the course's coordinating contact person, from the plan store
      "courseRoles.coordinator(_)",
      "courseRoles.sectorGroup(_)",
      // the engine's execution: the course id handed to called processes (camunda:in businessKey)
      "execution.processBusinessKey");

  private ModelCalls() {
  }
}
