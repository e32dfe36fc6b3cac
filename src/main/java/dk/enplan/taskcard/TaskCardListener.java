package dk.enplan.taskcard;

import dk.enplan.course.Course;
import dk.enplan.course.CourseRepository;
import dk.enplan.course.CourseVariables;
import dk.enplan.process.WithoutUserChecks;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.task.Task;

/**
 * On every user task's creation: the citizen's name and masked CPR and the course's phase as task-local variables
 * ({@link TaskCard}). The citizen comes from the process's variables (the course and its called sector processes
 * carry both), else from the plan store by the course id (the business key). When the new task starts a new phase,
 * the other open tasks of the course get it too, so no card shows a phase the course has left.
 */
class TaskCardListener implements TaskListener {

  private final CourseRepository courses;

  TaskCardListener(CourseRepository courses) {
    this.courses = courses;
  }

  @Override
  public void notify(DelegateTask task) {
    WithoutUserChecks.get(() -> {
      String courseId = task.getExecution().getProcessBusinessKey();
      citizen(task, courseId).ifPresent(citizen -> {
        task.setVariableLocal(TaskCard.CITIZEN_NAME, citizen.name());
        task.setVariableLocal(TaskCard.MASKED_CPR, citizen.maskedCpr());
      });
      phase(task).ifPresent(phase -> {
        task.setVariableLocal(TaskCard.PHASE, phase.label());
        if (courseId != null) {
          updateOpenTasks(task, courseId, phase.label());
        }
      });
      return null;
    });
  }

  private Optional<Citizen> citizen(DelegateTask task, String courseId) {
    Object name = task.getVariable(CourseVariables.CITIZEN_NAME.name());
    Object maskedCpr = task.getVariable(CourseVariables.CITIZEN_MASKED_CPR.name());
    if (name != null && maskedCpr != null) {
      return Optional.of(new Citizen(name.toString(), maskedCpr.toString()));
    }
    return Optional.ofNullable(courseId).flatMap(courses::findById)
        .map(Citizen::new);
  }

  /** The phase of the course the task belongs to: from what the course's own process has active. */
  private static Optional<CoursePhase> phase(DelegateTask task) {
    String course = ((ExecutionEntity) task.getExecution()).getRootProcessInstanceId();
    RuntimeService runtime = task.getProcessEngineServices().getRuntimeService();
    return CoursePhase.of(runtime.getActiveActivityIds(course));
  }

  private static void updateOpenTasks(DelegateTask created, String courseId, String phase) {
    TaskService tasks = created.getProcessEngineServices().getTaskService();
    List<Task> open = tasks.createTaskQuery().processInstanceBusinessKey(courseId).list();
    for (Task other : open) {
      if (!other.getId().equals(created.getId()) && !phase.equals(tasks.getVariableLocal(other.getId(),
          TaskCard.PHASE))) {
        tasks.setVariableLocal(other.getId(), TaskCard.PHASE, phase);
      }
    }
  }

  private record Citizen(String name, String maskedCpr) {
    Citizen(Course course) {
      this(course.citizenName(), course.cpr().masked());
    }
  }
}
