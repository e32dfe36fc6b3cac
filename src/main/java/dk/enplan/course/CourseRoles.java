package dk.enplan.course;

import dk.enplan.process.InvalidInputException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Who works a course's tasks, as the plan store records it (never the {@code coordinator} variable): the models
 * assign every coordinator task as {@code camunda:assignee="${courseRoles.coordinator(execution)}"}.
 */
@Component("courseRoles")
public class CourseRoles {

  private final CourseIdentity identity;

  CourseRoles(CourseIdentity identity) {
    this.identity = identity;
  }

  /** The coordinating contact person chosen at visitation. */
  public String coordinator(DelegateExecution execution) {
    String coordinator = identity.of(execution).coordinator();
    if (coordinator == null) {
      throw new InvalidInputException(CourseVariables.COORDINATOR.name(), "forløbet har endnu ingen koordinator");
    }
    return coordinator;
  }
}
