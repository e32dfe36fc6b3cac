package dk.enplan.postgres;

import dk.enplan.testing.TestIdentity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Test-only: a node that {@link AcknowledgedWorkSurvivesKillIT} starts in a child JVM (and only that node sets
 * {@code enplan.test.child-users}) creates the {@link TestIdentity} users on its own database at start and logs
 * {@link #READY}; it halts when the test JVM ({@code enplan.test.parent-pid}) has ended, so it never outlives a killed
 * test run.
 */
@Configuration
@ConditionalOnProperty("enplan.test.child-users")
class TestUsersInChildNode {

  static final String READY = "test users ready";

  private static final Logger LOG = LoggerFactory.getLogger(TestUsersInChildNode.class);

  @Bean
  ApplicationRunner childTestUsers(TestIdentity identity, @Value("${enplan.test.parent-pid:}") String parentPid) {
    return arguments -> {
      if (!parentPid.isBlank()) {
        ProcessHandle.of(Long.parseLong(parentPid)).ifPresentOrElse(
            parent -> parent.onExit().thenRun(() -> Runtime.getRuntime().halt(1)),
            () -> Runtime.getRuntime().halt(1));
      }
      identity.ensure();
      LOG.info(READY);
    };
  }
}
