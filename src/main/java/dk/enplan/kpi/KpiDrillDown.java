package dk.enplan.kpi;

import dk.enplan.course.CprNumber;
import dk.enplan.courseevent.CourseEvent.Kind;
import dk.enplan.privacy.CprProtection;
import dk.enplan.process.RequestRefusedException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The courses behind one number of one municipality, {@link #LIMIT} rows a page: course id, masked CPR (the plan
 * store's number, decrypted and masked only for the rows shown, as the task cards do), phase in Danish and the KPI's
 * days. A page continues after the last row of the one before (keyset, {@link KpiCursor}): each list reads its rows
 * in the order shown from an index (V9) and stops after one more than a page, however many courses there are.
 * Lists of events and of late items show one row per event or item, as the summary counts them.
 */
@Component
@Transactional(readOnly = true)
class KpiDrillDown {

  static final int LIMIT = 50;
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
  private final CprProtection cpr;
  private final KpiDatabase database;

  KpiDrillDown(JdbcTemplate jdbc, CprProtection cpr, KpiDatabase database) {
    this.jdbc = jdbc;
    this.cpr = cpr;
    this.database = database;
  }

  KpiCourses courses(String kpi, String key, String tenant, KpiPeriod period, String after, Instant now) {
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
    if (database.postgres()) {
      // A page is at most 51 rows read in index order: starting parallel workers costs more than the whole read
      // (about 18 ms at a million courses, where PostgreSQL's estimates of the late items made it plan them).
      jdbc.execute("set local max_parallel_workers_per_gather = 0");
    }
    Timestamp start = Timestamp.from(period.start());
    Timestamp end = Timestamp.from(period.end());
    String course = "select c.course_id, c.status, c.phase, c.referred_at, null, ";
    Page page = switch (kpi) {
      case "activeCourses" -> k == null
          // closed_month is null for every running course: in the order too, so the index's order is the list's
          ? page(course + "c.referred_at, c.course_id from kpi_course c where c.tenant_id = ?"
              + " and c.closed_month is null and c.status in ('REFERRED', 'ACTIVE') and c.phase is not null",
              "c.closed_month, ", COURSE_KEYS, after, now, tenant)
          : page(course + "c.referred_at, c.course_id from kpi_course c where c.tenant_id = ? and c.phase = ?"
              + " and c.status in ('REFERRED', 'ACTIVE')", "", COURSE_KEYS, after, now, tenant, k);
      case "referrals" -> events(Kind.REFERRED, tenant, start, end, null, false, after, now);
      case "daysToConsent" -> events(Kind.CONSENT_GIVEN, tenant, start, end, null, true, after, now);
      case "daysToFirstPlan" -> events(Kind.PLAN_AGREED, tenant, start, end, "1", true, after, now);
      case "closures" -> events(Kind.ENDED, tenant, start, end, k, true, after, now);
      case "deliveriesFailed" -> events(Kind.DELIVERY_FAILED, tenant, start, end, k, true, after, now);
      case "deliveriesRejected" -> events(Kind.DELIVERY_REJECTED, tenant, start, end, k, true, after, now);
      case "complaints" -> events(Kind.COMPLAINT, tenant, start, end, null, true, after, now);
      case "contactPersons" -> page(course + "c.referred_at, c.course_id from kpi_course c where c.tenant_id = ?"
          + " and c.referred_at >= ? and c.referred_at < ? and c.contact_persons > 1", "", COURSE_KEYS, after, now,
          tenant, start, end);
      case "activePlansPerCitizen" -> plansOfCitizensWithMore(tenant, after, now);
      case "lateAssessments", "lateFollowUps" -> late(kpi.equals("lateAssessments") ? KpiEnginePlugin.ASSESSMENT
          : KpiEnginePlugin.FOLLOW_UP, tenant, start, end, after, now);
      case "progression" -> progression(tenant, period, k, after, now);
      default -> throw new IllegalStateException(kpi);
    };
    Map<String, String> masked = maskedCprs(page.rows().stream().map(Found::courseId).distinct().toList());
    List<KpiCourses.Row> rows = page.rows().stream().map(f -> new KpiCourses.Row(f.courseId(),
        masked.get(f.courseId()), KpiLabels.phase(f.status(), f.phase()), f.days())).toList();
    return new KpiCourses(kpi, k, tenant, period.from().toString(), period.to().toString(), LIMIT,
        page.next() != null, page.next(), rows);
  }

  /**
   * The masked CPR numbers of the page's courses from the plan store in one statement (only the number, decrypted
   * here: loading the courses themselves would read their sectors and problem areas too, two statements a course).
   */
  private Map<String, String> maskedCprs(List<String> courseIds) {
    Map<String, String> masked = new HashMap<>();
    if (courseIds.isEmpty()) {
      return masked;
    }
    jdbc.query("select id, cpr from course where id in (" + String.join(", ", Collections.nCopies(courseIds.size(),
        "?")) + ")", rs -> {
          masked.put(rs.getString(1), new CprNumber(cpr.decrypt(rs.getString(2))).masked());
        }, courseIds.toArray());
    return masked;
  }

  /** Rows of kpi_event of this kind in the period, in the order they happened; days from referral to the event. */
  private Page events(Kind kind, String tenant, Timestamp start, Timestamp end, String item, boolean toEvent,
                      String after, Instant now) {
    return page("select c.course_id, c.status, c.phase, c.referred_at, " + (toEvent ? "e.occurred_at" : "null")
        + ", e.occurred_at, e.id from kpi_event e join kpi_course c on c.course_id = e.course_id"
        + " and c.tenant_id = e.tenant_id where e.tenant_id = ? and e.kind = ? and e.occurred_at >= ?"
        + " and e.occurred_at < ?" + (item == null ? "" : " and e.item = ?"), "", EVENT_KEYS, after, now,
        args(tenant, kind.name(), start, end, item));
  }

  /** Due in the period and done after the due date or still open past it, in the order due; days late. */
  private Page late(String kind, String tenant, Timestamp start, Timestamp end, String after, Instant now) {
    Timestamp nowTs = Timestamp.from(now);
    return page("select c.course_id, c.status, c.phase, d.due_at, d.done_at, d.due_at, d.task_id from kpi_due d"
        + " join kpi_course c on c.course_id = d.course_id and c.tenant_id = d.tenant_id"
        + " where d.tenant_id = ? and d.kind = ? and d.due_at >= ? and d.due_at < ?"
        + " and ((d.is_open and d.due_at < ?) or d.done_at > d.due_at)", "", DUE_KEYS, after, now,
        tenant, kind, start, end, nowTs);
  }

  /**
   * The active plans of citizens with more than one in the municipality, citizen by citizen (in the order of their
   * CPR hash, which the list does not show). The window counts each citizen's plans as the index delivers them, so
   * the page is read without grouping all of the municipality's plans; a page after a cursor starts at the
   * cursor's citizen, whose plans are all counted again.
   */
  private Page plansOfCitizensWithMore(String tenant, String after, Instant now) {
    List<Object> cursor = KpiCursor.decode(after, types(PLAN_KEYS));
    List<Object> args = new ArrayList<>(List.of(tenant));
    String from = "";
    String past = "";
    if (!cursor.isEmpty()) {
      from = " and cpr_hash >= ?";
      past = " and (p.cpr_hash, p.course_id) > (?, ?)";
      args.add(cursor.get(0));
      args.addAll(cursor);
    }
    return read("select c.course_id, c.status, c.phase, c.referred_at, null, p.cpr_hash, p.course_id from"
        + " (select cpr_hash, course_id, count(*) over (partition by cpr_hash) plans from kpi_course"
        + " where tenant_id = ? and plan_active = true and cpr_hash is not null" + from + ") p"
        + " join kpi_course c on c.course_id = p.course_id where p.plans > 1" + past
        + " order by p.cpr_hash, p.course_id fetch first " + (LIMIT + 1) + " rows only", PLAN_KEYS, now,
        args.toArray());
  }

  /** Courses with two or more measurements whose latest falls in the period, in course order. */
  private Page progression(String tenant, KpiPeriod period, String domain, String after, Instant now) {
    List<Object> cursor = KpiCursor.decode(after, types(PROGRESSION_KEYS));
    return read("select c.course_id, c.status, c.phase, c.referred_at, null, p.course_id from"
        + " (select distinct course_id from kpi_progression where tenant_id = ? and latest_month between ? and ?"
        + " and measurements >= 2" + (domain == null ? "" : " and life_domain = ?")
        + (cursor.isEmpty() ? "" : " and course_id > ?") + " order by course_id fetch first " + (LIMIT + 1)
        + " rows only) p join kpi_course c on c.course_id = p.course_id order by p.course_id", PROGRESSION_KEYS, now,
        args(tenant, period.fromMonth(), period.toMonth(), domain, cursor.isEmpty() ? null : cursor.get(0)));
  }

  /**
   * One page of a list whose select ends with its two sort columns: the rows after the cursor in that order (with
   * {@code orderPrefix} before them, a column that is the same for every row), at most {@link #LIMIT} and one more
   * to tell whether there are more.
   */
  private Page page(String select, String orderPrefix, List<SortKey> keys, String after, Instant now,
                    Object... args) {
    List<Object> cursor = KpiCursor.decode(after, types(keys));
    List<Object> all = new ArrayList<>(List.of(args));
    String past = "";
    if (!cursor.isEmpty()) {
      past = " and (" + keys.get(0).column() + ", " + keys.get(1).column() + ") > (?, ?)";
      all.addAll(cursor);
    }
    return read(select + past + " order by " + orderPrefix + keys.get(0).column() + ", " + keys.get(1).column()
        + " fetch first " + (LIMIT + 1) + " rows only", keys, now, all.toArray());
  }

  /**
   * Columns: course id, status, phase, the moment the days run from, the moment they run to (null: {@code now}),
   * then the sort values of the keys.
   */
  private Page read(String sql, List<SortKey> keys, Instant now, Object... args) {
    List<List<Object>> sortValues = new ArrayList<>();
    List<Found> found = jdbc.query(sql, (rs, n) -> {
      List<Object> values = new ArrayList<>();
      for (int i = 0; i < keys.size(); i++) {
        values.add(switch (keys.get(i).type()) {
          case TIME -> rs.getTimestamp(6 + i);
          case NUMBER -> rs.getLong(6 + i);
          case TEXT -> rs.getString(6 + i);
        });
      }
      sortValues.add(values);
      Timestamp until = rs.getTimestamp(5);
      Instant end = until != null ? until.toInstant() : now;
      return new Found(rs.getString(1), rs.getString(2), rs.getString(3),
          KpiMonth.daysBetween(rs.getTimestamp(4).toInstant(), end));
    }, args);
    if (found.size() <= LIMIT) {
      return new Page(found, null);
    }
    return new Page(found.subList(0, LIMIT), KpiCursor.encode(sortValues.get(LIMIT - 1)));
  }

  private static List<KpiCursor.Type> types(List<SortKey> keys) {
    return keys.stream().map(SortKey::type).toList();
  }

  private static Object[] args(Object... values) {
    return KpiQueries.args(values);
  }

  /** A column a list is sorted by, last to first row; the cursor holds its value in the last row shown. */
  private record SortKey(String column, KpiCursor.Type type) {
  }

  private static final List<SortKey> COURSE_KEYS = List.of(new SortKey("c.referred_at", KpiCursor.Type.TIME),
      new SortKey("c.course_id", KpiCursor.Type.TEXT));
  private static final List<SortKey> EVENT_KEYS = List.of(new SortKey("e.occurred_at", KpiCursor.Type.TIME),
      new SortKey("e.id", KpiCursor.Type.NUMBER));
  private static final List<SortKey> DUE_KEYS = List.of(new SortKey("d.due_at", KpiCursor.Type.TIME),
      new SortKey("d.task_id", KpiCursor.Type.TEXT));
  private static final List<SortKey> PLAN_KEYS = List.of(new SortKey("p.cpr_hash", KpiCursor.Type.TEXT),
      new SortKey("p.course_id", KpiCursor.Type.TEXT));
  private static final List<SortKey> PROGRESSION_KEYS = List.of(new SortKey("p.course_id", KpiCursor.Type.TEXT));

  /** The rows of one page, and the cursor of the next (null: none). */
  private record Page(List<Found> rows, String next) {
  }

  private record Found(String courseId, String status, String phase, Integer days) {
  }
}
