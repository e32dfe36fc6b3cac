package dk.enplan.retention;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deletes the plan store's data of courses that ended longer ago than the retention period
 * ({@code enplan.retention.ended-course}, default P1825D = the processes' history time to live), so the plan
 * store and Camunda's history forget a course by the same rule. Runs nightly inside the history-cleanup window.
 */
@Component
public class ClosedCourseRetention {

  private static final Logger LOG = LoggerFactory.getLogger(ClosedCourseRetention.class);
  private static final String ENDED_BEFORE = "select id from course where closed_at < ?";
  /** Children first, so foreign keys hold at every step. */
  private static final List<String> DELETES = List.of(
      "delete from plan_goal where plan_version_id in (select id from plan_version where course_id in ("
          + ENDED_BEFORE + "))",
      "delete from plan_intervention where plan_version_id in (select id from plan_version where course_id in ("
          + ENDED_BEFORE + "))",
      "delete from plan_version where course_id in (" + ENDED_BEFORE + ")",
      "delete from distribution_record where course_id in (" + ENDED_BEFORE + ")",
      "delete from notice where course_id in (" + ENDED_BEFORE + ")",
      "delete from progression_measurement where course_id in (" + ENDED_BEFORE + ")",
      "delete from sector_report where course_id in (" + ENDED_BEFORE + ")",
      "delete from consent_scope where course_id in (" + ENDED_BEFORE + ")",
      // The KPI read model keeps its counts, not the citizen's CPR hash (docs/kpi.md).
      "update kpi_course set cpr_hash = null where course_id in (" + ENDED_BEFORE + ")",
      "update kpi_event set item = '' where kind = 'REFERRED' and course_id in (" + ENDED_BEFORE + ")",
      "delete from course where closed_at < ?");

  private final JdbcTemplate jdbc;
  private final Duration retention;

  ClosedCourseRetention(JdbcTemplate jdbc, @Value("${enplan.retention.ended-course:P1825D}") Duration retention) {
    this.jdbc = jdbc;
    this.retention = retention;
  }

  @Scheduled(cron = "${enplan.retention.cron:0 30 1 * * *}")
  void nightly() {
    purgeEndedBefore(ClockUtil.getCurrentTime().toInstant().minus(retention));
  }

  /** Deletes every course that ended before {@code cutoff}, with all its plan data; returns how many courses. */
  @Transactional
  public int purgeEndedBefore(Instant cutoff) {
    Timestamp at = Timestamp.from(cutoff);
    int courses = 0;
    for (String delete : DELETES) {
      courses = jdbc.update(delete, at);
    }
    if (courses > 0) {
      LOG.info("Retention: deleted the plan data of {} courses that ended before {}", courses, cutoff);
    }
    return courses;
  }
}
