-- Tasklist asks for the first page of a filter sorted by due date. With these two indexes PostgreSQL walks the
-- tasks in due-date order, checks each task's candidate group in the index alone and stops after the page, instead
-- of joining every task of the municipality and sorting them all (measured: docs/benchmarks.md).
create index if not exists enplan_idx_task_due on act_ru_task (due_date_, create_time_);
create index if not exists enplan_idx_ident_lnk_group_task on act_ru_identitylink (group_id_, type_, task_id_);
