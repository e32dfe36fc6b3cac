package dk.enplan.operations;

import io.micrometer.core.instrument.Tags;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A family of gauges read by one cheap count query, e.g. {@code enplan_tasks_open} by task and municipality. Every
 * bean of this type is published by {@link OperationsGauges}, which runs {@link #count()} once per refresh period (not
 * per scrape) on each node. A KPI gauge is added by declaring another such bean (docs/operations.md).
 */
public interface CountedGauge {

  /** The meter name in Micrometer's dotted form ({@code enplan.tasks.open}; Prometheus: {@code enplan_tasks_open}). */
  String name();

  String description();

  /** The current value of every time series, by its tags; a series missing from the answer disappears. */
  Map<Tags, Number> count();

  /** A gauge family of this name and description whose series {@code count} gives. */
  static CountedGauge of(String name, String description, Supplier<Map<Tags, Number>> count) {
    return new CountedGauge() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public String description() {
        return description;
      }

      @Override
      public Map<Tags, Number> count() {
        return count.get();
      }
    };
  }
}
