-- Tasklist's task query (and every query with authorization on) joins ACT_RU_AUTHORIZATION filtered by bit tests
-- such as PERMS_ & 2 = 2 (READ) or PERMS_ & 64 = 64 (READ_TASK). PostgreSQL has no statistics for such
-- expressions and guesses 0.5 % of the rows: with one authorization per task (the engine's grant to a task's
-- candidate group) it then expects ~50 rows where there are 100,000 and joins them in a nested loop over every task
-- (16 s for one count at 10,000 tasks, see docs/benchmarks.md). Statistics on the expressions (PostgreSQL 14+)
-- give it the real numbers.
create statistics if not exists enplan_auth_perms_bits
  on (perms_ & 2), (perms_ & 64), (perms_ & 512) from act_ru_authorization;
analyze act_ru_authorization;
