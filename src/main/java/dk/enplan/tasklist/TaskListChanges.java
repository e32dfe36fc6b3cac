package dk.enplan.tasklist;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The versions of {@code task_list_version}: which municipalities' task lists a transaction changed, raised at its
 * commit; and the versions a count is made under. Row {@code ''} stands for what belongs to no municipality or
 * cannot be told (a grant of no task, a statement over many rows): every count reads it, so a change there
 * invalidates every count.
 *
 * <p>The versions are raised in {@code beforeCommit}, in the transaction that made the change: a node that reads a
 * version either sees the change committed or counts before it, so a count is never kept under a version that hides
 * a change. The rows are raised in the order of their tenant ids, before the other beforeCommit writes (the KPI
 * counters), so two transactions lock them in the same order.
 */
class TaskListChanges {

  static final String SHARED = "";

  private final JdbcTemplate jdbc;
  private final boolean postgres;
  private final Object resource = new Object();

  TaskListChanges(JdbcTemplate jdbc, boolean postgres) {
    this.jdbc = jdbc;
    this.postgres = postgres;
  }

  /** The transaction's changes so far: municipalities, tasks written, tasks whose grants were written. */
  private static final class Pending {
    final Set<String> tenants = new TreeSet<>();
    final Set<String> tasks = new HashSet<>();
    final Set<String> grantedTasks = new HashSet<>();

    Set<String> tenantsToRaise() {
      Set<String> raise = new TreeSet<>(tenants);
      if (!tasks.containsAll(grantedTasks)) {
        raise.add(SHARED);
      }
      return raise;
    }
  }

  /**
   * Records what an engine write statement changes; {@code parameter} is the statement's parameter. The engine's
   * commands run in Spring transactions here; a write outside one raises its versions at once.
   */
  void written(Object parameter) {
    Pending pending = pending();
    if (pending == null) {
      raise(describe(parameter, new Pending()).tenantsToRaise());
      return;
    }
    describe(parameter, pending);
  }

  /** Whether this transaction has changed task lists that it has not committed yet. */
  boolean changedInThisTransaction() {
    return TransactionSynchronizationManager.isSynchronizationActive()
        && TransactionSynchronizationManager.getResource(resource) != null;
  }

  /**
   * The versions a count for these municipalities is made under ({@code null}: every municipality), read on the
   * engine's connection.
   */
  Map<String, Long> versions(Connection connection, Collection<String> tenants) throws SQLException {
    List<String> ids = tenants == null ? List.of() : List.copyOf(tenants);
    String sql = tenants == null ? "select tenant_id, version from task_list_version"
        : "select tenant_id, version from task_list_version where tenant_id in (?"
            + ", ?".repeat(ids.size()) + ")";
    Map<String, Long> versions = new TreeMap<>();
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      if (tenants != null) {
        statement.setString(1, SHARED);
        for (int i = 0; i < ids.size(); i++) {
          statement.setString(i + 2, ids.get(i));
        }
      }
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          versions.put(rows.getString(1), rows.getLong(2));
        }
      }
    }
    return versions;
  }

  private static Pending describe(Object parameter, Pending pending) {
    if (parameter instanceof TaskEntity task) {
      pending.tasks.add(task.getId());
      pending.tenants.add(tenant(task.getTenantId()));
    } else if (parameter instanceof IdentityLinkEntity link) {
      if (link.getTaskId() != null) {
        pending.tasks.add(link.getTaskId());
      }
      pending.tenants.add(tenant(link.getTenantId()));
    } else if (parameter instanceof VariableInstanceEntity variable) {
      pending.tenants.add(tenant(variable.getTenantId()));
    } else if (parameter instanceof ExecutionEntity execution) {
      pending.tenants.add(tenant(execution.getTenantId()));
    } else if (parameter instanceof ProcessDefinitionEntity definition) {
      pending.tenants.add(tenant(definition.getTenantId()));
    } else if (parameter instanceof AuthorizationEntity grant) {
      granted(grant.getResourceType(), grant.getResourceId(), pending);
    } else if (parameter instanceof Map<?, ?> map && map.get("resourceType") instanceof Integer type) {
      granted(type, map.get("resourceId") instanceof String id ? id : null, pending);
    } else {
      pending.tenants.add(SHARED);
    }
    return pending;
  }

  /**
   * A task count checks READ on the task and READ_TASK on its process definition: a task's grant belongs to the
   * task (its municipality is raised with the task's own write, or all are if the task was not written), a
   * definition's to every municipality; grants on other resources (history, applications, users) count nothing.
   */
  private static void granted(int resourceType, String resourceId, Pending pending) {
    if (resourceType == Resources.TASK.resourceType() && resourceId != null) {
      pending.grantedTasks.add(resourceId);
    } else if (resourceType == Resources.TASK.resourceType()
        || resourceType == Resources.PROCESS_DEFINITION.resourceType()) {
      pending.tenants.add(SHARED);
    }
  }

  private static String tenant(String tenantId) {
    return tenantId == null ? SHARED : tenantId;
  }

  private Pending pending() {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      return null;
    }
    Pending pending = (Pending) TransactionSynchronizationManager.getResource(resource);
    if (pending == null) {
      Pending created = new Pending();
      TransactionSynchronizationManager.bindResource(resource, created);
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public int getOrder() {
          return Ordered.HIGHEST_PRECEDENCE;
        }

        @Override
        public void beforeCommit(boolean readOnly) {
          raise(created.tenantsToRaise());
        }

        @Override
        public void afterCompletion(int status) {
          TransactionSynchronizationManager.unbindResourceIfPossible(resource);
        }
      });
      pending = created;
    }
    return pending;
  }

  private void raise(Set<String> tenants) {
    for (String tenant : tenants) {
      jdbc.update(postgres
          ? "insert into task_list_version (tenant_id, version) values (?, 1)"
              + " on conflict (tenant_id) do update set version = task_list_version.version + 1"
          : "merge into task_list_version v using (values (cast(? as varchar(64)))) s(tenant_id)"
              + " on v.tenant_id = s.tenant_id when matched then update set version = v.version + 1"
              + " when not matched then insert (tenant_id, version) values (s.tenant_id, 1)", tenant);
    }
  }
}
