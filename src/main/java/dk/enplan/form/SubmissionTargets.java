package dk.enplan.form;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinitionQuery;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;

/**
 * Finds what a submission is checked against, as the engine will resolve it: the task, or the process definition
 * (a key resolved to its latest version among those the caller's tenants see), seen as the caller; then its
 * deployed Camunda Form and current variables. Empty when the caller cannot see the task or definition: the engine
 * then refuses the call itself.
 */
@Component
class SubmissionTargets {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final IdentityService identity;
  private final TaskService tasks;
  private final RepositoryService repository;
  private final FormService forms;

  SubmissionTargets(IdentityService identity, TaskService tasks, RepositoryService repository, FormService forms) {
    this.identity = identity;
    this.tasks = tasks;
    this.repository = repository;
    this.forms = forms;
  }

  Optional<SubmissionTarget> find(FormSubmission submission, Authentication caller) {
    if (submission.startsProcess()) {
      Optional<ProcessDefinition> definition = as(caller, () -> definition(submission));
      return definition.map(found -> as(null, () -> new SubmissionTarget(
          form(() -> forms.getDeployedStartForm(found.getId())), Map.of())));
    }
    Task task = as(caller, () -> tasks.createTaskQuery().taskId(submission.taskId()).singleResult());
    if (task == null) {
      return Optional.empty();
    }
    return Optional.of(as(null, () -> new SubmissionTarget(form(() -> forms.getDeployedTaskForm(task.getId())),
        plain(tasks.getVariables(task.getId())))));
  }

  private Optional<ProcessDefinition> definition(FormSubmission submission) {
    ProcessDefinitionQuery query = repository.createProcessDefinitionQuery();
    if (submission.definitionId() != null) {
      query.processDefinitionId(submission.definitionId());
    } else {
      query.processDefinitionKey(submission.definitionKey()).latestVersion();
      if (submission.tenantId() != null) {
        query.tenantIdIn(submission.tenantId());
      }
    }
    List<ProcessDefinition> found = query.list();
    return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
  }

  /** The deployed Camunda Form; a start event or task without one accepts no variables. */
  private static CamundaForm form(Supplier<InputStream> deployed) {
    try {
      return CamundaForm.read(deployed.get());
    } catch (ProcessEngineException noCamundaForm) {
      return CamundaForm.none();
    }
  }

  /** Runs the lookup as {@code caller} (null: as the application), then restores who was authenticated. */
  private <T> T as(Authentication caller, Supplier<T> lookup) {
    Authentication previous = identity.getCurrentAuthentication();
    if (caller == null) {
      identity.clearAuthentication();
    } else {
      identity.setAuthentication(caller);
    }
    try {
      return lookup.get();
    } finally {
      if (previous == null) {
        identity.clearAuthentication();
      } else {
        identity.setAuthentication(previous);
      }
    }
  }

  /** Variables as FEEL and the option lists read them: JSON as lists and maps. */
  private static Map<String, Object> plain(Map<String, Object> variables) {
    Map<String, Object> plain = new LinkedHashMap<>();
    variables.forEach((name, value) -> {
      if (value instanceof SpinJsonNode json) {
        try {
          value = JSON.readValue(json.toString(), Object.class);
        } catch (JsonProcessingException e) {
          value = null;
        }
      }
      plain.put(name, value);
    });
    return plain;
  }
}
