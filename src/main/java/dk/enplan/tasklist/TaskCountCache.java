package dk.enplan.tasklist;

import dk.enplan.security.TaskCountQueryPlugin;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.apache.ibatis.executor.Executor;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Signature;
import org.apache.ibatis.session.ResultHandler;
import org.apache.ibatis.session.RowBounds;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.db.TenantCheck;

/**
 * Keeps each task count (Tasklist's filter counts, and the count every HAL list of a filter runs) for as long as
 * nothing it could have counted has changed: a count is made under the versions of {@code task_list_version} of
 * the caller's municipalities, and answered again without the database while those versions are the same.
 *
 * <p>The key is the statement and everything the query object holds ({@link QueryFingerprint}): the filter's
 * criteria, the caller, their groups and municipalities, any date an expression produced, which is all MyBatis
 * builds the count statement from. So a count is only ever reused for the same statement, without building it
 * again, and the versions say whether its answer still holds: every engine statement that
 * writes a table a task count reads ({@link #COUNTED_TABLES}) records its municipality in {@link TaskListChanges},
 * which raises those versions when its transaction commits, on whichever node. A transaction that has changed tasks
 * and not committed counts from the database.
 */
@Intercepts({
    @Signature(type = Executor.class, method = "query",
        args = {MappedStatement.class, Object.class, RowBounds.class, ResultHandler.class}),
    @Signature(type = Executor.class, method = "update", args = {MappedStatement.class, Object.class})})
class TaskCountCache implements Interceptor {

  /** The tables a task count may read: tasks, their links, grants, variables, executions, definitions. */
  static final Pattern COUNTED_TABLES = Pattern.compile("\\b(ACT_RU_TASK|ACT_RU_IDENTITYLINK|ACT_RU_AUTHORIZATION"
      + "|ACT_RU_VARIABLE|ACT_RU_EXECUTION|ACT_RE_PROCDEF|ACT_RU_CASE_EXECUTION|ACT_RE_CASE_DEF|ACT_RU_TENANT)\\b",
      Pattern.CASE_INSENSITIVE);
  private static final int MAX_COUNTS = 10_000;

  private record Counted(Map<String, Long> versions, Object count) { }

  private final TaskListChanges changes;
  private final Map<String, Boolean> writesCountedTables = new ConcurrentHashMap<>();
  private final Map<List<Object>, Counted> counts = Collections.synchronizedMap(
      new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<List<Object>, Counted> eldest) {
          return size() > MAX_COUNTS;
        }
      });
  final AtomicLong answeredAgain = new AtomicLong();
  final AtomicLong counted = new AtomicLong();

  TaskCountCache(TaskListChanges changes) {
    this.changes = changes;
  }

  @Override
  public Object intercept(Invocation invocation) throws Throwable {
    Object[] args = invocation.getArgs();
    MappedStatement statement = (MappedStatement) args[0];
    Object parameter = args[1];
    if (args.length == 2) {
      if (writesCountedTables.computeIfAbsent(statement.getId(), id -> COUNTED_TABLES.matcher(
          statement.getBoundSql(parameter).getSql()).find())) {
        changes.written(parameter);
      }
      return invocation.proceed();
    }
    if (!isTaskCount(statement) || !(parameter instanceof TaskQueryImpl query) || args[3] != null
        || changes.changedInThisTransaction()) {
      return invocation.proceed();
    }
    return count(invocation, statement, query);
  }

  private Object count(Invocation invocation, MappedStatement statement, TaskQueryImpl query) throws Throwable {
    Object fingerprint = QueryFingerprint.of(query);
    if (fingerprint == null) {
      return invocation.proceed();
    }
    List<Object> key = List.of(statement.getId(), fingerprint);
    TenantCheck tenants = query.getTenantCheck();
    Map<String, Long> versions = changes.versions(((Executor) invocation.getTarget()).getTransaction()
        .getConnection(), tenants != null && tenants.isTenantCheckEnabled() ? tenants.getAuthTenantIds() : null);
    Counted known = counts.get(key);
    if (known != null && known.versions().equals(versions)) {
      answeredAgain.incrementAndGet();
      return new ArrayList<>(List.of(known.count()));
    }
    List<?> result = (List<?>) invocation.proceed();
    if (result.size() == 1 && result.get(0) != null) {
      counts.put(key, new Counted(versions, result.get(0)));
    }
    counted.incrementAndGet();
    return result;
  }

  private static boolean isTaskCount(MappedStatement statement) {
    String id = statement.getId();
    return id.endsWith("." + TaskCountQueryPlugin.ENGINE_STATEMENT)
        || id.endsWith("." + TaskCountQueryPlugin.STATEMENT);
  }

  @Override
  public void setProperties(Properties properties) {
    // none
  }
}
