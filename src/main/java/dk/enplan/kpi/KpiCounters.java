package dk.enplan.kpi;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Where {@link KpiLedger} adds to the counters: into {@code kpi_month} at commit, or in memory during a rebuild. */
interface KpiCounters {

  void add(String tenant, int month, String metric, String item, long amount);

  /** One counter of {@code kpi_month}. */
  record Key(String tenant, int month, String metric, String item) {
    static final Comparator<Key> ORDER = Comparator.comparing(Key::tenant).thenComparingInt(Key::month)
        .thenComparing(Key::metric).thenComparing(Key::item);
  }

  /**
   * Every month's counter of a municipality is also added under the network's tenant {@code '*'}, so the network's
   * page reads one row per counter and month instead of summing every municipality's (docs/kpi.md). The counters of
   * now (month 0) are not: the network sums the municipalities' active courses, and keeps its own citizens.
   */
  static KpiCounters withNetworkTotals(KpiCounters counters) {
    return (tenant, month, metric, item, amount) -> {
      counters.add(tenant, month, metric, item, amount);
      if (month != KpiMonth.NOW && !KpiMetric.NETWORK.equals(tenant)) {
        counters.add(KpiMetric.NETWORK, month, metric, item, amount);
      }
    };
  }

  /**
   * Sums the additions of the caller's transaction and upserts them just before it commits, in one fixed order: the
   * network's counters are shared by every municipality, so two transactions touching the same counters lock them in
   * the same order (no deadlock) and only for the end of the transaction. Without a transaction, at once.
   */
  static KpiCounters direct(JdbcTemplate jdbc, KpiDatabase database) {
    Object resource = new Object();
    return (tenant, month, metric, item, amount) -> {
      if (amount == 0) {
        return;
      }
      if (!TransactionSynchronizationManager.isSynchronizationActive()) {
        jdbc.update(database.addToCounter(), tenant, month, metric, item, amount);
        return;
      }
      @SuppressWarnings("unchecked")
      Map<Key, Long> pending = (Map<Key, Long>) TransactionSynchronizationManager.getResource(resource);
      if (pending == null) {
        Map<Key, Long> sums = new TreeMap<>(Key.ORDER);
        TransactionSynchronizationManager.bindResource(resource, sums);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
          @Override
          public void beforeCommit(boolean readOnly) {
            sums.forEach((key, sum) -> {
              if (sum != 0) {
                jdbc.update(database.addToCounter(), key.tenant(), key.month(), key.metric(), key.item(), sum);
              }
            });
            sums.clear();
          }

          @Override
          public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(resource);
          }
        });
        pending = sums;
      }
      pending.merge(new Key(tenant, month, metric, item), amount, Long::sum);
    };
  }

  /** Sums in memory; {@link #flush} writes them in batches (a rebuild of many courses). */
  final class InMemory implements KpiCounters {

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
