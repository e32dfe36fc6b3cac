package dk.enplan.bench;

import ch.qos.logback.classic.spi.ILoggingEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where the time of an HTTP request goes: every MyBatis statement the engine (and the application's own mappings)
 * sends while the action runs, on whatever thread, read from MyBatis' statement log (logger = statement id, DEBUG:
 * "==> Parameters: …" when the statement is sent, "<==      Total: n" when its rows are read). The time between the
 * two is the statement's execution and fetch as the application sees it (network, PostgreSQL, JDBC). For the
 * benchmarks' breakdown only: logging itself costs a little, so the figures are not the headline ones.
 */
final class RequestStatements {

  /** The loggers under which MyBatis logs every statement of the engine and of the application's mappings. */
  private static final List<String> NAMESPACES = List.of("org.camunda.bpm.engine.impl.persistence",
      "org.camunda.bpm.engine.impl.cmmn.entity", "org.camunda.bpm.engine.impl.history", "dk.enplan.security");

  /** Per statement id: how many ran, and their time in total (ns). */
  record Tally(Map<String, long[]> byStatement, long statementNanos, int statements) {
  }

  private RequestStatements() {
  }

  static Tally capture(Runnable action) {
    List<ILoggingEvent> log = MyBatisStatementLog.during(NAMESPACES, action);
    Map<String, long[]> byStatement = new TreeMap<>();
    Map<String, Instant> sent = new HashMap<>();
    long total = 0;
    int count = 0;
    for (ILoggingEvent event : log) {
      String message = event.getFormattedMessage();
      String key = event.getThreadName() + "|" + event.getLoggerName();
      if (message.startsWith("==> Parameters:")) {
        sent.put(key, event.getInstant());
      } else if (message.startsWith("<==      Total:") || message.startsWith("<==    Updates:")) {
        Instant start = sent.remove(key);
        if (start == null) {
          continue;
        }
        long nanos = Duration.between(start, event.getInstant()).toNanos();
        String id = event.getLoggerName();
        long[] tally = byStatement.computeIfAbsent(id.substring(id.lastIndexOf('.', id.lastIndexOf('.') - 1) + 1),
            k -> new long[2]);
        tally[0]++;
        tally[1] += nanos;
        total += nanos;
        count++;
      }
    }
    return new Tally(byStatement, total, count);
  }
}
