package dk.enplan.kpi;

import java.sql.Connection;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The two statements that differ between PostgreSQL and H2: insert an event unless its key is there, and add to a
 * counter. On PostgreSQL {@code on conflict}, so two nodes recording the same event or counter at once never fail on
 * the unique key (a failed statement would roll back the engine's transaction).
 */
@Component
class KpiDatabase {

  private final JdbcTemplate jdbc;
  private volatile Boolean postgres;

  KpiDatabase(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  boolean postgres() {
    if (postgres == null) {
      postgres = jdbc.execute((ConnectionCallback<Boolean>) (Connection c) ->
          c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres"));
    }
    return postgres;
  }

  String insertEventUnlessKnown() {
    String columns = "(event_key, course_id, tenant_id, kind, item, amount, due_at, occurred_at, yyyymm)";
    return postgres()
        ? "insert into kpi_event " + columns + " values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (event_key) do nothing"
        : "merge into kpi_event e using (values (cast(? as varchar(200)), cast(? as varchar(36)),"
            + " cast(? as varchar(64)), cast(? as varchar(32)), cast(? as varchar(64)), cast(? as integer),"
            + " cast(? as timestamp(6) with time zone), cast(? as timestamp(6) with time zone), cast(? as integer)))"
            + " s(event_key, course_id, tenant_id, kind, item, amount, due_at, occurred_at, yyyymm)"
            + " on e.event_key = s.event_key when not matched then insert " + columns
            + " values (s.event_key, s.course_id, s.tenant_id, s.kind, s.item, s.amount, s.due_at, s.occurred_at,"
            + " s.yyyymm)";
  }

  /** Parameters: tenant, month, metric, item, amount. */
  String addToCounter() {
    return postgres()
        ? "insert into kpi_month (tenant_id, yyyymm, metric, item, amount) values (?, ?, ?, ?, ?)"
            + " on conflict (tenant_id, yyyymm, metric, item) do update set amount = kpi_month.amount + excluded.amount"
        : "merge into kpi_month m using (values (cast(? as varchar(64)), cast(? as integer), cast(? as varchar(40)),"
            + " cast(? as varchar(64)), cast(? as bigint))) s(tenant_id, yyyymm, metric, item, amount)"
            + " on m.tenant_id = s.tenant_id and m.yyyymm = s.yyyymm and m.metric = s.metric and m.item = s.item"
            + " when matched then update set amount = m.amount + s.amount"
            + " when not matched then insert (tenant_id, yyyymm, metric, item, amount)"
            + " values (s.tenant_id, s.yyyymm, s.metric, s.item, s.amount)";
  }
}
