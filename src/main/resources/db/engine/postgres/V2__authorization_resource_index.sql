-- The task query's authorization check probes ACT_RU_AUTHORIZATION once per task for the task's id, its process
-- definition key and '*'. Camunda's index on RESOURCE_ID_ alone finds, for '*', every global grant of every group
-- and resource type (dozens of rows) and reads each from the table to test type, group and permission bits.
-- This index holds those columns, so the check is answered from the index (measured: docs/benchmarks.md).
create index if not exists enplan_idx_auth_resource
  on act_ru_authorization (resource_id_, resource_type_, type_, perms_, group_id_, user_id_);
