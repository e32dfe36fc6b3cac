package dk.enplan.kpi;

import dk.enplan.courseevent.CourseEvent;
import dk.enplan.courseevent.CourseEvent.Kind;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records each course event in {@code kpi_event} once (its key is unique) and, only when it was new, applies it to
 * the derived tables — in the transaction of the change that published it (the engine's or the plan store's), so
 * a rolled-back step leaves no trace and a retried one counts once. A rebuild applies the whole log again.
 */
@Component
public class KpiLedger {

  static final Set<String> ENDED_STATUSES = Set.of("CLOSED", "NO_CONSENT", "NOT_IN_TARGET_GROUP");

  private final JdbcTemplate jdbc;
  private final KpiDatabase database;
  private final KpiCounters counters;

  KpiLedger(JdbcTemplate jdbc, KpiDatabase database) {
    this.jdbc = jdbc;
    this.database = database;
    this.counters = KpiCounters.direct(jdbc, database);
  }

  /** Spring's application events arrive synchronously, in the publisher's transaction. */
  @EventListener
  @Transactional
  public void on(CourseEvent event) {
    record(event);
  }

  /** Records the event; false if it was known already (or its course is unknown) and nothing changed. */
  @Transactional
  public boolean record(CourseEvent event) {
    Optional<String> tenant = event.tenantId() != null ? Optional.of(event.tenantId()) : tenantOf(event.courseId());
    if (tenant.isEmpty()) {
      return false;
    }
    Recorded recorded = new Recorded(event, tenant.get(),
        KpiMonth.of(event.kind() == Kind.DUE && event.dueAt() != null ? event.dueAt() : event.at()));
    if (!insert(recorded)) {
      return false;
    }
    apply(recorded, counters);
    return true;
  }

  /** Inserts unless the key is known; true if inserted. */
  boolean insert(Recorded e) {
    return jdbc.update(database.insertEventUnlessKnown(), e.event().key(), e.event().courseId(), e.tenant(),
        e.event().kind().name(), e.event().item(), e.event().amount(), timestamp(e.event().dueAt()),
        timestamp(e.event().at()), e.month()) == 1;
  }

  private Optional<String> tenantOf(String courseId) {
    List<String> known = jdbc.queryForList("select tenant_id from kpi_course where course_id = ?", String.class,
        courseId);
    if (known.isEmpty()) {
      known = jdbc.queryForList("select tenant_id from course where id = ?", String.class, courseId);
    }
    return known.stream().findFirst();
  }

  /** One event of the log with the municipality and month it is counted under. */
  record Recorded(CourseEvent event, String tenant, int month) {
  }

