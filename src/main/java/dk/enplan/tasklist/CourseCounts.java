package dk.enplan.tasklist;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A task count split by course (process instance): how many of the counted tasks each course has. When some courses
 * have changed, the count is these counts with the changed courses' counted again, so only those need the database.
 * Kept compactly (sorted course ids with their counts; the ids shared between counts), since a node keeps one per
 * caller and filter.
 */
final class CourseCounts {

  /** The result columns of the per-course count statements. */
  static final String COURSE = "course";
  static final String TASKS = "tasks";
  /** Tasks without a course are kept under this key; a change to them has no course, so it is counted in full. */
  private static final String NO_COURSE = "";
  private static final int MAX_SHARED_IDS = 1_000_000;
  private static final Map<String, String> SHARED_IDS = new ConcurrentHashMap<>();

  private final String[] courses;
  private final long[] tasks;
  private final long total;

  private CourseCounts(Map<String, Long> counts) {
    courses = counts.keySet().toArray(String[]::new);
    tasks = counts.values().stream().mapToLong(Long::longValue).toArray();
    total = Arrays.stream(tasks).sum();
  }

  /** The counts of the per-course statement's rows. */
  static CourseCounts of(List<Map<String, Object>> rows) {
    return new CourseCounts(add(new TreeMap<>(), rows));
  }

  /** These counts with the changed courses' replaced by the rows counted for them (a course without a row has none). */
  CourseCounts with(Set<String> changed, List<Map<String, Object>> rows) {
    Map<String, Long> counts = new TreeMap<>();
    for (int i = 0; i < courses.length; i++) {
      if (!changed.contains(courses[i])) {
        counts.put(courses[i], tasks[i]);
      }
    }
    return new CourseCounts(add(counts, rows));
  }

  long total() {
    return total;
  }

  /** How many courses are kept. */
  int size() {
    return courses.length;
  }

  private static Map<String, Long> add(Map<String, Long> counts, List<Map<String, Object>> rows) {
    for (Map<String, Object> row : rows) {
      long count = ((Number) row.get(TASKS)).longValue();
      if (count > 0) {
        counts.merge(shared(row.get(COURSE) instanceof String course ? course : NO_COURSE), count, Long::sum);
      }
    }
    return counts;
  }

  /** The one instance of a course id that all counts hold (dropped and begun again when it grows too large). */
  private static String shared(String course) {
    if (SHARED_IDS.size() > MAX_SHARED_IDS) {
      SHARED_IDS.clear();
    }
    return SHARED_IDS.computeIfAbsent(course, id -> id);
  }
}
