package dk.enplan.tasklist;

import dk.enplan.security.TaskCountQueryPlugin;
import java.lang.reflect.Field;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
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
 *
 * <p>After a change a count need not visit every task again: with each version the courses it changed are written
 * ({@code task_list_change}), and a count kept per course (its tasks per process instance) is brought up to date by
 * counting only those courses again, with the same statement narrowed to them ({@code processInstanceIdIn}). The
 * first count of a query is a number; the first after a change is made per course, and kept so from then on. A
 * change without a course (a definition, a grant on no task, a statement over many rows), more than
 * {@link #MAX_CHANGED_COURSES} changed courses, or changes no longer kept: counted in full.
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
  /** Courses kept per course across all counts (about 8 bytes each): beyond it the least recently used go. */
  private static final int MAX_KEPT_COURSES = 2_000_000;
  /** Counts of more tasks than this are kept as a number only, and counted in full after a change. */
  static final long MAX_TASKS_COUNTED_PER_COURSE = 20_000;
  /** More changed courses than this since a count: it is counted in full. */
  static final int MAX_CHANGED_COURSES = 200;
  private static final Field PROCESS_INSTANCE_ID_IN = processInstanceIdIn();

  /** A count, the versions it was made under and, once it was counted per course, its counts per course. */
  private record Counted(Map<String, Long> versions, long count, CourseCounts perCourse) {
    int keptCourses() {
      return perCourse == null ? 0 : perCourse.size();
    }
  }

  private final TaskListChanges changes;
  private final Map<String, Boolean> writesCountedTables = new ConcurrentHashMap<>();
  private final AtomicLong keptCourses = new AtomicLong();
  private final Map<List<Object>, Counted> counts = Collections.synchronizedMap(
      new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<List<Object>, Counted> eldest) {
          if (size() > MAX_COUNTS || keptCourses.get() > MAX_KEPT_COURSES) {
            keptCourses.addAndGet(-eldest.getValue().keptCourses());
            return true;
          }
          return false;
        }
      });
  final AtomicLong answeredAgain = new AtomicLong();
  final AtomicLong counted = new AtomicLong();
  final AtomicLong countedChangedCourses = new AtomicLong();

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

  /**
   * The count: answered again under unchanged versions; after a change, from the counts per course with the changed
   * courses counted again; else counted in full, per course where a count per course was made before (so the next
   * change needs only its courses), as a number the first time.
   */
  private Object count(Invocation invocation, MappedStatement statement, TaskQueryImpl query) throws Throwable {
    Object fingerprint = QueryFingerprint.of(query);
    if (fingerprint == null) {
      return invocation.proceed();
    }
    List<Object> key = List.of(statement.getId(), fingerprint);
    Executor executor = (Executor) invocation.getTarget();
    Connection connection = executor.getTransaction().getConnection();
    TenantCheck tenants = query.getTenantCheck();
    Map<String, Long> versions = changes.versions(connection,
        tenants != null && tenants.isTenantCheckEnabled() ? tenants.getAuthTenantIds() : null);
    Counted known = counts.get(key);
    if (known != null && known.versions().equals(versions)) {
      answeredAgain.incrementAndGet();
      return answer(known.count());
    }
    MappedStatement perCourse = statement.getConfiguration().getMappedStatement(
        statement.getId().endsWith("." + TaskCountQueryPlugin.STATEMENT) ? TaskCountQueryPlugin.PER_COURSE
            : TaskCountQueryPlugin.ENGINE_PER_COURSE);
    // a filter saved over REST holds an empty list here, which the statement ignores as it ignores none
    boolean restrictable = query.getProcessInstanceIdIn() == null || query.getProcessInstanceIdIn().length == 0;
    Set<String> changed = known != null && known.perCourse() != null && restrictable
        ? changes.coursesChanged(connection, known.versions(), versions, MAX_CHANGED_COURSES) : null;
    Counted now;
    if (changed != null) {
      List<Map<String, Object>> rows = changed.isEmpty() ? List.of()
          : countPerCourse(executor, perCourse, query, changed.toArray(String[]::new));
      CourseCounts updated = known.perCourse().with(changed, rows);
      now = new Counted(versions, updated.total(), updated);
      countedChangedCourses.incrementAndGet();
    } else if (known != null && known.count() <= MAX_TASKS_COUNTED_PER_COURSE && restrictable) {
      CourseCounts all = CourseCounts.of(countPerCourse(executor, perCourse, query, null));
      now = new Counted(versions, all.total(), all);
      counted.incrementAndGet();
    } else {
      List<?> result = (List<?>) invocation.proceed();
      counted.incrementAndGet();
      if (result.size() != 1 || !(result.get(0) instanceof Number number)) {
        return result;
      }
      now = new Counted(versions, number.longValue(), null);
    }
    keep(key, now);
    return answer(now.count());
  }

  /** The per-course statement's rows for the query, narrowed to these courses ({@code null}: all of them). */
  private static List<Map<String, Object>> countPerCourse(Executor executor, MappedStatement perCourse,
      TaskQueryImpl query, String[] courses) throws Exception {
    String[] before = query.getProcessInstanceIdIn();
    PROCESS_INSTANCE_ID_IN.set(query, courses);
    try {
      return executor.query(perCourse, query, RowBounds.DEFAULT, Executor.NO_RESULT_HANDLER);
    } finally {
      PROCESS_INSTANCE_ID_IN.set(query, before);
    }
  }

  private void keep(List<Object> key, Counted now) {
    keptCourses.addAndGet(now.keptCourses());
    Counted before = counts.put(key, now);
    if (before != null) {
      keptCourses.addAndGet(-before.keptCourses());
    }
  }

  private static List<Object> answer(long count) {
    return new ArrayList<>(List.of(count));
  }

  private static Field processInstanceIdIn() {
    try {
      Field field = TaskQueryImpl.class.getDeclaredField("processInstanceIdIn");
      field.setAccessible(true);
      return field;
    } catch (NoSuchFieldException e) {
      throw new IllegalStateException("TaskQueryImpl has no processInstanceIdIn", e);
    }
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
