package dk.enplan.kpi;

import dk.enplan.course.Course;
import dk.enplan.course.CourseRepository;
import dk.enplan.courseevent.CourseEvent.Kind;
import dk.enplan.process.RequestRefusedException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The courses behind one number of one municipality, at most {@link #LIMIT}: course id, masked CPR (the plan store's
 * number, decrypted and masked only for the rows shown, as the task cards do), phase in Danish and the KPI's days.
 */
@Component
@Transactional(readOnly = true)
class KpiDrillDown {

  static final int LIMIT = 500;
  /** The KPI names {@code kpi=} accepts, with what {@code key=} means for each (null: no key). */
  static final Map<String, String> KPIS = new LinkedHashMap<>();

  static {
    KPIS.put("activeCourses", "phase");
    KPIS.put("referrals", null);
    KPIS.put("daysToConsent", null);
    KPIS.put("daysToFirstPlan", null);
    KPIS.put("contactPersons", null);
    KPIS.put("activePlansPerCitizen", null);
    KPIS.put("lateAssessments", null);
    KPIS.put("lateFollowUps", null);
    KPIS.put("progression", "domain");
    KPIS.put("closures", "reason");
    KPIS.put("deliveriesFailed", "sector");
    KPIS.put("deliveriesRejected", "sector");
    KPIS.put("complaints", null);
  }

  private final JdbcTemplate jdbc;
  private final CourseRepository courses;

  KpiDrillDown(JdbcTemplate jdbc, CourseRepository courses) {
    this.jdbc = jdbc;
    this.courses = courses;
  }

  KpiCourses courses(String kpi, String key, String tenant, KpiPeriod period, Instant now) {
    if (kpi == null || kpi.isBlank()) {
      throw new RequestRefusedException(HttpStatus.BAD_REQUEST, "kpi", "mangler; en af " + String.join(", ",
          KPIS.keySet()));
    }
    if (!KPIS.containsKey(kpi)) {
      throw new RequestRefusedException(HttpStatus.BAD_REQUEST, "kpi", "ukendt nøgletal '"
          + RequestRefusedException.shorten(kpi) + "'; en af " + String.join(", ", KPIS.keySet()));
    }
    if (key != null && !key.isBlank() && KPIS.get(kpi) == null) {
      throw new RequestRefusedException(HttpStatus.BAD_REQUEST, "key", "nøgletallet " + kpi + " har ingen key");
    }
    if (key != null && !key.matches("[A-Za-z0-9_-]{1,64}")) {
      throw new RequestRefusedException(HttpStatus.BAD_REQUEST, "key", "'" + RequestRefusedException.shorten(key)
          + "' er ikke en gyldig key (bogstaver, tal, _ og -)");
    }
    String k = key == null || key.isBlank() ? null : key;
    int from = period.fromMonth();
    int to = period.toMonth();
    Timestamp nowTs = Timestamp.from(now);
    String course = "select c.course_id, c.status, c.phase, c.referred_at, ";
    List<Found> found = switch (kpi) {
      case "activeCourses" -> query(course + "null from kpi_course c where c.tenant_id = ? and c.status in"
          + " ('REFERRED', 'ACTIVE') and c.phase is not null" + (k == null ? "" : " and c.phase = ?"),
          now, args(tenant, k));
      case "referrals" -> events(Kind.REFERRED, tenant, from, to, null, false, now);
      case "daysToConsent" -> events(Kind.CONSENT_GIVEN, tenant, from, to, null, true, now);
      case "daysToFirstPlan" -> events(Kind.PLAN_AGREED, tenant, from, to, "1", true, now);
      case "closures" -> events(Kind.ENDED, tenant, from, to, k, true, now);
      case "deliveriesFailed" -> events(Kind.DELIVERY_FAILED, tenant, from, to, k, true, now);
      case "deliveriesRejected" -> events(Kind.DELIVERY_REJECTED, tenant, from, to, k, true, now);
      case "complaints" -> events(Kind.COMPLAINT, tenant, from, to, null, true, now);
      case "contactPersons" -> query(course + "null from kpi_course c where c.tenant_id = ? and c.referral_month"
          + " between ? and ? and c.contact_persons > 1", now, tenant, from, to);
      case "activePlansPerCitizen" -> query(course + "null from kpi_course c where c.tenant_id = ? and c.plan_active"
          + " and c.cpr_hash in (select cpr_hash from kpi_course where plan_active and tenant_id = ?"
          + " group by cpr_hash having count(*) > 1)", now, tenant, tenant);
      case "lateAssessments", "lateFollowUps" -> late(kpi.equals("lateAssessments") ? KpiEnginePlugin.ASSESSMENT
          : KpiEnginePlugin.FOLLOW_UP, tenant, from, to, nowTs, now);
      case "progression" -> query(course + "null from kpi_progression p join kpi_course c on c.course_id ="
          + " p.course_id where p.tenant_id = ? and p.latest_month between ? and ? and p.measurements >= 2"
          + (k == null ? "" : " and p.life_domain = ?"), now, args(tenant, from, to, k));
      default -> throw new IllegalStateException(kpi);
    };
    boolean truncated = found.size() > LIMIT;
    List<Found> shown = truncated ? found.subList(0, LIMIT) : found;
    Map<String, Course> byId = courses.findAllById(shown.stream().map(Found::courseId).toList()).stream()
        .collect(Collectors.toMap(Course::id, Function.identity()));
    List<KpiCourses.Row> rows = shown.stream().map(f -> new KpiCourses.Row(f.courseId(),
        byId.containsKey(f.courseId()) ? byId.get(f.courseId()).cpr().masked() : null,
        KpiLabels.phase(f.status(), f.phase()), f.days())).toList();
    return new KpiCourses(kpi, k, tenant, period.from().toString(), period.to().toString(), LIMIT, truncated, rows);
  }

