package dk.enplan.kpi;

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
 * period's counters in one query on {@code kpi_month} (municipalities × months × counters, not courses), the counts of
 * "now" from the counters of month 0, the open due items and the courses with an active plan.
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

    List<KpiSummary.LateMonth> lateMonths = lateMonths(tenant, period, now, c);
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
        new KpiSummary.Late(lateNow(tenant, now), lateMonths),
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

  private KpiSummary.LateCount lateNow(String tenant, Instant now) {
    Map<String, Long> open = new HashMap<>();
    jdbc.query("select kind, count(*) from kpi_due where is_open and due_at < ?" + and(tenant) + " group by kind",
        rs -> {
          open.put(rs.getString(1), rs.getLong(2));
        }, args(Timestamp.from(now), tenant));
    return new KpiSummary.LateCount(open.getOrDefault(KpiEnginePlugin.ASSESSMENT, 0L),
        open.getOrDefault(KpiEnginePlugin.FOLLOW_UP, 0L));
  }

  private List<KpiSummary.LateMonth> lateMonths(String tenant, KpiPeriod period, Instant now, Counters c) {
    Map<String, Long> open = new HashMap<>();
    jdbc.query("select due_month, kind, count(*) from kpi_due where is_open and due_at < ? and due_month between ?"
        + " and ?" + and(tenant) + " group by due_month, kind", rs -> {
          open.put(rs.getInt(1) + "/" + rs.getString(2), rs.getLong(3));
        }, args(Timestamp.from(now), period.fromMonth(), period.toMonth(), tenant));
    List<KpiSummary.LateMonth> months = new ArrayList<>();
    for (YearMonth m : period.months()) {
      int month = KpiMonth.of(m);
      months.add(new KpiSummary.LateMonth(m.toString(),
          c.get(KpiMetric.LATE_DONE, month, KpiEnginePlugin.ASSESSMENT)
              + open.getOrDefault(month + "/" + KpiEnginePlugin.ASSESSMENT, 0L),
          c.get(KpiMetric.LATE_DONE, month, KpiEnginePlugin.FOLLOW_UP)
              + open.getOrDefault(month + "/" + KpiEnginePlugin.FOLLOW_UP, 0L)));
    }
    return months;
  }

  private Counters counters(String tenant, KpiPeriod period) {
    Counters counters = new Counters();
    jdbc.query("select yyyymm, metric, item, sum(amount) from kpi_month where yyyymm between ? and ?" + and(tenant)
        + " group by yyyymm, metric, item", rs -> {
          counters.put(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getLong(4));
        }, args(period.fromMonth(), period.toMonth(), tenant));
    return counters;
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
