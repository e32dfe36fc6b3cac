package dk.enplan.kpi;

import dk.enplan.courseevent.CourseEvent;
import dk.enplan.courseevent.CourseEvent.Kind;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rebuilds the read model: first every event the plan store itself shows (referral, contact person chosen at
 * visitation, consent, refusal, each plan version, each progression score, the end, deliveries failing or rejected)
 * is added to the log unless its key is there (courses from before the read model existed), then every derived table
 * is emptied and the whole log applied again, in the order the events happened. Events only the engine saw (phases,
 * due dates, complaints, coordinators taking over a task) come from the log as recorded. On PostgreSQL the log is
 * locked for the rebuild's transaction, so a course step on another node waits instead of being lost.
 */
@Component
public class KpiRebuild {

  private static final Logger LOG = LoggerFactory.getLogger(KpiRebuild.class);
  private static final String ORDER = "order by occurred_at, case kind when 'REFERRED' then 0"
      + " when 'CONTACT_PERSON' then 1 when 'CONSENT_GIVEN' then 2 when 'CONSENT_REFUSED' then 3"
      + " when 'PLAN_AGREED' then 4 when 'PHASE' then 5 when 'DUE' then 6 when 'DONE' then 7 when 'ENDED' then 9"
      + " else 8 end, id";

  private final JdbcTemplate jdbc;
  private final KpiDatabase database;
  private final KpiLedger ledger;

  KpiRebuild(JdbcTemplate jdbc, KpiDatabase database, KpiLedger ledger) {
    this.jdbc = jdbc;
    this.database = database;
    this.ledger = ledger;
  }

  /** What a rebuild did: events added from the plan store, events applied, courses in the model. */
  public record Report(long eventsAdded, long eventsApplied, long courses) {
  }

  @Transactional
  public Report rebuild() {
    if (database.postgres()) {
      jdbc.execute("lock table kpi_event in exclusive mode");
    }
    long added = backfill();
    for (String table : new String[] {"kpi_month", "kpi_due", "kpi_progression", "kpi_course"}) {
      jdbc.update("delete from " + table);
    }
    KpiCounters.InMemory counters = new KpiCounters.InMemory();
    long[] applied = {0};
    JdbcTemplate streaming = new JdbcTemplate(jdbc.getDataSource());
    streaming.setFetchSize(1000);
    streaming.query("select event_key, course_id, tenant_id, kind, item, amount, due_at, occurred_at, yyyymm"
        + " from kpi_event " + ORDER, rs -> {
          ledger.apply(recorded(rs), counters);
          applied[0]++;
        });
    counters.flush(jdbc);
    Long courses = jdbc.queryForObject("select count(*) from kpi_course", Long.class);
    Report report = new Report(added, applied[0], courses == null ? 0 : courses);
    LOG.info("KPI read model rebuilt: {} events added from the plan store, {} applied, {} courses",
        report.eventsAdded(), report.eventsApplied(), report.courses());
    return report;
  }

  private long backfill() {
    long[] added = {0};
    jdbc.query("select id, tenant_id, cpr_hash, coordinator, status, closure_reason, created_at, consent_at,"
        + " closed_at from course", rs -> {
          String id = rs.getString(1);
          String tenant = rs.getString(2);
          Instant created = instant(rs.getTimestamp(7));
          Instant consent = instant(rs.getTimestamp(8));
          Instant closed = instant(rs.getTimestamp(9));
          added[0] += add(new CourseEvent(Kind.REFERRED, "referred:" + id, id, tenant, rs.getString(3), null, null,
              created), tenant);
          if (rs.getString(4) != null) {
            added[0] += add(CourseEvent.of(Kind.CONTACT_PERSON, "contact:" + id + ":" + rs.getString(4), id,
                rs.getString(4), created), tenant);
          }
          if (consent != null) {
            added[0] += add(CourseEvent.of(Kind.CONSENT_GIVEN, "consent:" + id, id, "", consent), tenant);
          }
          if (closed != null) {
            if ("NO_CONSENT".equals(rs.getString(5))) {
              added[0] += add(CourseEvent.of(Kind.CONSENT_REFUSED, "consent-refused:" + id, id, "", closed), tenant);
            }
            String reason = rs.getString(6) == null ? "andet" : rs.getString(6);
            added[0] += add(CourseEvent.of(Kind.ENDED, "ended:" + id, id, reason, closed), tenant);
          }
        });
    jdbc.query("select v.course_id, c.tenant_id, v.version, v.agreed_at from plan_version v join course c"
        + " on c.id = v.course_id", rs -> {
          added[0] += add(CourseEvent.of(Kind.PLAN_AGREED, "plan:" + rs.getString(1) + ":" + rs.getInt(3),
              rs.getString(1), String.valueOf(rs.getInt(3)), instant(rs.getTimestamp(4))), rs.getString(2));
        });
    jdbc.query("select p.id, p.course_id, c.tenant_id, p.life_domain, p.score, p.measured_at from"
        + " progression_measurement p join course c on c.id = p.course_id", rs -> {
          added[0] += add(new CourseEvent(Kind.PROGRESSION, "progression:" + rs.getLong(1), rs.getString(2), null,
              rs.getString(4), rs.getInt(5), null, instant(rs.getTimestamp(6))), rs.getString(3));
        });
    jdbc.query("select d.id, d.course_id, c.tenant_id, d.sector, d.status, d.created_at from distribution_record d"
        + " join course c on c.id = d.course_id where d.status in ('FAILING', 'REJECTED')", rs -> {
          boolean failing = "FAILING".equals(rs.getString(5));
          added[0] += add(CourseEvent.of(failing ? Kind.DELIVERY_FAILED : Kind.DELIVERY_REJECTED,
              (failing ? "delivery-failed:" : "delivery-rejected:") + rs.getLong(1), rs.getString(2),
              rs.getString(4), instant(rs.getTimestamp(6))), rs.getString(3));
        });
    return added[0];
  }

  private int add(CourseEvent event, String tenant) {
    return ledger.insert(new KpiLedger.Recorded(event, tenant, KpiMonth.of(event.at()))) ? 1 : 0;
  }

  private static KpiLedger.Recorded recorded(ResultSet rs) throws SQLException {
    int amount = rs.getInt(6);
    Integer boxed = rs.wasNull() ? null : amount;
    CourseEvent event = new CourseEvent(Kind.valueOf(rs.getString(4)), rs.getString(1), rs.getString(2),
        rs.getString(3), rs.getString(5), boxed, instant(rs.getTimestamp(7)), instant(rs.getTimestamp(8)));
    return new KpiLedger.Recorded(event, rs.getString(3), rs.getInt(9));
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