  /** Courses with an event of this kind in the period; days from referral to the (first) event, or to now. */
  private List<Found> events(Kind kind, String tenant, int from, int to, String item, boolean toEvent,
                             Instant now) {
    String sql = "select c.course_id, c.status, c.phase, c.referred_at, "
        + (toEvent ? "min(e.occurred_at)" : "cast(null as timestamp(6) with time zone)") + " from kpi_event e"
        + " join kpi_course c on c.course_id = e.course_id and c.tenant_id = e.tenant_id"
        + " where e.tenant_id = ? and e.kind = ? and e.yyyymm between ?"
        + " and ?" + (item == null ? "" : " and e.item = ?")
        + " group by c.course_id, c.status, c.phase, c.referred_at order by c.referred_at, c.course_id";
    return query(sql, now, args(tenant, kind.name(), from, to, item));
  }

  /** Due in the period and done after the due date or still open past it; days late. */
  private List<Found> late(String kind, String tenant, int from, int to, Timestamp nowTs, Instant now) {
    List<Found> found = new ArrayList<>();
    Set<String> seen = new java.util.HashSet<>();
    jdbc.query("select c.course_id, c.status, c.phase, d.due_at, coalesce(d.done_at, ?) from kpi_due d join"
        + " kpi_course c on c.course_id = d.course_id and c.tenant_id = d.tenant_id"
        + " where d.tenant_id = ? and d.kind = ? and d.due_month between ? and ?"
        + " and ((d.is_open and d.due_at < ?) or d.done_at > d.due_at) order by d.due_at, d.task_id", rs -> {
          if (seen.add(rs.getString(1)) && found.size() <= LIMIT) {
            found.add(new Found(rs.getString(1), rs.getString(2), rs.getString(3),
                KpiMonth.daysBetween(rs.getTimestamp(4).toInstant(), rs.getTimestamp(5).toInstant())));
          }
        }, nowTs, tenant, kind, from, to, nowTs);
    return found;
  }

  /** Columns: course id, status, phase, referred at, the moment the days run to (null: {@code now}). */
  private List<Found> query(String sql, Instant now, Object... args) {
    String limited = sql.contains("order by") ? sql : sql + " order by c.referred_at, c.course_id";
    return jdbc.query(limited + " fetch first " + (LIMIT + 1) + " rows only", (rs, n) -> {
      Timestamp until = rs.getTimestamp(5);
      Instant end = until != null ? until.toInstant() : now;
      return new Found(rs.getString(1), rs.getString(2), rs.getString(3),
          end == null ? null : KpiMonth.daysBetween(rs.getTimestamp(4).toInstant(), end));
    }, args);
  }

  private static Object[] args(Object... values) {
    return KpiQueries.args(values);
  }

  private record Found(String courseId, String status, String phase, Integer days) {
  }
}
