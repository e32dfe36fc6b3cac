-- One home for each fact (issue 13). The sectors chosen at visitation and the referral's problem areas become rows,
-- in the order given (sequence from 0, as the entity's order column counts), instead of comma-joined columns;
-- existing courses keep their sectors, problem areas and order. A course records who closed it: the user who
-- completed the closure, never the coordinator variable.
-- Portable SQL: the same statements run on H2 and PostgreSQL.
create table course_sector (
  course_id varchar(36) not null references course (id),
  sequence  integer     not null,
  sector    varchar(64) not null,
  constraint course_sector_pk primary key (course_id, sequence)
);

insert into course_sector (course_id, sequence, sector)
with recursive split (course_id, n, sector, rest) as (
  select id, 0, cast(null as varchar(1000)), cast(chosen_sectors || ',' as varchar(1001))
  from course where chosen_sectors is not null and chosen_sectors <> ''
  union all
  select course_id, n + 1,
         cast(substring(rest from 1 for position(',' in rest) - 1) as varchar(1000)),
         cast(substring(rest from position(',' in rest) + 1) as varchar(1001))
  from split where rest <> ''
)
select course_id, n - 1, sector from split where n > 0;

create table course_problem_area (
  course_id    varchar(36) not null references course (id),
  sequence     integer     not null,
  problem_area varchar(64) not null,
  constraint course_problem_area_pk primary key (course_id, sequence)
);

insert into course_problem_area (course_id, sequence, problem_area)
with recursive split (course_id, n, problem_area, rest) as (
  select id, 0, cast(null as varchar(1000)), cast(problem_areas || ',' as varchar(1001))
  from course where problem_areas is not null and problem_areas <> ''
  union all
  select course_id, n + 1,
         cast(substring(rest from 1 for position(',' in rest) - 1) as varchar(1000)),
         cast(substring(rest from position(',' in rest) + 1) as varchar(1001))
  from split where rest <> ''
)
select course_id, n - 1, problem_area from split where n > 0;

alter table course drop column chosen_sectors;
alter table course drop column problem_areas;
alter table course add column closed_by varchar(64);
