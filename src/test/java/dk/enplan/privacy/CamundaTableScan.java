package dk.enplan.privacy;

import java.nio.charset.StandardCharsets;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import javax.sql.DataSource;

/**
 * Reads every cell of Camunda's runtime and history tables ({@code ACT_RU_*}, {@code ACT_HI_*}) and of
 * {@code ACT_GE_BYTEARRAY} as text (bytes and BLOBs decoded as UTF-8) and reports where given strings occur.
 */
public final class CamundaTableScan {

  /** Which tables to read: by default the runtime and history tables and the byte arrays. */
  public static final Predicate<String> CAMUNDA_RUNTIME_AND_HISTORY = table -> table.startsWith("ACT_RU_")
      || table.startsWith("ACT_HI_") || table.equals("ACT_GE_BYTEARRAY");

  public record Hit(String needle, String table, String column) {
    @Override
    public String toString() {
      return "'" + needle + "' in " + table + "." + column;
    }
  }

  public record Result(int tables, long rows, long cells, Map<String, Long> rowsPerTable, List<Hit> hits) {

    public List<Hit> hitsOf(String... needles) {
      List<String> wanted = List.of(needles);
      return hits.stream().filter(hit -> wanted.contains(hit.needle())).toList();
    }

    public String summary() {
      return "scanned " + tables + " tables, " + rows + " rows, " + cells + " cells";
    }
  }

  private CamundaTableScan() {
  }

  public static Result scan(DataSource dataSource, List<String> needles) throws SQLException {
    return scan(dataSource, CAMUNDA_RUNTIME_AND_HISTORY, needles);
  }

  public static Result scan(DataSource dataSource, Predicate<String> tableFilter, List<String> needles)
      throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      List<String> tables = new ArrayList<>();
      try (ResultSet found = connection.getMetaData().getTables(null, null, "%", null)) {
        while (found.next()) {
          String schema = found.getString("TABLE_SCHEM");
          String table = found.getString("TABLE_NAME").toUpperCase(Locale.ROOT);
          if (!"INFORMATION_SCHEMA".equalsIgnoreCase(schema) && tableFilter.test(table)) {
            tables.add(table);
          }
        }
      }
      long rows = 0;
      long cells = 0;
      Map<String, Long> rowsPerTable = new LinkedHashMap<>();
      List<Hit> hits = new ArrayList<>();
      for (String table : tables.stream().sorted().toList()) {
        long tableRows = 0;
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("select * from " + table)) {
          ResultSetMetaData columns = result.getMetaData();
          while (result.next()) {
            tableRows++;
            for (int i = 1; i <= columns.getColumnCount(); i++) {
              cells++;
              String text = text(result.getObject(i));
              if (text == null) {
                continue;
              }
              for (String needle : needles) {
                if (text.contains(needle)) {
                  hits.add(new Hit(needle, table, columns.getColumnName(i)));
                }
              }
            }
          }
        }
        rows += tableRows;
        rowsPerTable.put(table, tableRows);
      }
      return new Result(tables.size(), rows, cells, rowsPerTable, hits);
    }
  }

  private static String text(Object value) throws SQLException {
    if (value == null) {
      return null;
    }
    if (value instanceof byte[] bytes) {
      return new String(bytes, StandardCharsets.UTF_8);
    }
    if (value instanceof Blob blob) {
      return new String(blob.getBytes(1, (int) blob.length()), StandardCharsets.UTF_8);
    }
    if (value instanceof Clob clob) {
      return clob.getSubString(1, (int) clob.length());
    }
    return value.toString();
  }
}
