package dk.enplan.kpi;

import java.util.List;

/**
 * {@code GET /api/kpi/courses}: one page of the courses behind one number (docs/kpi.md); {@code truncated} when there
 * are more, {@code next} the {@code after=} that asks for them.
 */
public record KpiCourses(String kpi, String key, String municipality, String from, String to, int limit,
                         boolean truncated, String next, List<Row> courses) {

  /** {@code phase} in Danish; {@code days} as the KPI counts them (docs/kpi.md), null where it has none. */
  public record Row(String courseId, String maskedCpr, String phase, Integer days) {
  }
}
