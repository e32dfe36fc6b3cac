package dk.enplan.kpi;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/** Where {@link KpiLedger} adds to the counters: straight into {@code kpi_month}, or in memory during a rebuild. */
interface KpiCounters {

  void add(String tenant, int month, String metric, String item, long amount);

  /** Each addition is one upsert in the caller's transaction. */
  static KpiCounters direct(JdbcTemplate jdbc, KpiDatabase database) {
    return (tenant, month, metric, item, amount) -> {
      if (amount != 0) {
        jdbc.update(database.addToCounter(), tenant, month, metric, item, amount);
      }
    };
  }

  /** Sums in memory; {@link #flush} writes them in batches (a rebuild of many courses). */
  final class InMemory implements KpiCounters {

    private record Key(String tenant, int month, String metric, String item) {
    }

    private final Map<Key, Long> sums = new HashMap<>();

    @Override
    public void add(String tenant, int month, String metric, String item, long amount) {
      sums.merge(new Key(tenant, month, metric, item), amount, Long::sum);
    }

    void flush(JdbcTemplate jdbc) {
      List<Object[]> rows = sums.entrySet().stream().filter(e -> e.getValue() != 0)
          .map(e -> new Object[] {e.getKey().tenant(), e.getKey().month(), e.getKey().metric(), e.getKey().item(),
              e.getValue()}).toList();
      jdbc.batchUpdate("insert into kpi_month (tenant_id, yyyymm, metric, item, amount) values (?, ?, ?, ?, ?)", rows);
      sums.clear();
    }
  }
}
