package dk.enplan.security;

import dk.enplan.names.GroupNames;
import java.util.Optional;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * What the allow-list needs to know about the engine's state to judge a call: the key of a process definition, a
 * task as it stands, whether a user belongs to a municipality or is one of its coordinators. Looked up as the
 * application, not as the caller (whose authorizations the engine applies to the call itself afterwards).
 */
@Component
class EngineLookups {

  static final String COORDINATOR_GROUP = GroupNames.COORDINATOR;

  private final IdentityService identity;
  private final RepositoryService repository;
  private final TaskService tasks;

  EngineLookups(IdentityService identity, RepositoryService repository, TaskService tasks) {
    this.identity = identity;
    this.repository = repository;
    this.tasks = tasks;
  }

  Optional<String> processDefinitionKey(String processDefinitionId) {
    return asApplication(() -> Optional.ofNullable(repository.createProcessDefinitionQuery()
        .processDefinitionId(processDefinitionId).singleResult()).map(ProcessDefinition::getKey));
  }

  Optional<Task> task(String taskId) {
    return asApplication(() -> Optional.ofNullable(tasks.createTaskQuery().taskId(taskId).singleResult()));
  }

  boolean isMemberOf(String userId, String tenant) {
    return asApplication(() -> identity.createUserQuery().userId(userId).memberOfTenant(tenant).count() == 1);
  }

  boolean isCoordinatorIn(String userId, String tenant) {
    return asApplication(() -> identity.createUserQuery().userId(userId).memberOfGroup(COORDINATOR_GROUP)
        .memberOfTenant(tenant).count() == 1);
  }

  /** Runs a query without the caller's authentication (the engine checks the caller on the call itself). */
  private <T> T asApplication(Supplier<T> query) {
    Authentication caller = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      return query.get();
    } finally {
      if (caller != null) {
        identity.setAuthentication(caller);
      }
    }
  }
}
