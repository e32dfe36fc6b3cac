-- Tasklist's count of a filter by candidate group (TaskCountQueryPlugin) asks the identity links for the caller's
-- tenants too (the engine gives each link its task's tenant): with the tenant in this index the count reads the
-- group's links of one municipality (2,779 at 100,000 waiting courses) instead of the whole network's (25,003), and
-- takes the task id from the index. Replaces V6's index, whose columns it begins with (docs/benchmarks.md).
create index if not exists enplan_idx_ident_lnk_group_tenant on act_ru_identitylink (group_id_, type_, tenant_id_,
  task_id_);
drop index if exists enplan_idx_ident_lnk_group_task;
