package dk.enplan.operations;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.MultiGauge.Row;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Publishes every {@link CountedGauge} as a Micrometer multi-gauge and refreshes them all in the background every
 * {@code enplan.operations.metrics-refresh} (15 s by default): a Prometheus scrape only reads the last values and
 * never queries the database, however often it comes.
 */
@Component
public class OperationsGauges {

  private static final Logger LOG = LoggerFactory.getLogger(OperationsGauges.class);

  private final Map<CountedGauge, MultiGauge> gauges = new LinkedHashMap<>();

  OperationsGauges(List<CountedGauge> families, MeterRegistry registry) {
    families.forEach(family -> gauges.put(family, MultiGauge.builder(family.name())
        .description(family.description()).register(registry)));
  }

  @EventListener(ApplicationReadyEvent.class)
  void firstRefresh() {
    refresh();
  }

  /** Reads every family's counts now; a family whose query fails keeps its last values (and is logged). */
  @Scheduled(fixedDelayString = "${enplan.operations.metrics-refresh:PT15S}",
      initialDelayString = "${enplan.operations.metrics-refresh:PT15S}")
  public void refresh() {
    gauges.forEach((family, gauge) -> {
      try {
        List<Row<?>> rows = family.count().entrySet().stream()
            .<Row<?>>map(series -> Row.of(series.getKey(), series.getValue()))
            .toList();
        gauge.register(rows, true);
      } catch (RuntimeException e) {
        LOG.warn("Gauge {} could not be counted: {}", family.name(), e.getMessage());
      }
    });
  }
}
