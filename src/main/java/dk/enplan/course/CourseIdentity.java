package dk.enplan.course;

import static dk.enplan.course.CourseVariables.COURSE_ID;
import static dk.enplan.course.CourseVariables.MUNICIPALITY;
import static dk.enplan.course.CourseVariables.SECTOR;

import dk.enplan.process.InvalidInputException;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.springframework.stereotype.Component;

/**
 * Which course a process instance works on, never taken from a variable a client could have written: the course
 * id is the business key of the {@code en-plan} instance at the root (registration made it so), a called process
 * counts only when its parent chain leads there with the same business key and tenant, and the course in the plan
 * store must belong to that instance and its tenant. A {@code courseId} or {@code municipality} variable that
 * disagrees makes the course refuse loudly rather than act on another course.
 */
@Component
public class CourseIdentity {

  private final CourseService courses;

  CourseIdentity(CourseService courses) {
    this.courses = courses;
  }

  public Course of(DelegateTask task) {
    return of(task.getExecution(), task);
  }

  public Course of(DelegateExecution execution) {
    return of(execution, execution);
  }

  /**
   * The sector a called process works for: its {@code sector} variable must be the one its parent's call activity
   * passed for this instance, and a sector chosen for the course.
   */
  public String sectorOf(DelegateExecution execution) {
    Course course = of(execution);
    String sector = SECTOR.from(execution);
    DelegateExecution call = execution.getProcessInstance().getSuperExecution();
    if (call == null || !sector.equals(call.getVariable(SECTOR.name()))
        || !course.chosenSectors().contains(sector)) {
      throw new InvalidInputException(SECTOR.name(), "'" + sector + "' er ikke en sektor, forløbet har bestilt");
    }
    return sector;
  }

  private Course of(DelegateExecution execution, VariableScope scope) {
    DelegateExecution root = root(execution);
    String courseId = root.getProcessBusinessKey();
    if (courseId == null || courseId.isBlank()) {
      throw new InvalidInputException(COURSE_ID.name(), "forløbet er ikke registreret");
    }
    Course course = courses.get(courseId);
    if (!Objects.equals(course.tenantId(), root.getTenantId())
        || !Objects.equals(course.processInstanceId(), root.getProcessInstanceId())) {
      throw new InvalidInputException(COURSE_ID.name(), "forløbet hører ikke til denne proces eller kommune");
    }
    COURSE_ID.optionalFrom(scope).filter(id -> !id.equals(course.id())).ifPresent(id -> {
      throw new InvalidInputException(COURSE_ID.name(), "må ikke ændres: processen hører til et andet forløb");
    });
    MUNICIPALITY.optionalFrom(scope).filter(tenant -> !tenant.equals(course.tenantId())).ifPresent(tenant -> {
      throw new InvalidInputException(MUNICIPALITY.name(), "må ikke ændres: forløbet hører til en anden kommune");
    });
    return course;
  }

  /** The en-plan instance at the top of the call chain; a called process started on its own is refused. */
  private static DelegateExecution root(DelegateExecution execution) {
    DelegateExecution instance = execution.getProcessInstance();
    DelegateExecution call = instance.getSuperExecution();
    while (call != null) {
      DelegateExecution parent = call.getProcessInstance();
      if (!Objects.equals(parent.getProcessBusinessKey(), instance.getProcessBusinessKey())
          || !Objects.equals(parent.getTenantId(), instance.getTenantId())) {
        throw new InvalidInputException(COURSE_ID.name(), "processen er ikke startet af sit eget forløb");
      }
      instance = parent;
      call = instance.getSuperExecution();
    }
    if (!CourseProcess.KEY.equals(((ExecutionEntity) instance).getProcessDefinition().getKey())) {
      throw new InvalidInputException(COURSE_ID.name(),
          "en sektor- eller leveringsproces kan kun startes af Én Plan-forløbet");
    }
    return instance;
  }
}
