-- Tasklist's filters sort by due date, then creation time, and show the first page. The engine's task query is
-- SELECT DISTINCT over the task, its identity links and the authorization check. With this index PostgreSQL 16+
-- walks the tasks in due-date order, checks each one's candidate group, tenant and authorization, and stops once
-- the page is full (incremental sort under DISTINCT, new in PostgreSQL 16): about 130 tasks read for a page instead
-- of every task of the municipality (first page p50 67 -> 5.4 ms, p95 105 -> 7.5 ms at 100,000 tasks on
-- PostgreSQL 17, docs/benchmarks.md). It relies on every task having a due date (ours do: frister), as tasks
-- without one come last. PostgreSQL 14 uses this index only in a parallel plan and was twice as slow with it
-- (129 vs 62 ms), which is why the application requires PostgreSQL 16 (SupportedPostgres).
create index if not exists enplan_idx_task_due_create on act_ru_task (due_date_, create_time_);
