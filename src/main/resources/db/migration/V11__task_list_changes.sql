-- One row per municipality (tenant_id '' for what belongs to no municipality or to all of them): its version goes up
-- in every transaction that changes a task, a candidate link, a grant, a variable, an execution or a definition of
-- that municipality, at commit. A node keeps a task count for as long as the versions it was counted under are the
-- versions (dk.enplan.tasklist, docs/benchmarks.md).
create table task_list_version (
  tenant_id varchar(64) not null primary key,
  version bigint not null
);
