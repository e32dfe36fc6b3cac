package dk.enplan.kpi;

import java.util.List;

/** {@code GET /api/kpi/courses}: the courses behind one number (docs/kpi.md). */
public record KpiCourses(String kpi, String key, String municipality, String from, String to, int limit,
                         boolean truncated, List<Row> courses) {

  /** {@code phase} in Danish; {@code days} as the KPI counts them (docs/kpi.md), null where it has none. */
  public record Row(String courseId, String maskedCpr, String phase, Integer days) {
  }
}
