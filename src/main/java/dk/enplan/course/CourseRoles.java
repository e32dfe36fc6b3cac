package dk.enplan.course;

import dk.enplan.process.InvalidInputException;
import dk.enplan.sector.SectorCatalog;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Who works a course's tasks, as the plan store records it (never the {@code coordinator} variable): the models
 * assign every coordinator task as {@code camunda:assignee="${courseRoles.coordinator(execution)}"} and every sector
 * task to {@code camunda:candidateGroups="${courseRoles.sectorGroup(execution)}"}.
 */
@Component("courseRoles")
public class CourseRoles {

  private final CourseIdentity identity;
  private final SectorCatalog sectors;

  CourseRoles(CourseIdentity identity, SectorCatalog sectors) {
    this.identity = identity;
    this.sectors = sectors;
  }

  /** The coordinating contact person chosen at visitation. */
  public String coordinator(DelegateExecution execution) {
    String coordinator = identity.of(execution).coordinator();
    if (coordinator == null) {
      throw new InvalidInputException(CourseVariables.COORDINATOR.name(), "forløbet har endnu ingen koordinator");
    }
    return coordinator;
  }

  /**
   * The candidate group of a sector process's tasks: the caseworkers of the sector its parent course called it
   * for, checked against the course (never the {@code sectorGroup} variable).
   */
  public String sectorGroup(DelegateExecution execution) {
    return sectors.get(identity.sectorOf(execution)).group();
  }
}
