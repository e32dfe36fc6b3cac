package dk.enplan.testing;

import java.lang.management.ManagementFactory;
import java.time.Instant;

/**
 * When this build started: Maven passes it to both test layers ({@code enplan.build.started}, see pom.xml), so that
 * what a layer leaves in {@code target/} (process-test coverage, attacks) counts for the build that wrote it and a
 * file of an earlier build does not. Run from an IDE, without the property: the test JVM's start.
 */
public final class ThisBuild {

  private ThisBuild() {
  }

  public static Instant started() {
    String started = System.getProperty("enplan.build.started", "");
    if (!started.isBlank() && !started.startsWith("$")) {
      return Instant.parse(started);
    }
    return Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());
  }

  /** Whether a file last modified at {@code lastModified} (epoch milliseconds) was written by this build. */
  public static boolean wrote(long lastModified) {
    return lastModified >= started().toEpochMilli();
  }
}
