-- Which courses (process instances) each version of a municipality's task lists changed: written with the version,
-- in the same transaction. course '*' stands for a change that cannot be given a course (a definition, a standalone
-- task, a statement over many rows): a count made before it is counted anew in full. A node that kept a count per
-- course under an older version counts only the courses changed since (dk.enplan.tasklist, docs/benchmarks.md).
-- Rows more than 10,000 versions old are deleted by the writers.
create table task_list_change (
  tenant_id varchar(64) not null,
  version bigint not null,
  course varchar(64) not null,
  primary key (tenant_id, version, course)
);
