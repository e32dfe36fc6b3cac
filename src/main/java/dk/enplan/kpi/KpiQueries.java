package dk.enplan.kpi;

import dk.enplan.course.DanishDates;
import dk.enplan.plan.LifeDomain;
import dk.enplan.taskcard.CoursePhase;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the KPIs of one scope (a municipality, or network-wide when the tenant is null) from the read model: the
 * period's counters in one query on {@code kpi_month} (months × counters of the municipality, or of the network's
 * sums under {@code '*'}; not courses), the counts of "now" from the counters of month 0, and this month's open due
 * items.
 */
@Component
@Transactional(readOnly = true)
class KpiQueries {

  private final JdbcTemplate jdbc;

  KpiQueries(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  KpiSummary summary(KpiSummary.Scope scope, String tenant, KpiPeriod period, Instant now) {
    Counters c = counters(tenant, period);
    Map<String, Long> active = new HashMap<>();
    Map<String, Long> plans = new HashMap<>();
    jdbc.query("select tenant_id, metric, item, amount from kpi_month where yyyymm = 0" + and(tenant), rs -> {
      String metric = rs.getString(2);
      boolean network = KpiMetric.NETWORK.equals(rs.getString(1));
      if (KpiMetric.ACTIVE.equals(metric)) {
        active.merge(rs.getString(3), rs.getLong(4), Long::sum);
      } else if (KpiMetric.PLANS_ACTIVE.equals(metric)) {
        plans.merge(metric, rs.getLong(4), Long::sum);
      } else if (network == (tenant == null)) {
        plans.merge(metric, rs.getLong(4), Long::sum);
      }
    }, args(tenant));
    List<KpiSummary.PhaseCount> phases = new ArrayList<>();
    for (CoursePhase phase : CoursePhase.values()) {
      phases.add(new KpiSummary.PhaseCount(phase.name(), phase.label(), active.getOrDefault(phase.name(), 0L)));
    }
    List<KpiSummary.MonthCount> referrals = period.months().stream()
        .map(m -> new KpiSummary.MonthCount(m.toString(), c.get(KpiMetric.REFERRALS, KpiMonth.of(m), ""))).toList();

    long contactCourses = c.total(KpiMetric.CONTACT_COURSES, "");
    long contactPersons = c.total(KpiMetric.CONTACT_PERSONS, "");

    Map<String, Long> lateThisMonth = lateThisMonth(tenant, now);
    List<KpiSummary.LateMonth> lateMonths = lateMonths(period, now, c, lateThisMonth);
    List<KpiSummary.Progression> progression = new ArrayList<>();
    for (LifeDomain domain : LifeDomain.values()) {
      progression.add(progression(c, domain.key()));
    }
    progression.add(progression(c, "samlet"));
    List<KpiSummary.ReasonCount> reasons = new ArrayList<>();
    KpiLabels.CLOSURE_REASONS.forEach((code, label) ->
        reasons.add(new KpiSummary.ReasonCount(code, label, c.total(KpiMetric.CLOSURES, code))));
    c.items(KpiMetric.CLOSURES).stream().filter(code -> !KpiLabels.CLOSURE_REASONS.containsKey(code)).sorted()
        .forEach(code -> reasons.add(new KpiSummary.ReasonCount(code, code, c.total(KpiMetric.CLOSURES, code))));

    return new KpiSummary(scope,
        new KpiSummary.ActiveCourses(active.values().stream().mapToLong(Long::longValue).sum(), phases),
        new KpiSummary.Referrals(c.total(KpiMetric.REFERRALS, ""), referrals),
        days(c, KpiMetric.CONSENT_DAYS), days(c, KpiMetric.FIRST_PLAN_DAYS),
        new KpiSummary.ContactPersons(contactCourses, ratio(contactPersons, contactCourses),
            c.total(KpiMetric.CONTACT_MULTI, "")),
        activePlans(plans),
        new KpiSummary.Late(lateNow(tenant, now, lateThisMonth), lateMonths),
        progression,
        new KpiSummary.Closures(reasons.stream().mapToLong(KpiSummary.ReasonCount::courses).sum(), reasons),
        new KpiSummary.Deliveries(c.totalOfAll(KpiMetric.DELIVERIES_FAILED),
            c.totalOfAll(KpiMetric.DELIVERIES_REJECTED)),
        new KpiSummary.Complaints(c.total(KpiMetric.COMPLAINTS, ""), c.total(KpiMetric.COMPLAINT_OUTCOMES, "medhold"),
            c.total(KpiMetric.COMPLAINT_OUTCOMES, "videresendt")));
  }

  private static KpiSummary.Progression progression(Counters c, String domain) {
    long courses = c.total(KpiMetric.PROGRESSION_COURSES, domain);
    return new KpiSummary.Progression(domain, KpiLabels.lifeDomain(domain), courses,
        ratio(c.total(KpiMetric.PROGRESSION_CHANGE, domain), courses),
        ratio(c.total(KpiMetric.PROGRESSION_IMPROVED, domain), courses));
  }

  private static KpiSummary.Days days(Counters c, String histogramMetric) {
    NavigableMap<Integer, Long> histogram = new TreeMap<>();
    c.items(histogramMetric).forEach(item -> histogram.put(Integer.parseInt(item), c.total(histogramMetric, item)));
    long courses = histogram.values().stream().mapToLong(Long::longValue).sum();
    return new KpiSummary.Days(courses, Percentiles.of(histogram, 0.5), Percentiles.of(histogram, 0.9));
  }

  /** From the counters of now: a municipality's own, or network-wide the network's citizens (tenant '*'). */
  private static KpiSummary.ActivePlans activePlans(Map<String, Long> counters) {
    long plans = counters.getOrDefault(KpiMetric.PLANS_ACTIVE, 0L);
    long citizens = counters.getOrDefault(KpiMetric.CITIZENS_ACTIVE, 0L);
    return new KpiSummary.ActivePlans(citizens, plans, ratio(plans, citizens),
        counters.getOrDefault(KpiMetric.CITIZENS_MULTI, 0L));
  }

  /**
   * Open past their due date: every item still open from the months before this one (the {@code open_due} counters,
   * a few rows per municipality and month however many courses), and this month's open items due before now.
   */
  KpiSummary.LateCount lateNow(String tenant, Instant now) {
    return lateNow(tenant, now, lateThisMonth(tenant, now));
  }

  private KpiSummary.LateCount lateNow(String tenant, Instant now, Map<String, Long> lateThisMonth) {
    Map<String, Long> open = new HashMap<>(lateThisMonth);
    jdbc.query("select item, sum(amount) from kpi_month where metric = ? and yyyymm between 1 and ? and tenant_id = ?"
        + " group by item", rs -> {
          open.merge(rs.getString(1), rs.getLong(2), Long::sum);
        }, KpiMetric.OPEN_DUE, KpiMonth.of(now) - 1, scope(tenant));
    return new KpiSummary.LateCount(open.getOrDefault(KpiEnginePlugin.ASSESSMENT, 0L),
        open.getOrDefault(KpiEnginePlugin.FOLLOW_UP, 0L));
  }

  /** This month's items still open and due before now, by kind. */
  private Map<String, Long> lateThisMonth(String tenant, Instant now) {
    Map<String, Long> open = new HashMap<>();
    Instant monthStart = YearMonth.from(now.atZone(DanishDates.DANISH_TIME)).atDay(1)
        .atStartOfDay(DanishDates.DANISH_TIME).toInstant();
    jdbc.query("select kind, count(*) from kpi_due where is_open and due_at >= ? and due_at < ?" + and(tenant)
        + " group by kind", rs -> {
          open.put(rs.getString(1), rs.getLong(2));
        }, args(Timestamp.from(monthStart), Timestamp.from(now), tenant));
    return open;
  }

  /**
   * Late per month of the period: done after the due date, or still open past it — for a past month its open items
   * (counters), for this month those due before now, for a later month none.
   */
  private static List<KpiSummary.LateMonth> lateMonths(KpiPeriod period, Instant now, Counters c,
                                                       Map<String, Long> thisMonthOpen) {
    int thisMonth = KpiMonth.of(now);
    List<KpiSummary.LateMonth> months = new ArrayList<>();
    for (YearMonth m : period.months()) {
      int month = KpiMonth.of(m);
      months.add(new KpiSummary.LateMonth(m.toString(),
          c.get(KpiMetric.LATE_DONE, month, KpiEnginePlugin.ASSESSMENT)
              + openLate(c, month, thisMonth, thisMonthOpen, KpiEnginePlugin.ASSESSMENT),
          c.get(KpiMetric.LATE_DONE, month, KpiEnginePlugin.FOLLOW_UP)
              + openLate(c, month, thisMonth, thisMonthOpen, KpiEnginePlugin.FOLLOW_UP)));
    }
    return months;
  }

  private static long openLate(Counters c, int month, int thisMonth, Map<String, Long> thisMonthOpen, String kind) {
    if (month < thisMonth) {
      return c.get(KpiMetric.OPEN_DUE, month, kind);
    }
    return month == thisMonth ? thisMonthOpen.getOrDefault(kind, 0L) : 0;
  }

  private Counters counters(String tenant, KpiPeriod period) {
    Counters counters = new Counters();
    jdbc.query("select yyyymm, metric, item, amount from kpi_month where yyyymm between ? and ? and tenant_id = ?",
        rs -> {
          counters.put(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getLong(4));
        }, period.fromMonth(), period.toMonth(), scope(tenant));
    return counters;
  }

  /** The tenant whose month counters to read: the municipality's, or the network's sums ({@code '*'}). */
  private static String scope(String tenant) {
    return tenant == null ? KpiMetric.NETWORK : tenant;
  }

  static String and(String tenant) {
    return tenant == null ? "" : " and tenant_id = ?";
  }

  /** The arguments, the trailing tenant left out when it is null (network-wide). */
  static Object[] args(Object... values) {
    List<Object> list = new ArrayList<>(List.of(java.util.Arrays.stream(values)
        .filter(java.util.Objects::nonNull).toArray()));
    return list.toArray();
  }

  static Double ratio(long numerator, long denominator) {
    return denominator == 0 ? null : (double) numerator / denominator;
  }

  /** The period's counters: metric → item → month → sum. */
  private static final class Counters {
    private final Map<String, Map<String, Map<Integer, Long>>> values = new HashMap<>();

    void put(int month, String metric, String item, long amount) {
      values.computeIfAbsent(metric, k -> new HashMap<>()).computeIfAbsent(item, k -> new HashMap<>())
          .merge(month, amount, Long::sum);
    }

    long get(String metric, int month, String item) {
      return values.getOrDefault(metric, Map.of()).getOrDefault(item, Map.of()).getOrDefault(month, 0L);
    }

    long total(String metric, String item) {
      return values.getOrDefault(metric, Map.of()).getOrDefault(item, Map.of()).values().stream()
          .mapToLong(Long::longValue).sum();
    }

    long totalOfAll(String metric) {
      return items(metric).stream().mapToLong(item -> total(metric, item)).sum();
    }

    List<String> items(String metric) {
      return values.getOrDefault(metric, Map.of()).entrySet().stream()
          .filter(e -> e.getValue().values().stream().mapToLong(Long::longValue).sum() != 0).map(Map.Entry::getKey)
          .toList();
    }
  }
}
