-- The network's month counters summed ahead (tenant '*', kept by the ledger beside each municipality's), so the
-- network-wide page reads one row per counter and month instead of summing every municipality's (docs/kpi.md).
insert into kpi_month (tenant_id, yyyymm, metric, item, amount)
select '*', yyyymm, metric, item, sum(amount) from kpi_month where yyyymm <> 0 and tenant_id <> '*'
group by yyyymm, metric, item;

-- The drill-down lists, 50 rows a page after the last row shown (keyset): each reads its rows in the order it
-- shows them from one of these indexes and stops after 51, however many courses the municipality has.
-- Active courses (closed_month is null while a course runs), and active courses in one phase:
create index kpi_course_open_list on kpi_course (tenant_id, closed_month, referred_at, course_id);
create index kpi_course_phase_list on kpi_course (tenant_id, phase, referred_at, course_id);
-- Courses referred in the period (contact persons):
create index kpi_course_referred_list on kpi_course (tenant_id, referred_at, course_id);
-- Citizens with more than one active plan, plan by plan in the order of the citizen's hash:
create index kpi_course_plans_list on kpi_course (tenant_id, plan_active, cpr_hash, course_id);
-- Late assessments and follow-ups in the order they were due (replaces kpi_due_late):
create index kpi_due_late_list on kpi_due (tenant_id, kind, due_at, task_id);
drop index kpi_due_late;
-- Courses with progression, in course order:
create index kpi_progression_list on kpi_progression (tenant_id, course_id, life_domain);
-- Events of one kind in the order they happened (replaces kpi_event_drill_down):
create index kpi_event_list on kpi_event (tenant_id, kind, occurred_at, id);
drop index kpi_event_drill_down;
