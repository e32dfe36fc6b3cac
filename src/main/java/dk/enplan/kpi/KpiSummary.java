package dk.enplan.kpi;

import java.util.List;

/** {@code GET /api/kpi/summary}: every KPI for one scope and period (docs/kpi.md). */
public record KpiSummary(Scope scope, ActiveCourses activeCourses, Referrals referrals, Days daysToConsent,
                         Days daysToFirstPlan, ContactPersons contactPersons, ActivePlans activePlansPerCitizen,
                         Late late, List<Progression> progression, Closures closures, Deliveries deliveries,
                         Complaints complaints) {

  /** {@code municipality} null and {@code name} "Hele netværket" network-wide. */
  public record Scope(String municipality, String name, String from, String to, String today) {
  }

  /** Now (not the period): the courses not ended, by phase (every phase, 0 included, in process order). */
  public record ActiveCourses(long total, List<PhaseCount> byPhase) {
  }

  public record PhaseCount(String phase, String label, long courses) {
  }

  public record Referrals(long total, List<MonthCount> perMonth) {
  }

  public record MonthCount(String month, long count) {
  }

  /** Courses that reached the step in the period; median and p90 as percentile_cont (null without courses). */
  public record Days(long courses, Double median, Double p90) {
  }

  /** Courses referred in the period: how many contact persons each had (goal 1). */
  public record ContactPersons(long courses, Double mean, long withMoreThanOne) {
  }

  /** Now: citizens with an active plan (status ACTIVE, an agreed version) and how many plans they have (goal 1). */
  public record ActivePlans(long citizens, long plans, Double mean, long withMoreThanOne) {
  }

  /** Late assessments and follow-ups: open past due now, and per month of the due date (done late or still open). */
  public record Late(LateCount now, List<LateMonth> perMonth) {
  }

  public record LateCount(long assessments, long followUps) {
  }

  public record LateMonth(String month, long assessments, long followUps) {
  }

  /** Courses whose latest measurement in the domain was in the period and that have two or more. */
  public record Progression(String domain, String label, long courses, Double meanChange, Double shareImproved) {
  }

  public record Closures(long total, List<ReasonCount> byReason) {
  }

  public record ReasonCount(String reason, String label, long courses) {
  }

  public record Deliveries(long failed, long rejected) {
  }

  /** Received in the period; outcomes reached in the period: upheld (medhold) or forwarded to Ankestyrelsen. */
  public record Complaints(long received, long upheld, long forwarded) {
  }
}
