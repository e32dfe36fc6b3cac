package dk.enplan.migration;

import java.util.List;

/**
 * What a migration moves, per course: each waiting or active element of the course and of its called processes
 * ("Visitér henvisningen (visitation) → Visitér henvisningen") and what cannot move, and why. {@code moved} is true
 * only when the migration was started (as batches, {@code batches}); a dry run or a refused change moves nothing.
 */
record MigrationReport(String tenant, Version from, Version to, boolean dryRun, boolean compatible, boolean moved,
                       int courses, List<CourseReport> report, List<String> batches, String message) {

  /** A process definition as the analyst knows it: key, version, municipality (null: shared) and id. */
  record Version(String id, String key, int version, String tenant) {
  }

  /** One course: its id (the business key), its process instance, what moves, what cannot. */
  record CourseReport(String courseId, String processInstanceId, List<String> moves, List<String> cannotMove) {
  }
}
