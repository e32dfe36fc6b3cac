package dk.enplan.deployment;

import java.util.List;
import java.util.Set;

/**
 * THE allow-list: every call of an application bean (and the one property read) that an expression in a deployed
 * model may make. An entry is {@code head.step.step…}; a step is {@code method(_, …)} with one {@code _} per argument,
 * or a bare name for a property read. A model's chain must equal an entry exactly, so
 * {@code sectorCatalog.get(sector).name()} passes and {@code sectorCatalog.get(sector).getClass()} does not.
 * Arguments are themselves checked by the safe grammar ({@link ExpressionParser}).
 *
 * <p>To let models call another method, append one line here (and to docs/deployment-rules.md); keep the methods
 * free of side effects beyond reading the course.
 */
final class AllowedBeanCalls {

  static final List<String> ENTRIES = List.of(
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

  private static final Set<String> CHAINS = Set.copyOf(ENTRIES);

  private AllowedBeanCalls() {
  }

  /** Whether the chain, written like an entry ({@code sectorCatalog.get(_).name()}), is allowed. */
  static boolean allows(String chain) {
    return CHAINS.contains(chain);
  }

  /** Whether some entry starts with this head, i.e. the name is meant to be called, not read as a variable. */
  static boolean isHead(String name) {
    return ENTRIES.stream().anyMatch(entry -> entry.startsWith(name + "."));
  }
}
