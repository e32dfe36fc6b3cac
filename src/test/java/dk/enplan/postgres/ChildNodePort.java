package dk.enplan.postgres;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTTP port a child JVM's node listens on, read from its log. A child node is started with
 * {@code --server.port=0} and binds a free port itself: a port the test found free and released before the child
 * bound it could be taken by anything else in between (on a build machine shared by parallel builds it was).
 */
final class ChildNodePort {

  private static final Pattern STARTED = Pattern.compile("Tomcat started on port (\\d+)");

  private ChildNodePort() {
  }

  /** The port of the log's (last) "Tomcat started on port N"; an AssertionError naming the log if none. */
  static int from(String log, Object logName) {
    Matcher matcher = STARTED.matcher(log);
    Integer port = null;
    while (matcher.find()) {
      port = Integer.parseInt(matcher.group(1));
    }
    if (port == null) {
      throw new AssertionError("no \"Tomcat started on port\" in " + logName);
    }
    return port;
  }
}
