package dk.enplan.bench;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.LoggerFactory;

/**
 * The SQL that Spring's {@code JdbcTemplate} (and {@code NamedParameterJdbcTemplate}, which hands it the expanded
 * statement) sends during an action, parameters filled in, read from its own log: "Executing prepared SQL statement
 * [...]" (DEBUG) and StatementCreatorUtils' "Setting SQL statement parameter value: column index 1, parameter value
 * [x], value class [java.lang.String] ..." (TRACE). For EXPLAIN in the benchmarks only: literals are written naively
 * (quotes doubled, nothing else escaped). Statements run on other threads (an HTTP request's) are captured too.
 */
final class JdbcStatementCapture {

  private static final String TEMPLATE = "org.springframework.jdbc.core.JdbcTemplate";
  private static final String PARAMETERS = "org.springframework.jdbc.core.StatementCreatorUtils";
  private static final Pattern PREPARED = Pattern.compile("(?s)Executing (?:prepared )?SQL (?:statement|query|update) \\[(.*)]");
  private static final Pattern PARAMETER = Pattern.compile(
      "(?s)Setting SQL statement parameter value: column index (\\d+), parameter value \\[(.*)], value class "
          + "\\[([\\w.$]+)].*");

  private JdbcStatementCapture() {
  }

  /** Runs the action with JdbcTemplate's log on and returns every statement it sent, in order. */
  static List<String> capture(Runnable action) {
    Logger template = (Logger) LoggerFactory.getLogger(TEMPLATE);
    Logger parameters = (Logger) LoggerFactory.getLogger(PARAMETERS);
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    Level templateBefore = template.getLevel();
    Level parametersBefore = parameters.getLevel();
    template.addAppender(appender);
    parameters.addAppender(appender);
    template.setLevel(Level.DEBUG);
    parameters.setLevel(Level.TRACE);
    try {
      action.run();
    } finally {
      template.setLevel(templateBefore);
      parameters.setLevel(parametersBefore);
      template.detachAppender(appender);
      parameters.detachAppender(appender);
    }
    List<String> statements = new ArrayList<>();
    String prepared = null;
    Map<Integer, String> values = new TreeMap<>();
    for (ILoggingEvent event : List.copyOf(appender.list)) {
      String message = event.getFormattedMessage();
      Matcher p = PREPARED.matcher(message);
      if (p.matches()) {
        if (prepared != null) {
          statements.add(fill(prepared, values));
        }
        prepared = p.group(1);
        values = new TreeMap<>();
        continue;
      }
      Matcher v = PARAMETER.matcher(message);
      if (v.matches() && prepared != null) {
        String type = v.group(3);
        boolean number = type.equals("java.lang.Integer") || type.equals("java.lang.Long")
            || type.equals("java.lang.Boolean") || type.equals("java.lang.Short");
        values.put(Integer.parseInt(v.group(1)), v.group(2).equals("null") && !type.equals("java.lang.String")
            ? "null" : number ? v.group(2) : "'" + v.group(2).replace("'", "''") + "'");
      }
    }
    if (prepared != null) {
      statements.add(fill(prepared, values));
    }
    return statements;
  }

  private static String fill(String prepared, Map<Integer, String> values) {
    StringBuilder out = new StringBuilder();
    int next = 1;
    boolean quoted = false;
    for (char c : prepared.toCharArray()) {
      if (c == '\'') {
        quoted = !quoted;
      }
      if (c == '?' && !quoted) {
        String value = values.get(next++);
        out.append(value == null ? "null" : value);
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
