-- Tasklist's count of a filter (TaskCountQueryPlugin) joins the filter's tasks with the identity links of the
-- filter's candidate groups by hashing them: for a coordinator all 25,000 links of the group koordinator at 100,000
-- waiting courses. Camunda's index on GROUP_ID_ alone finds them but reads each from the table to check TYPE_ and
-- take TASK_ID_; this index answers that from the index alone (at 100,000 waiting courses the count's scan of the
-- links 9 -> 3 ms, the count ~136 instead of ~190 ms p50 on the loaded machine; docs/benchmarks.md). V3 created the
-- same index and V4 dropped it, when the engine's count probed the authorizations per task and this index did not
-- help it.
create index if not exists enplan_idx_ident_lnk_group_task on act_ru_identitylink (group_id_, type_, task_id_);
