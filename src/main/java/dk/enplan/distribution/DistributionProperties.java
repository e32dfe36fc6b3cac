package dk.enplan.distribution;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The specialist systems per municipality × sector ({@code enplan.distribution.systems}) and how deliveries are
 * retried. A sector without a system here gets its records kept locally in the plan store.
 */
@ConfigurationProperties("enplan.distribution")
public record DistributionProperties(List<SpecialistSystem> systems, Integer retries, Duration firstRetryDelay,
                                     Integer backoffFactor, Duration lockDuration, Duration requestTimeout) {

  public DistributionProperties {
    systems = systems == null ? List.of() : List.copyOf(systems);
    retries = retries == null ? 5 : retries;
    firstRetryDelay = firstRetryDelay == null ? Duration.ofMinutes(1) : firstRetryDelay;
    backoffFactor = backoffFactor == null ? 5 : backoffFactor;
    lockDuration = lockDuration == null ? Duration.ofMinutes(2) : lockDuration;
    requestTimeout = requestTimeout == null ? Duration.ofSeconds(20) : requestTimeout;
  }

  /** The wait before retry number {@code attempt} (1-based): first delay × factor^(attempt − 1). */
  public Duration retryDelay(int attempt) {
    return firstRetryDelay.multipliedBy((long) Math.pow(backoffFactor, Math.max(0, attempt - 1)));
  }

  /** One municipality's specialist system for one sector. */
  public record SpecialistSystem(String municipality, String sector, DeliveryMode mode, String url, String username,
                                 String password) {

    public SpecialistSystem {
      mode = mode == null ? DeliveryMode.REFERENCE : mode;
    }

    /** The external-task topic of this integration. */
    public String topic() {
      return topicFor(sector);
    }

    public static String topicFor(String sector) {
      return "fagsystem-" + sector;
    }
  }
}
