package dk.enplan.bench;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * MyBatis' statement log (logger = statement id or its namespace, DEBUG: "==>  Preparing: …", "==> Parameters: …",
 * "<==      Total: n"), switched on for the loggers while an action runs and restored after it; for the benchmarks'
 * EXPLAIN ({@link StatementCapture}) and breakdowns ({@link RequestStatements}) only.
 */
final class MyBatisStatementLog {

  private MyBatisStatementLog() {
  }

  /** Runs the action with the loggers at DEBUG, only into this log, and returns what they logged, in order. */
  static List<ILoggingEvent> during(List<String> loggerNames, Runnable action) {
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    List<Logger> loggers = loggerNames.stream().map(name -> (Logger) LoggerFactory.getLogger(name)).toList();
    List<Level> levels = new ArrayList<>();
    List<Boolean> additive = new ArrayList<>();
    for (Logger logger : loggers) {
      levels.add(logger.getLevel());
      additive.add(logger.isAdditive());
      logger.addAppender(appender);
      logger.setAdditive(false);
      logger.setLevel(Level.DEBUG);
    }
    try {
      action.run();
    } finally {
      for (int i = 0; i < loggers.size(); i++) {
        loggers.get(i).setLevel(levels.get(i));
        loggers.get(i).setAdditive(additive.get(i));
        loggers.get(i).detachAppender(appender);
      }
    }
    return List.copyOf(appender.list);
  }
}
