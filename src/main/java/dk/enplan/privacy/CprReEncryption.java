package dk.enplan.privacy;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves every stored CPR number to the current key after a rotation (docs/privacy.md): reads {@code course.cpr} in
 * batches in the order of the course id, decrypts each value under whichever key wrote it and encrypts it anew under
 * the current key. Idempotent (a value already under the current key is left alone) and resumable (each batch is its
 * own transaction; run it again after an interruption and it finishes the rest). The lookup hash does not depend on
 * the encryption key and is left as it is; a row without one gets it. Each update names the value it read, so a
 * course changed meanwhile is skipped and counted, never overwritten. Camunda holds no CPR number to re-encrypt: the
 * process carries only the masked number (design.md §7, NoFullCprInCamundaTest).
 */
@Component
public class CprReEncryption {

  private static final Logger LOG = LoggerFactory.getLogger(CprReEncryption.class);

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transactions;
  private final CprProtection protection;

  public CprReEncryption(JdbcTemplate jdbc, TransactionTemplate transactions, CprProtection protection) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.protection = protection;
  }

  /** What a run did: rows read, re-encrypted, changed by someone else meanwhile (left for the next run). */
  public record Result(int read, int reEncrypted, int skippedChanged) {
  }

  /** Re-encrypts everything not under the current key, {@code batchSize} rows per transaction. */
  public Result run(int batchSize) {
    return run(batchSize, Integer.MAX_VALUE);
  }

  /** As {@link #run(int)}, but stops after {@code maxBatches} batches (an interrupted run, for the tests). */
  Result run(int batchSize, int maxBatches) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size must be at least 1");
    }
    String after = "";
    int read = 0;
    int reEncrypted = 0;
    int skipped = 0;
    for (int batch = 0; batch < maxBatches; batch++) {
      String from = after;
      List<Row> rows = jdbc.query(con -> {
        var statement = con.prepareStatement("select id, cpr, cpr_hash from course where id > ? order by id");
        statement.setString(1, from);
        statement.setMaxRows(batchSize);
        return statement;
      }, (rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3)));
      if (rows.isEmpty()) {
        break;
      }
      int[] counts = transactions.execute(status -> {
        int changed = 0;
        int lost = 0;
        for (Row row : rows) {
          if (protection.isCurrent(row.cpr()) && row.hash() != null) {
            continue;
          }
          String digits = protection.decrypt(row.cpr());
          String stored = protection.isCurrent(row.cpr()) ? row.cpr() : protection.encrypt(digits);
          int updated = jdbc.update("update course set cpr = ?, cpr_hash = ? where id = ? and cpr = ?", stored,
              protection.lookupHash(digits), row.id(), row.cpr());
          if (updated == 1) {
            changed++;
          } else {
            lost++;
          }
        }
        return new int[] {changed, lost};
      });
      read += rows.size();
      reEncrypted += counts[0];
      skipped += counts[1];
      after = rows.get(rows.size() - 1).id();
      LOG.info("CPR re-encryption: {} read, {} re-encrypted so far (up to course {})", read, reEncrypted, after);
    }
    return new Result(read, reEncrypted, skipped);
  }

  private record Row(String id, String cpr, String hash) {
  }
}
