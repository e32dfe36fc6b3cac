package dk.enplan.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import dk.enplan.courseevent.CourseEvent;
import dk.enplan.courseevent.CourseEvent.Kind;
import dk.enplan.testing.EngineOnlyTest;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Late work now and per month: open items of past months come from the {@code open_due} counters, this month's
 * from the items due before now (the month begins in Danish time), later ones are not late yet.
 */
@EngineOnlyTest
class KpiLateWorkTest {

  private static final Instant NOW = instant("2032-02-10T12:00:00+01:00");
  private static final KpiPeriod PERIOD = KpiPeriod.parse("2032-01", "2032-03");

  @Autowired KpiLedger ledger;
  @Autowired KpiQueries queries;

  private final String tenant = "late-" + UUID.randomUUID().toString().substring(0, 8);
  private final String course = UUID.randomUUID().toString();

  @Test
  void openItemsArePastDueByMonthAndBeforeNowInThisMonth() {
    ledger.record(new CourseEvent(Kind.REFERRED, "referred:" + course, course, tenant, "", null, null,
        instant("2031-12-01T09:00:00+01:00")));
    due("a-january", KpiEnginePlugin.ASSESSMENT, "2032-01-20T09:00:00+01:00");
    due("a-done-late", KpiEnginePlugin.ASSESSMENT, "2032-01-10T09:00:00+01:00");
    done("a-done-late", KpiEnginePlugin.ASSESSMENT, "2032-01-25T09:00:00+01:00");
    due("a-this-month", KpiEnginePlugin.ASSESSMENT, "2032-02-03T09:00:00+01:00");
    due("a-later-this-month", KpiEnginePlugin.ASSESSMENT, "2032-02-25T09:00:00+01:00");
    due("a-next-month", KpiEnginePlugin.ASSESSMENT, "2032-03-05T09:00:00+01:00");
    // Still 31 January in UTC, already February in Denmark: this month's, due before now.
    due("f-first-of-month", KpiEnginePlugin.FOLLOW_UP, "2032-02-01T00:30:00+01:00");

    KpiSummary summary = summary();
    assertThat(summary.late().now().assessments()).as("January's open one and this month's past due").isEqualTo(2);
    assertThat(summary.late().now().followUps()).isEqualTo(1);
    assertThat(summary.late().perMonth()).extracting(KpiSummary.LateMonth::month, KpiSummary.LateMonth::assessments,
            KpiSummary.LateMonth::followUps)
        .containsExactly(Tuple.tuple("2032-01", 2L, 0L),
            Tuple.tuple("2032-02", 1L, 1L),
            Tuple.tuple("2032-03", 0L, 0L));

    done("a-this-month", KpiEnginePlugin.ASSESSMENT, "2032-02-10T11:00:00+01:00");
    done("a-january", KpiEnginePlugin.ASSESSMENT, "2032-02-10T11:30:00+01:00");
    summary = summary();
    assertThat(summary.late().now().assessments()).as("both done now, late").isZero();
    assertThat(summary.late().perMonth()).extracting(KpiSummary.LateMonth::assessments)
        .as("done late counts in the month due").containsExactly(2L, 1L, 0L);
  }

  private KpiSummary summary() {
    return queries.summary(new KpiSummary.Scope(tenant, tenant, "2032-01", "2032-03", "2032-02-10"), tenant, PERIOD,
        NOW);
  }

  private void due(String task, String kind, String dueAt) {
    ledger.record(new CourseEvent(Kind.DUE, "due:" + course + task, course, tenant, kind, null, instant(dueAt),
        instant("2031-12-02T09:00:00+01:00")));
  }

  private void done(String task, String kind, String at) {
    ledger.record(new CourseEvent(Kind.DONE, "done:" + course + task, course, tenant, kind, null, null, instant(at)));
  }

  private static Instant instant(String time) {
    return OffsetDateTime.parse(time).toInstant();
  }
}
