-- Tasklist's filters sort by due date, then creation time, and show the first page. The engine's task query is
-- SELECT DISTINCT over the task, its identity links and the authorization check. With this index PostgreSQL 16+
-- walks the tasks in due-date order, checks each one's candidate group, tenant and authorization, and stops once
-- the page is full (incremental sort under DISTINCT, new in PostgreSQL 16): about 130 tasks read for a page instead
-- of every task of the municipality (first page p95 ~90 ms -> ~17 ms at 100,000 tasks, docs/benchmarks.md).
-- PostgreSQL 14 and 15 do not use it for this query.
create index if not exists enplan_idx_task_due_create on act_ru_task (due_date_, create_time_);
