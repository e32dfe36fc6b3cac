package dk.enplan.bench;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Copies the engine's runtime rows of one real course (its process instance, called processes, tasks, identity
 * links, the engine's task authorizations, variables with their byte arrays, event subscriptions, jobs) many times
 * with PostgreSQL's COPY: every id of the template gets a suffix, chosen values (tenant, candidate group, assignee)
 * another value, and each task its own due date and creation time. What Tasklist's queries read is then exactly
 * what the engine wrote for a waiting course, at the speed of COPY instead of that of driving courses.
 */
final class EngineRowCloner {

  /** The tables in the order their foreign keys allow, each with how to find the template's rows. */
  private static final Map<String, String> TABLES = new LinkedHashMap<>();

  static {
    String executions = "select id_ from act_ru_execution where root_proc_inst_id_ = :root";
    TABLES.put("act_ge_bytearray", "select * from act_ge_bytearray where id_ in (select bytearray_id_ from "
        + "act_ru_variable where execution_id_ in (" + executions + "))");
    TABLES.put("act_ru_execution", "select * from act_ru_execution where root_proc_inst_id_ = :root");
    TABLES.put("act_ru_task", "select * from act_ru_task where execution_id_ in (" + executions + ")");
    TABLES.put("act_ru_identitylink", "select * from act_ru_identitylink where task_id_ in (select id_ from "
        + "act_ru_task where execution_id_ in (" + executions + "))");
    TABLES.put("act_ru_variable", "select * from act_ru_variable where execution_id_ in (" + executions + ")");
    TABLES.put("act_ru_event_subscr", "select * from act_ru_event_subscr where execution_id_ in (" + executions
        + ")");
    TABLES.put("act_ru_job", "select * from act_ru_job where root_proc_inst_id_ = :root");
    TABLES.put("act_ru_authorization", "select * from act_ru_authorization where resource_id_ in (select id_ from "
        + "act_ru_task where execution_id_ in (" + executions + ")) or resource_id_ in (" + executions + ")");
  }

  /** One table's rows of a template: column names and values as text (PostgreSQL's text form, null for NULL). */
  record Rows(List<String> columns, List<String[]> values) {
  }

  /** A course's rows, and the values that name it: every id, and its business key. */
  record Template(Map<String, Rows> tables, Set<String> ids) {
    int rows() {
      return tables.values().stream().mapToInt(rows -> rows.values().size()).sum();
    }
  }

  /** What one copy changes: its id suffix, values to replace, and a task's due date and creation time. */
  record Copy(String suffix, Map<String, String> replace, String due, String created) {
  }

  private final JdbcTemplate jdbc;

  EngineRowCloner(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  Template template(String rootProcessInstanceId) {
    Map<String, Rows> tables = new LinkedHashMap<>();
    Set<String> ids = new HashSet<>();
    TABLES.forEach((table, query) -> {
      Rows rows = jdbc.query(query.replace(":root", "'" + rootProcessInstanceId + "'"), rs -> {
        ResultSetMetaData meta = rs.getMetaData();
        List<String> columns = new ArrayList<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
          columns.add(meta.getColumnName(i));
        }
        List<String[]> values = new ArrayList<>();
        while (rs.next()) {
          values.add(row(rs, columns.size()));
        }
        return new Rows(columns, values);
      });
      int id = rows.columns().indexOf("id_");
      rows.values().forEach(row -> ids.add(row[id]));
      tables.put(table, rows);
    });
    String businessKey = jdbc.queryForObject("select business_key_ from act_ru_execution where id_ = ?",
        String.class, rootProcessInstanceId);
    if (businessKey != null) {
      ids.add(businessKey);
    }
    return new Template(tables, ids);
  }

  /** Writes the copies of the templates (copy i of templates.apply(i)) with one COPY per table. */
  void copy(List<Copy> copies, Function<Integer, Template> templates) throws SQLException {
    DataSource dataSource = jdbc.getDataSource();
    try (Connection connection = dataSource.getConnection()) {
      PGConnection pg = connection.unwrap(PGConnection.class);
      // The copies' foreign keys hold by construction (each copy refers only to its own rows and to the templates'
      // definitions); checking them row by row would make the loading several times slower. Needs a superuser,
      // which the embedded PostgreSQL's user is; elsewhere the checks stay on.
      boolean unchecked = Boolean.TRUE.equals(jdbc.queryForObject("select rolsuper from pg_roles where rolname = "
          + "current_user", Boolean.class));
      if (unchecked) {
        try (var statement = connection.createStatement()) {
          statement.execute("set session_replication_role = replica");
        }
      }
      for (String table : TABLES.keySet()) {
        StringBuilder data = new StringBuilder();
        List<String> columns = null;
        for (int i = 0; i < copies.size(); i++) {
          Template template = templates.apply(i);
          Rows rows = template.tables().get(table);
          columns = rows.columns();
          for (String[] row : rows.values()) {
            append(data, table, rows.columns(), row, template.ids(), copies.get(i));
          }
        }
        if (columns != null && !data.isEmpty()) {
          pg.getCopyAPI().copyIn("copy " + table + " (" + String.join(", ", columns) + ") from stdin",
              new StringReader(data.toString()));
        }
      }
      if (unchecked) {
        try (var statement = connection.createStatement()) {
          statement.execute("set session_replication_role = origin");
        }
      }
    } catch (java.io.IOException e) {
      throw new SQLException(e);
    }
  }

  private static void append(StringBuilder data, String table, List<String> columns, String[] row, Set<String> ids,
                             Copy copy) {
    for (int c = 0; c < row.length; c++) {
      String value = row[c];
      String column = columns.get(c);
      if (table.equals("act_ru_task") && column.equals("due_date_")) {
        value = copy.due();
      } else if (table.equals("act_ru_task") && column.equals("create_time_")) {
        value = copy.created();
      } else if (value != null && ids.contains(value)) {
        value = value + copy.suffix();
      } else if (value != null && copy.replace().containsKey(value)) {
        value = copy.replace().get(value);
      }
      if (c > 0) {
        data.append('\t');
      }
      data.append(value == null ? "\\N" : escape(value));
    }
    data.append('\n');
  }

  private static String escape(String value) {
    return value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
  }

  private static String[] row(ResultSet rs, int columns) throws SQLException {
    String[] values = new String[columns];
    for (int i = 0; i < columns; i++) {
      values[i] = rs.getString(i + 1);
    }
    return values;
  }
}
