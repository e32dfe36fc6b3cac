package dk.enplan.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Fills the KPI read model's derived tables ({@code kpi_course}, {@code kpi_due}, {@code kpi_progression},
 * {@code kpi_month}) from the event log {@code kpi_event} and the plan store in a few set-based statements
 * (PostgreSQL), to the state {@code dk.enplan.kpi.KpiLedger} reaches applying the log event by event: a course's
 * status and phase after its last event, a due item open until its DONE, progression from the first to the latest
 * score at the month of the latest, the counters summed per municipality × month × metric × item. For the KPI page
 * benchmark, where replaying millions of events one by one would take hours; the tables must be empty.
 */
final class KpiReadModelFill {

  private static final String ENDED = "('CLOSED', 'NO_CONSENT', 'NOT_IN_TARGET_GROUP')";

  private static String days(String from, String to) {
    return "((" + to + " at time zone 'Europe/Copenhagen')::date - (" + from + " at time zone 'Europe/Copenhagen')"
        + "::date)";
  }

  private final JdbcTemplate jdbc;

  KpiReadModelFill(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Fills the tables; returns seconds per table. */
  Map<String, Double> fill() {
    Map<String, Double> seconds = new LinkedHashMap<>();
    time(seconds, "kpi_course", "insert into kpi_course (course_id, tenant_id, cpr_hash, referred_at, referral_month,"
        + " status, phase, consent_days, first_plan_days, plan_versions, contact_persons, plan_active, closed_month,"
        + " closure_reason)"
        + " select e.course_id, r.tenant_id, nullif(r.item, ''), r.occurred_at, r.yyyymm,"
        + "  case when e.ended_reason is not null then case e.ended_reason when 'intet_samtykke' then 'NO_CONSENT'"
        + "   when 'ikke_i_maalgruppen' then 'NOT_IN_TARGET_GROUP' else 'CLOSED' end"
        + "   when e.consent_at is not null then 'ACTIVE' else 'REFERRED' end,"
        + "  case when e.ended_reason is null then e.phase end,"
        + "  " + days("r.occurred_at", "e.consent_at") + ", " + days("r.occurred_at", "e.first_plan_at") + ","
        + "  coalesce(e.versions, 0), e.contacts, e.ended_reason is null and e.consent_at is not null"
        + "   and coalesce(e.versions, 0) > 0, e.closed_month, e.ended_reason"
        + " from (select course_id,"
        + "   (array_agg(item order by id desc) filter (where kind = 'PHASE'))[1] phase,"
        + "   min(occurred_at) filter (where kind = 'CONSENT_GIVEN') consent_at,"
        + "   min(occurred_at) filter (where kind = 'PLAN_AGREED' and item = '1') first_plan_at,"
        + "   max(item::int) filter (where kind = 'PLAN_AGREED') versions,"
        + "   count(*) filter (where kind = 'CONTACT_PERSON') contacts,"
        + "   min(yyyymm) filter (where kind = 'ENDED') closed_month,"
        + "   min(item) filter (where kind = 'ENDED') ended_reason"
        + "  from kpi_event where kind in ('PHASE', 'CONSENT_GIVEN', 'PLAN_AGREED', 'CONTACT_PERSON', 'ENDED')"
        + "  group by course_id) e"
        + " join kpi_event r on r.event_key = 'referred:' || e.course_id");
    // Courses with a referral and no other event yet.
    time(seconds, "kpi_course (referral only)", "insert into kpi_course (course_id, tenant_id, cpr_hash, referred_at,"
        + " referral_month, status, plan_versions, contact_persons, plan_active)"
        + " select r.course_id, r.tenant_id, nullif(r.item, ''), r.occurred_at, r.yyyymm, 'REFERRED', 0, 0, false"
        + " from kpi_event r where r.kind = 'REFERRED'"
        + " and not exists (select 1 from kpi_course c where c.course_id = r.course_id)");
    time(seconds, "kpi_due", "insert into kpi_due (task_id, course_id, tenant_id, kind, due_at, due_month, done_at,"
        + " is_open)"
        + " select substr(d.event_key, 5), d.course_id, d.tenant_id, d.item, d.due_at, d.yyyymm, o.occurred_at,"
        + "  o.id is null"
        + " from kpi_event d left join kpi_event o on o.event_key = 'done:' || substr(d.event_key, 5)"
        + " where d.kind = 'DUE' and d.due_at is not null");
    time(seconds, "kpi_progression", "insert into kpi_progression (course_id, life_domain, tenant_id, first_score,"
        + " latest_score, latest_month, measurements)"
        + " select course_id, item, min(tenant_id), (array_agg(amount order by id))[1],"
        + "  (array_agg(amount order by id desc))[1], (array_agg(yyyymm order by id desc))[1], count(*)"
        + " from kpi_event where kind = 'PROGRESSION' group by course_id, item");
    time(seconds, "kpi_month", "insert into kpi_month (tenant_id, yyyymm, metric, item, amount)"
        + " select tenant_id, yyyymm, metric, item, sum(amount) from ("
        + "  select e.tenant_id, e.yyyymm, case e.kind when 'REFERRED' then 'referrals' when 'CONSENT_GIVEN'"
        + "    then 'consents' when 'CONSENT_REFUSED' then 'consent_refused' when 'ENDED' then 'closures'"
        + "    when 'DELIVERY_FAILED' then 'deliveries_failed' when 'DELIVERY_REJECTED' then 'deliveries_rejected'"
        + "    when 'COMPLAINT' then 'complaints' when 'COMPLAINT_OUTCOME' then 'complaint_outcomes'"
        + "    when 'PLAN_AGREED' then case when e.item = '1' then 'first_plans' else 'revisions' end end metric,"
        + "   case when e.kind in ('ENDED', 'DELIVERY_FAILED', 'DELIVERY_REJECTED', 'COMPLAINT_OUTCOME') then e.item"
        + "    else '' end item, 1::bigint amount"
        + "  from kpi_event e where e.kind in ('REFERRED', 'CONSENT_GIVEN', 'CONSENT_REFUSED', 'ENDED',"
        + "   'DELIVERY_FAILED', 'DELIVERY_REJECTED', 'COMPLAINT', 'COMPLAINT_OUTCOME', 'PLAN_AGREED')"
        + "  union all select e.tenant_id, e.yyyymm, 'consent_days', c.consent_days::text, 1 from kpi_event e"
        + "   join kpi_course c on c.course_id = e.course_id where e.kind = 'CONSENT_GIVEN'"
        + "  union all select e.tenant_id, e.yyyymm, 'first_plan_days', c.first_plan_days::text, 1 from kpi_event e"
        + "   join kpi_course c on c.course_id = e.course_id where e.kind = 'PLAN_AGREED' and e.item = '1'"
        + "  union all select tenant_id, referral_month, 'contact_courses', '', 1 from kpi_course"
        + "   where contact_persons > 0"
        + "  union all select tenant_id, referral_month, 'contact_persons', '', contact_persons from kpi_course"
        + "   where contact_persons > 0"
        + "  union all select tenant_id, referral_month, 'contact_multi', '', 1 from kpi_course"
        + "   where contact_persons > 1"
        + "  union all select tenant_id, due_month, 'late_done', kind, 1 from kpi_due"
        + "   where not is_open and done_at > due_at"
        + "  union all select tenant_id, due_month, 'open_due', kind, 1 from kpi_due where is_open"
        + "  union all select tenant_id, latest_month, 'progression_courses', life_domain, 1 from kpi_progression"
        + "   where measurements >= 2"
        + "  union all select tenant_id, latest_month, 'progression_change', life_domain, latest_score - first_score"
        + "   from kpi_progression where measurements >= 2"
        + "  union all select tenant_id, latest_month, 'progression_improved', life_domain,"
        + "   case when latest_score > first_score then 1 else 0 end from kpi_progression where measurements >= 2"
        + "  union all select tenant_id, 0, 'active', phase, 1 from kpi_course"
        + "   where phase is not null and status not in " + ENDED
        + "  union all select tenant_id, 0, 'plans_active', '', 1 from kpi_course where plan_active"
        + "  union all select tenant_id, 0, 'citizens_active', '', 1 from kpi_course where plan_active"
        + "   and cpr_hash is not null group by tenant_id, cpr_hash"
        + "  union all select tenant_id, 0, 'citizens_multi', '', 1 from kpi_course where plan_active"
        + "   and cpr_hash is not null group by tenant_id, cpr_hash having count(*) > 1"
        + "  union all select '*', 0, 'citizens_active', '', 1 from kpi_course where plan_active"
        + "   and cpr_hash is not null group by cpr_hash"
        + "  union all select '*', 0, 'citizens_multi', '', 1 from kpi_course where plan_active"
        + "   and cpr_hash is not null group by cpr_hash having count(*) > 1"
        + " ) x (tenant_id, yyyymm, metric, item, amount) group by tenant_id, yyyymm, metric, item"
        + " having sum(amount) <> 0");
    // The network's month counters, as the ledger adds them beside each municipality's (and V9 fills them).
    time(seconds, "kpi_month (network)", "insert into kpi_month (tenant_id, yyyymm, metric, item, amount)"
        + " select '*', yyyymm, metric, item, sum(amount) from kpi_month where yyyymm <> 0 and tenant_id <> '*'"
        + " group by yyyymm, metric, item");
    return seconds;
  }

  private void time(Map<String, Double> seconds, String name, String sql) {
    long start = System.nanoTime();
    jdbc.execute(sql);
    seconds.put(name, (System.nanoTime() - start) / 1e9);
  }
}
