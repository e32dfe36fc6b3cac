package dk.enplan.retention;

import static dk.enplan.course.CourseProcess.Elements.VISITATION;
import static dk.enplan.course.CourseSteps.businessKey;
import static org.assertj.core.api.Assertions.assertThat;

import dk.enplan.course.CourseRepository;
import dk.enplan.course.CourseSteps;
import dk.enplan.notice.Notices;
import dk.enplan.testing.CourseDriver;
import dk.enplan.testing.CourseEngineTest;
import dk.enplan.testing.TestIdentity;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** An ended course's plan data is deleted once the retention period has passed; running courses are kept. */
@CourseEngineTest
class ClosedCourseRetentionTest {

  @Autowired ClosedCourseRetention retention;
  @Autowired CourseSteps steps;
  @Autowired CourseDriver driver;
  @Autowired TestIdentity identity;
  @Autowired CourseRepository courses;
  @Autowired Notices notices;
  @Autowired HistoryService history;
  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

  @Test
  void etAfsluttetForloebSlettesEfterOpbevaringsperiodenEtAktivtBevares() {
    identity.ensure();
    ProcessInstance ended = steps.refer(List.of("ledighed"));
    driver.complete(steps.task(ended, VISITATION), Map.of("targetGroupConfirmed", "nej", "visitationNote", "Nej."));
    ProcessInstance running = steps.refer(List.of("ledighed", "bolig"));
    String endedId = businessKey(ended);
    Instant endedAt = courses.findById(endedId).orElseThrow().closedAt();
    assertThat(notices.forCourse(endedId)).isNotEmpty();

    assertThat(retention.purgeEndedBefore(endedAt)).as("not yet past the retention period").isZero();
    assertThat(retention.purgeEndedBefore(endedAt.plusMillis(1))).isPositive();

    assertThat(courses.findById(endedId)).isEmpty();
    assertThat(notices.forCourse(endedId)).isEmpty();
    assertThat(courses.findById(businessKey(running))).isPresent();
    assertThat(jdbc.queryForList("select cpr_hash from kpi_course where course_id = ?", String.class, endedId))
        .as("the KPI read model keeps the course's counts, not the citizen's CPR hash").containsExactly((String) null);
  }

  @Test
  void camundasHistoryForEtAfsluttetForloebFjernesEfterSammeRegel() {
    identity.ensure();
    ProcessInstance ended = steps.refer(List.of("ledighed"));
    driver.complete(steps.task(ended, VISITATION), Map.of("targetGroupConfirmed", "nej", "visitationNote", "Nej."));

    HistoricProcessInstance history = this.history.createHistoricProcessInstanceQuery()
        .processInstanceId(ended.getId()).singleResult();
    assertThat(Duration.between(history.getEndTime().toInstant(), history.getRemovalTime().toInstant()))
        .isEqualTo(Duration.ofDays(1825));
  }
}
