package dk.enplan.bench;

import ch.qos.logback.classic.spi.ILoggingEvent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SQL the engine sends for given MyBatis statements, parameters filled in, read from MyBatis' statement log
 * (logger = statement id, DEBUG: "==>  Preparing: …" then "==> Parameters: a(String), 15(Integer), …").
 * For EXPLAIN in the benchmarks only: literals are written naively (no escaping beyond doubled quotes).
 */
final class StatementCapture {

  private static final Pattern PARAMETER = Pattern.compile("(.*?)\\((\\w+)\\)");

  private StatementCapture() {
  }

  /** Runs the action with the statements' log on and returns, per statement id, the last SQL it sent. */
  static Map<String, String> capture(List<String> statementIds, Runnable action) {
    Map<String, String> sql = new LinkedHashMap<>();
    for (String id : statementIds) {
      String prepared = null;
      for (ILoggingEvent event : MyBatisStatementLog.during(List.of(id), action)) {
        String message = event.getFormattedMessage();
        if (message.startsWith("==>  Preparing:")) {
          prepared = message.substring("==>  Preparing:".length()).trim();
        } else if (message.startsWith("==> Parameters:") && prepared != null) {
          sql.put(id, fill(prepared, message.substring("==> Parameters:".length()).trim()));
        }
      }
      if (!sql.containsKey(id)) {
        throw new IllegalStateException("no SQL logged for " + id);
      }
    }
    return sql;
  }

  private static String fill(String prepared, String parameters) {
    StringBuilder out = new StringBuilder();
    String[] values = parameters.isEmpty() ? new String[0] : parameters.split(", ");
    int next = 0;
    for (char c : prepared.toCharArray()) {
      if (c != '?') {
        out.append(c);
        continue;
      }
      Matcher m = PARAMETER.matcher(values[next++]);
      if (!m.matches()) {
        throw new IllegalStateException("cannot read parameter " + values[next - 1]);
      }
      String type = m.group(2);
      boolean number = type.equals("Integer") || type.equals("Long") || type.equals("Boolean");
      out.append(number ? m.group(1) : "'" + m.group(1).replace("'", "''") + "'");
    }
    return out.toString();
  }
}
