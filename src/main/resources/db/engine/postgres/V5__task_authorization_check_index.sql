-- Tasklist's count of a filter (which the HAL list Tasklist asks for runs too) checks, for every task in the filter,
-- whether the caller holds a grant: the join with ACT_RU_AUTHORIZATION on RESOURCE_ID_ IN (task id, process
-- definition key, '*'), filtered by TYPE_ < 2 and READ on the task (resource type 7, bit 2) or READ_TASK on the process
-- definition (resource type 6, bit 64). With only the general indexes, each of those probes reads every global grant
-- on '*' of every resource type (about 80 rows) to throw most of them away. This index holds only the rows the
-- check can match, with the user and group it compares, so a probe reads the task's own grants and the few '*'
-- grants that give READ on tasks. At 100,000 waiting courses (PostgreSQL 17, the machine under load) the count went
-- from 243 to 125 ms p50 and Tasklist's HAL list from 249 to 168 ms (docs/benchmarks.md). The predicate is the task
-- query's check as the engine writes it, so that PostgreSQL can prove the index covers it.
create index enplan_idx_auth_task_check on act_ru_authorization (resource_id_) include (group_id_, user_id_)
  where type_ < 2 and (resource_type_ = 7 and perms_ & 2 = 2 or resource_type_ = 6 and perms_ & 64 = 64);
