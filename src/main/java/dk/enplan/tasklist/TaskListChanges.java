package dk.enplan.tasklist;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
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
 * invalidates every count. With each version the courses (process instances) it changed are written to
 * {@code task_list_change}, so a count kept per course need only count the changed courses again.
 *
 * <p>The versions are raised in {@code beforeCommit}, in the transaction that made the change: a node that reads a
 * version either sees the change committed or counts before it, so a count is never kept under a version that hides
 * a change. The rows are raised in the order of their tenant ids, before the other beforeCommit writes (the KPI
 * counters), so two transactions lock them in the same order.
 */
class TaskListChanges {

  static final String SHARED = "";
  /** The course of a change that belongs to no course or to many: every count of its municipality counts anew. */
  static final String WHOLE = "*";
  /** Versions of a municipality whose changed courses are kept. */
  static final long KEPT_VERSIONS = 10_000;

  private final JdbcTemplate jdbc;
  private final boolean postgres;
  private final Object resource = new Object();

  TaskListChanges(JdbcTemplate jdbc, boolean postgres) {
    this.jdbc = jdbc;
    this.postgres = postgres;
  }

  /**
   * The transaction's changes so far: per municipality the courses changed ({@link #WHOLE} when a change has no
   * course), the tasks written with their courses, and the tasks whose grants or links were written.
   */
  private static final class Pending {
    final Map<String, Set<String>> courses = new TreeMap<>();
    final Map<String, String> taskCourses = new HashMap<>();
    final Set<String> grantedTasks = new HashSet<>();
    final Map<String, Set<String>> linkedTasks = new HashMap<>();

    void changed(String tenantId, String course) {
      courses.computeIfAbsent(tenant(tenantId), t -> new TreeSet<>()).add(course == null ? WHOLE : course);
    }

    /** Per municipality to raise, the courses changed; a grant or link of a task not written here is resolved. */
    Map<String, Set<String>> toRaise() {
      Map<String, Set<String>> raise = new TreeMap<>();
      courses.forEach((tenant, changed) -> raise.put(tenant, new TreeSet<>(changed)));
      linkedTasks.forEach((tenant, tasks) -> tasks.forEach(task -> raise.computeIfAbsent(tenant,
          t -> new TreeSet<>()).add(taskCourses.getOrDefault(task, WHOLE))));
      if (!taskCourses.keySet().containsAll(grantedTasks)) {
        raise.computeIfAbsent(SHARED, t -> new TreeSet<>()).add(WHOLE);
      }
      raise.replaceAll((tenant, changed) -> changed.contains(WHOLE) ? new TreeSet<>(Set.of(WHOLE)) : changed);
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
      raise(describe(parameter, new Pending()).toRaise());
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
      pending.taskCourses.put(task.getId(), task.getProcessInstanceId() == null ? WHOLE : task.getProcessInstanceId());
      pending.changed(task.getTenantId(), task.getProcessInstanceId());
    } else if (parameter instanceof IdentityLinkEntity link) {
      if (link.getTaskId() != null) {
        pending.linkedTasks.computeIfAbsent(tenant(link.getTenantId()), t -> new HashSet<>()).add(link.getTaskId());
      } else {
        pending.changed(link.getTenantId(), null);
      }
    } else if (parameter instanceof VariableInstanceEntity variable) {
      pending.changed(variable.getTenantId(), variable.getProcessInstanceId());
    } else if (parameter instanceof ExecutionEntity execution) {
      pending.changed(execution.getTenantId(), execution.getProcessInstanceId());
    } else if (parameter instanceof ProcessDefinitionEntity definition) {
      pending.changed(definition.getTenantId(), null);
    } else if (parameter instanceof AuthorizationEntity grant) {
      granted(grant.getResourceType(), grant.getResourceId(), pending);
    } else if (parameter instanceof Map<?, ?> map && map.get("resourceType") instanceof Integer type) {
      granted(type, map.get("resourceId") instanceof String id ? id : null, pending);
    } else {
      pending.changed(SHARED, null);
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
      pending.changed(SHARED, null);
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
          raise(created.toRaise());
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

  /**
   * Raises each municipality's version and writes the courses the new version changed, in the order of the tenant
   * ids; every so often deletes the changes older than {@link #KEPT_VERSIONS} versions.
   */
  private void raise(Map<String, Set<String>> changes) {
    changes.forEach((tenant, courses) -> {
      long version;
      if (postgres) {
        version = jdbc.queryForObject("insert into task_list_version (tenant_id, version) values (?, 1)"
            + " on conflict (tenant_id) do update set version = task_list_version.version + 1 returning version",
            Long.class, tenant);
      } else {
        jdbc.update("merge into task_list_version v using (values (cast(? as varchar(64)))) s(tenant_id)"
            + " on v.tenant_id = s.tenant_id when matched then update set version = v.version + 1"
            + " when not matched then insert (tenant_id, version) values (s.tenant_id, 1)", tenant);
        version = jdbc.queryForObject("select version from task_list_version where tenant_id = ?", Long.class,
            tenant);
      }
      jdbc.batchUpdate("insert into task_list_change (tenant_id, version, course) values (?, ?, ?)",
          courses.stream().map(course -> new Object[] {tenant, version, course}).toList());
      if (version % 100 == 0) {
        jdbc.update("delete from task_list_change where tenant_id = ? and version <= ?", tenant,
            version - KEPT_VERSIONS);
      }
    });
  }

  /**
   * The courses changed in the caller's municipalities from one set of versions to another, or {@code null} when
   * that cannot be told: a change without a course, a change of what belongs to no municipality, changes no longer
   * kept, or more than {@code limit} versions of a municipality or courses in all (each version changed at least one
   * course, so more versions than that are not read).
   */
  Set<String> coursesChanged(Connection connection, Map<String, Long> from, Map<String, Long> to, int limit)
      throws SQLException {
    Set<String> changed = new HashSet<>();
    Set<String> tenants = new TreeSet<>(from.keySet());
    tenants.addAll(to.keySet());
    for (String tenant : tenants) {
      long first = from.getOrDefault(tenant, 0L);
      long last = to.getOrDefault(tenant, 0L);
      if (first == last) {
        continue;
      }
      if (tenant.equals(SHARED) || last < first || last - first > limit) {
        return null;
      }
      Set<Long> versions = new HashSet<>();
      try (PreparedStatement statement = connection.prepareStatement("select version, course from task_list_change"
          + " where tenant_id = ? and version > ? and version <= ?")) {
        statement.setString(1, tenant);
        statement.setLong(2, first);
        statement.setLong(3, last);
        try (ResultSet rows = statement.executeQuery()) {
          while (rows.next()) {
            versions.add(rows.getLong(1));
            changed.add(rows.getString(2));
          }
        }
      }
      if (versions.size() != last - first || changed.contains(WHOLE) || changed.size() > limit) {
        return null;
      }
    }
    return changed;
  }
}
