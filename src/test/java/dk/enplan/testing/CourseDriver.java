package dk.enplan.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.enplan.course.CourseProcess;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * Drives courses the way Tasklist and Cockpit do: starts with the start form's fields, completes a task only with
 * fields its deployed form has (a list as the JSON Tasklist submits), as a user of the course's municipality, and
 * runs jobs and timers by element id.
 */
@Component
public class CourseDriver {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final RuntimeService runtime;
  private final TaskService tasks;
  private final FormService forms;
  private final ManagementService management;
  private final IdentityService identity;
  private final RepositoryService repository;
  private final ProcessEngineConfigurationImpl engineConfiguration;

  CourseDriver(RuntimeService runtime, TaskService tasks, FormService forms, ManagementService management,
               IdentityService identity, RepositoryService repository,
               ProcessEngineConfigurationImpl engineConfiguration) {
    this.runtime = runtime;
    this.tasks = tasks;
    this.forms = forms;
    this.management = management;
    this.identity = identity;
    this.repository = repository;
    this.engineConfiguration = engineConfiguration;
  }

  /** Submits the start form of en-plan as a visitation caseworker of {@code tenant}. */
  public ProcessInstance refer(String tenant, Map<String, Object> startForm) {
    String definitionId = repository.createProcessDefinitionQuery().processDefinitionKey("en-plan")
        .latestVersion().singleResult().getId();
    DeployedForm form = DeployedForm.read(forms.getDeployedStartForm(definitionId));
    assertThat(form.id()).isEqualTo("henvisning");
    assertThat(form.fields().keySet()).as("start form fields").containsAll(startForm.keySet());
    return as("visitation." + tenant, List.of("visitation"), tenant,
        () -> runtime.startProcessInstanceByKey("en-plan", tasklistSubmission(startForm)));
  }

  /** The one open task with this definition key in the course (its own instance or a called sector process). */
  public Task task(String courseId, String taskDefinitionKey) {
    return tasks.createTaskQuery().processInstanceBusinessKey(courseId).taskDefinitionKey(taskDefinitionKey)
        .singleResult();
  }

  public List<Task> tasks(String courseId, String taskDefinitionKey) {
    return tasks.createTaskQuery().processInstanceBusinessKey(courseId).taskDefinitionKey(taskDefinitionKey)
        .orderByTaskId().asc().list();
  }

  /** Completes the task as Tasklist would after the caseworker filled in its form. */
  public void complete(Task task, Map<String, Object> formValues) {
    String courseId = courseIdOf(task.getProcessInstanceId());
    DeployedForm form = form(task);
    assertThat(form.fields().keySet()).as("fields of form %s", form.id()).containsAll(formValues.keySet());
    String user = task.getAssignee() != null ? task.getAssignee() : "sagsbehandler";
    List<String> groups = tasks.getIdentityLinksForTask(task.getId()).stream()
        .map(link -> link.getGroupId()).filter(g -> g != null).toList();
    as(user, groups, task.getTenantId(), () -> {
      tasks.complete(task.getId(), tasklistSubmission(formValues));
      return null;
    });
    executeJoins(courseId);
  }

  /** The form the engine hands Tasklist for this task. */
  public DeployedForm form(Task task) {
    return DeployedForm.read(forms.getDeployedTaskForm(task.getId()));
  }

  /** Executes the one job (async continuation or timer) waiting at {@code activityId} in the course. */
  public void executeJob(ProcessInstance course, String activityId) {
    Job job = management.createJobQuery().processInstanceId(course.getId()).activityId(activityId).singleResult();
    if (job == null) {
      job = management.createJobQuery().processInstanceId(course.getId())
          .activityId(activityId + "#multiInstanceBody").singleResult();
    }
    assertThat(job).as("job at %s", activityId).isNotNull();
    management.executeJob(job.getId());
    executeJoins(course.getBusinessKey());
  }

  /**
   * Executes the jobs at the course's joins ({@link CourseProcess.Elements#JOINS}: a called process of a
   * multi-instance call activity that ended leaves a job there), as the job executor would, until none is left.
   * {@link #complete}, {@link #executeJob} and {@link #correlate} do so themselves; a test that ends a called process
   * otherwise (the specialist-system worker, a REST call) calls this. Returns how many were executed.
   */
  public int executeJoins(String courseId) {
    int executed = 0;
    if (courseId == null || jobExecutorActive()) {
      return executed; // a cluster node's job executor runs them itself
    }
    for (boolean found = true; found; ) {
      found = false;
      for (ProcessInstance instance : runtime.createProcessInstanceQuery().processInstanceBusinessKey(courseId)
          .processDefinitionKey(CourseProcess.KEY).list()) {
        for (String join : CourseProcess.Elements.JOINS) {
          for (Job job : management.createJobQuery().processInstanceId(instance.getId()).activityId(join).list()) {
            management.executeJob(job.getId());
            executed++;
            found = true;
          }
        }
      }
    }
    return executed;
  }

  public void correlate(String courseId, String message, Map<String, Object> variables) {
    runtime.createMessageCorrelation(message).processInstanceBusinessKey(courseId)
        .setVariables(tasklistSubmission(variables)).correlateWithResult();
    executeJoins(courseId);
  }

  private boolean jobExecutorActive() {
    JobExecutor executor = engineConfiguration.getJobExecutor();
    return executor != null && executor.isActive();
  }

  /** The course id (business key) of a process instance of the course, its own or a called one. */
  private String courseIdOf(String processInstanceId) {
    ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceId(processInstanceId)
        .singleResult();
    return instance == null ? null : instance.getBusinessKey();
  }

  /** Runs the action authenticated as the user, with these groups and (if not null) this tenant. */
  public <T> T as(String user, List<String> groups, String tenant, java.util.function.Supplier<T> action) {
    identity.setAuthentication(user, groups, tenant == null ? List.of() : List.of(tenant));
    try {
      return action.get();
    } finally {
      identity.clearAuthentication();
    }
  }

  /** Lists are submitted as JSON arrays, as Camunda Forms in Tasklist does for a checklist or a dynamic list. */
  private static VariableMap tasklistSubmission(Map<String, Object> values) {
    VariableMap variables = Variables.createVariables();
    values.forEach((name, value) -> {
      if (value instanceof Collection<?> list) {
        try {
          variables.putValueTyped(name, SpinValues.jsonValue(JSON.writeValueAsString(list)).create());
        } catch (JsonProcessingException e) {
          throw new IllegalArgumentException(name, e);
        }
      } else {
        variables.put(name, value);
      }
    });
    return variables;
  }
}