  /** The event's effect on the derived tables; the same for the incremental path and a rebuild. */
  void apply(Recorded e, KpiCounters target) {
    KpiCounters counters = KpiCounters.withNetworkTotals(target);
    CourseEvent event = e.event();
    String t = e.tenant();
    String courseId = event.courseId();
    switch (event.kind()) {
      case REFERRED -> {
        jdbc.update("insert into kpi_course (course_id, tenant_id, cpr_hash, referred_at, referral_month, status,"
                + " plan_versions, contact_persons, plan_active) values (?, ?, ?, ?, ?, 'REFERRED', 0, 0, false)",
            courseId, t, event.item().isEmpty() ? null : event.item(), timestamp(event.at()), e.month());
        counters.add(t, e.month(), KpiMetric.REFERRALS, "", 1);
      }
      case CONTACT_PERSON -> course(courseId).ifPresent(c -> {
        jdbc.update("update kpi_course set contact_persons = ? where course_id = ?", c.contactPersons() + 1,
            courseId);
        counters.add(t, c.referralMonth(), KpiMetric.CONTACT_PERSONS, "", 1);
        if (c.contactPersons() == 0) {
          counters.add(t, c.referralMonth(), KpiMetric.CONTACT_COURSES, "", 1);
        } else if (c.contactPersons() == 1) {
          counters.add(t, c.referralMonth(), KpiMetric.CONTACT_MULTI, "", 1);
        }
      });
      case CONSENT_GIVEN -> course(courseId).ifPresent(c -> {
        int days = KpiMonth.daysBetween(c.referredAt(), event.at());
        jdbc.update("update kpi_course set consent_days = ?, status = case when status = 'REFERRED' then 'ACTIVE'"
            + " else status end where course_id = ?", days, courseId);
        counters.add(t, e.month(), KpiMetric.CONSENTS, "", 1);
        counters.add(t, e.month(), KpiMetric.CONSENT_DAYS, String.valueOf(days), 1);
      });
      case CONSENT_REFUSED -> counters.add(t, e.month(), KpiMetric.CONSENT_REFUSED, "", 1);
      case PLAN_AGREED -> course(courseId).ifPresent(c -> {
        int version = Integer.parseInt(event.item());
        boolean active = "ACTIVE".equals(c.status());
        if (active && !c.planActive()) {
          planActive(t, c.cprHash(), true, counters);
        }
        jdbc.update("update kpi_course set plan_versions = ?, plan_active = ? where course_id = ?",
            Math.max(version, c.planVersions()), active, courseId);
        if (version == 1) {
          int days = KpiMonth.daysBetween(c.referredAt(), event.at());
          jdbc.update("update kpi_course set first_plan_days = ? where course_id = ?", days, courseId);
          counters.add(t, e.month(), KpiMetric.FIRST_PLANS, "", 1);
          counters.add(t, e.month(), KpiMetric.FIRST_PLAN_DAYS, String.valueOf(days), 1);
        } else {
          counters.add(t, e.month(), KpiMetric.REVISIONS, "", 1);
        }
      });
      case ENDED -> course(courseId).filter(c -> !ENDED_STATUSES.contains(c.status())).ifPresent(c -> {
        if (c.phase() != null) {
          counters.add(t, KpiMonth.NOW, KpiMetric.ACTIVE, c.phase(), -1);
        }
        if (c.planActive()) {
          planActive(t, c.cprHash(), false, counters);
        }
        jdbc.update("update kpi_course set status = ?, phase = null, plan_active = false, closed_month = ?,"
            + " closure_reason = ? where course_id = ?", endStatus(event.item()), e.month(), event.item(), courseId);
        counters.add(t, e.month(), KpiMetric.CLOSURES, event.item(), 1);
      });
      case PHASE -> course(courseId).filter(c -> !ENDED_STATUSES.contains(c.status()))
          .filter(c -> !event.item().equals(c.phase())).ifPresent(c -> {
            if (c.phase() != null) {
              counters.add(t, KpiMonth.NOW, KpiMetric.ACTIVE, c.phase(), -1);
            }
            counters.add(t, KpiMonth.NOW, KpiMetric.ACTIVE, event.item(), 1);
            jdbc.update("update kpi_course set phase = ? where course_id = ?", event.item(), courseId);
          });
      case DUE -> {
        if (event.dueAt() != null) {
          jdbc.update("insert into kpi_due (task_id, course_id, tenant_id, kind, due_at, due_month, is_open)"
              + " values (?, ?, ?, ?, ?, ?, true)", taskId(event), courseId, t, event.item(),
              timestamp(event.dueAt()), e.month());
          counters.add(t, e.month(), KpiMetric.OPEN_DUE, event.item(), 1);
        }
      }
      case DONE -> jdbc.query("select due_at, due_month, kind from kpi_due where task_id = ? and is_open",
          rs -> {
            Instant due = rs.getTimestamp(1).toInstant();
            jdbc.update("update kpi_due set is_open = false, done_at = ? where task_id = ?", timestamp(event.at()),
                taskId(event));
            counters.add(t, rs.getInt(2), KpiMetric.OPEN_DUE, rs.getString(3), -1);
            if (event.at().isAfter(due)) {
              counters.add(t, rs.getInt(2), KpiMetric.LATE_DONE, rs.getString(3), 1);
            }
          }, taskId(event));
      case PROGRESSION -> progression(e, counters);
      case DELIVERY_FAILED -> counters.add(t, e.month(), KpiMetric.DELIVERIES_FAILED, event.item(), 1);
      case DELIVERY_REJECTED -> counters.add(t, e.month(), KpiMetric.DELIVERIES_REJECTED, event.item(), 1);
      case COMPLAINT -> counters.add(t, e.month(), KpiMetric.COMPLAINTS, "", 1);
      case COMPLAINT_OUTCOME -> counters.add(t, e.month(), KpiMetric.COMPLAINT_OUTCOMES, event.item(), 1);
      default -> throw new IllegalArgumentException(event.kind().name());
    }
  }

