package dk.enplan.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;
import static org.mockito.Mockito.when;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** The ledger's counters within a transaction: summed, written once per counter just before commit, in key order. */
class KpiCountersTest {

  private final List<List<Object>> written = new ArrayList<>();
  private final JdbcTemplate jdbc = new JdbcTemplate() {
    @Override
    public int update(String sql, Object... args) {
      written.add(List.of(args));
      return 1;
    }
  };
  private final KpiDatabase database = mock(KpiDatabase.class);

  @AfterEach
  void endSynchronization() {
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.getSynchronizations().forEach(s -> s.afterCompletion(
          TransactionSynchronization.STATUS_COMMITTED));
      TransactionSynchronizationManager.clearSynchronization();
    }
  }

  @Test
  void withinATransactionTheCountersAreSummedAndWrittenBeforeCommitInKeyOrder() {
    when(database.addToCounter()).thenReturn("add");
    TransactionSynchronizationManager.initSynchronization();
    KpiCounters counters = KpiCounters.withNetworkTotals(KpiCounters.direct(jdbc, database));

    counters.add("ballerup", 202612, "referred", "", 1);
    counters.add("allerod", 202612, "referred", "", 1);
    counters.add("ballerup", 202612, "referred", "", 2);
    counters.add("allerod", 202611, "closed", "", 1);
    counters.add("allerod", 202611, "closed", "", -1);

    assertThat(written).as("nothing is written before commit").isEmpty();
    TransactionSynchronizationManager.getSynchronizations().forEach(s -> s.beforeCommit(false));

    assertThat(written).containsExactly(
        List.of(KpiMetric.NETWORK, 202612, "referred", "", 4L),
        List.of("allerod", 202612, "referred", "", 1L),
        List.of("ballerup", 202612, "referred", "", 3L));
  }

  @Test
  void withoutATransactionEachAdditionIsWrittenAtOnce() {
    JdbcTemplate direct = mock(JdbcTemplate.class);
    when(database.addToCounter()).thenReturn("add");
    KpiCounters counters = KpiCounters.direct(direct, database);

    counters.add("allerod", 202612, "referred", "", 1);
    counters.add("allerod", 202612, "referred", "", 0);

    verify(direct).update("add", "allerod", 202612, "referred", "", 1L);
    verifyNoMoreInteractions(direct);
  }
}
