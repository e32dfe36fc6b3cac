package dk.enplan.kpi;

/** The counters of {@code kpi_month} (docs/kpi.md): metric names as stored. */
final class KpiMetric {

  static final String REFERRALS = "referrals";
  static final String CONSENTS = "consents";
  static final String CONSENT_REFUSED = "consent_refused";
  /** Histogram: item = days from referral to consent, by the month of consent. */
  static final String CONSENT_DAYS = "consent_days";
  static final String FIRST_PLANS = "first_plans";
  /** Histogram: item = days from referral to the first agreed plan, by the month it was agreed. */
  static final String FIRST_PLAN_DAYS = "first_plan_days";
  static final String REVISIONS = "revisions";
  /** By referral month: courses with a contact person, contact persons in all, courses with more than one. */
  static final String CONTACT_COURSES = "contact_courses";
  static final String CONTACT_PERSONS = "contact_persons";
  static final String CONTACT_MULTI = "contact_multi";
  /** Item = closure reason, by the month the course ended. */
  static final String CLOSURES = "closures";
  /** Item = assessment / followUp, by the month it was due: done after its due date. */
  static final String LATE_DONE = "late_done";
  /** Assessments and follow-ups still open, under the month they are due in (item: the kind). */
  static final String OPEN_DUE = "open_due";
  /** Item = life domain, by the month of the latest measurement: courses with two or more measurements. */
  static final String PROGRESSION_COURSES = "progression_courses";
  static final String PROGRESSION_CHANGE = "progression_change";
  static final String PROGRESSION_IMPROVED = "progression_improved";
  /** Item = sector. */
  static final String DELIVERIES_FAILED = "deliveries_failed";
  static final String DELIVERIES_REJECTED = "deliveries_rejected";
  static final String COMPLAINTS = "complaints";
  /** Item = medhold / videresendt. */
  static final String COMPLAINT_OUTCOMES = "complaint_outcomes";
  /** Month {@link KpiMonth#NOW}, item = phase: the courses not ended, by phase. */
  static final String ACTIVE = "active";
  /** Month {@link KpiMonth#NOW}: active plans, citizens with one or more, citizens with more than one. */
  static final String PLANS_ACTIVE = "plans_active";
  static final String CITIZENS_ACTIVE = "citizens_active";
  static final String CITIZENS_MULTI = "citizens_multi";
  /** The tenant of the network's own counters of citizens (a citizen may have plans in two municipalities). */
  static final String NETWORK = "*";

  private KpiMetric() {
  }
}