  private void progression(Recorded e, KpiCounters counters) {
    CourseEvent event = e.event();
    String t = e.tenant();
    String domain = event.item();
    int score = event.amount();
    List<int[]> rows = jdbc.query("select first_score, latest_score, latest_month, measurements from kpi_progression"
            + " where course_id = ? and life_domain = ?",
        (rs, n) -> new int[] {rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4)}, event.courseId(), domain);
    if (rows.isEmpty()) {
      jdbc.update("insert into kpi_progression (course_id, life_domain, tenant_id, first_score, latest_score,"
          + " latest_month, measurements) values (?, ?, ?, ?, ?, ?, 1)", event.courseId(), domain, t, score, score,
          e.month());
      return;
    }
    int[] row = rows.get(0);
    int first = row[0];
    if (row[3] >= 2) {
      contribute(counters, t, row[2], domain, first, row[1], -1);
    }
    jdbc.update("update kpi_progression set latest_score = ?, latest_month = ?, measurements = ? where course_id = ?"
        + " and life_domain = ?", score, e.month(), row[3] + 1, event.courseId(), domain);
    contribute(counters, t, e.month(), domain, first, score, 1);
  }

  /**
   * A course's plan becomes active or stops being so (called before kpi_course changes): the active plans, and the
   * citizens with one or more and with more than one — in the municipality and, under tenant '*', in the network.
   */
  private void planActive(String tenant, String cprHash, boolean activating, KpiCounters counters) {
    int sign = activating ? 1 : -1;
    counters.add(tenant, KpiMonth.NOW, KpiMetric.PLANS_ACTIVE, "", sign);
    if (cprHash == null) {
      return;
    }
    long inTenant = count("select count(*) from kpi_course where cpr_hash = ? and plan_active and tenant_id = ?",
        cprHash, tenant);
    long inNetwork = count("select count(*) from kpi_course where cpr_hash = ? and plan_active", cprHash);
    long citizenThreshold = activating ? 0 : 1;
    if (inTenant == citizenThreshold) {
      counters.add(tenant, KpiMonth.NOW, KpiMetric.CITIZENS_ACTIVE, "", sign);
    } else if (inTenant == citizenThreshold + 1) {
      counters.add(tenant, KpiMonth.NOW, KpiMetric.CITIZENS_MULTI, "", sign);
    }
    if (inNetwork == citizenThreshold) {
      counters.add(KpiMetric.NETWORK, KpiMonth.NOW, KpiMetric.CITIZENS_ACTIVE, "", sign);
    } else if (inNetwork == citizenThreshold + 1) {
      counters.add(KpiMetric.NETWORK, KpiMonth.NOW, KpiMetric.CITIZENS_MULTI, "", sign);
    }
  }

  private long count(String sql, Object... args) {
    Long count = jdbc.queryForObject(sql, Long.class, args);
    return count == null ? 0 : count;
  }

  private static void contribute(KpiCounters counters, String tenant, int month, String domain, int first,
                                 int latest, int sign) {
    counters.add(tenant, month, KpiMetric.PROGRESSION_COURSES, domain, sign);
    counters.add(tenant, month, KpiMetric.PROGRESSION_CHANGE, domain, (long) sign * (latest - first));
    counters.add(tenant, month, KpiMetric.PROGRESSION_IMPROVED, domain, latest > first ? sign : 0);
  }

  static String endStatus(String reason) {
    return switch (reason) {
      case "intet_samtykke" -> "NO_CONSENT";
      case "ikke_i_maalgruppen" -> "NOT_IN_TARGET_GROUP";
      default -> "CLOSED";
    };
  }

  /** DUE and DONE events are keyed {@code due:<task id>} and {@code done:<task id>}. */
  private static String taskId(CourseEvent event) {
    return event.key().substring(event.key().indexOf(':') + 1);
  }

  private Optional<CourseRow> course(String courseId) {
    return jdbc.query("select referred_at, referral_month, status, phase, plan_versions, contact_persons,"
            + " plan_active, cpr_hash from kpi_course where course_id = ?",
        (rs, n) -> new CourseRow(rs.getTimestamp(1).toInstant(), rs.getInt(2), rs.getString(3), rs.getString(4),
            rs.getInt(5), rs.getInt(6), rs.getBoolean(7), rs.getString(8)), courseId).stream().findFirst();
  }

  private record CourseRow(Instant referredAt, int referralMonth, String status, String phase, int planVersions,
                           int contactPersons, boolean planActive, String cprHash) {
  }

  static Timestamp timestamp(Instant moment) {
    return moment == null ? null : Timestamp.from(moment);
  }
}
