package dk.enplan.privacy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.Map;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.stereotype.Component;

/**
 * Flyway migration 2.1, right after {@code V2__cpr_protection.sql}: encrypts the CPR numbers that databases created
 * before encryption hold in plain text ({@code course.cpr}, ten digits) and fills {@code cpr_hash}. A new database
 * has nothing to do. A Spring bean (Spring Boot hands such beans to Flyway) because it needs the key.
 */
@Component
class EncryptStoredCprMigration implements JavaMigration {

  private final CprProtection protection;

  EncryptStoredCprMigration(CprProtection protection) {
    this.protection = protection;
  }

  @Override
  public MigrationVersion getVersion() {
    return MigrationVersion.fromVersion("2.1");
  }

  @Override
  public String getDescription() {
    return "encrypt stored cpr";
  }

  @Override
  public Integer getChecksum() {
    return null;
  }

  @Override
  public boolean canExecuteInTransaction() {
    return true;
  }

  @Override
  public void migrate(Context context) throws Exception {
    migrate(context.getConnection());
  }

  /** Encrypts every plain-text {@code course.cpr}; returns how many rows it changed. */
  int migrate(Connection connection) throws Exception {
    Map<String, String> plain = new LinkedHashMap<>();
    try (PreparedStatement select = connection.prepareStatement(
        // Ten digits never contain ':'; every encrypted format (v1:…, v2:<key id>:…) does.
        "select id, cpr from course where cpr not like '%:%'");
         ResultSet rows = select.executeQuery()) {
      while (rows.next()) {
        String id = rows.getString(1);
        String cpr = rows.getString(2);
        if (cpr == null || !cpr.matches("\\d{10}")) {
          throw new IllegalStateException("course " + id + ": cpr is neither ten digits nor encrypted");
        }
        plain.put(id, cpr);
      }
    }
    try (PreparedStatement update = connection.prepareStatement(
        "update course set cpr = ?, cpr_hash = ? where id = ?")) {
      for (Map.Entry<String, String> row : plain.entrySet()) {
        update.setString(1, protection.encrypt(row.getValue()));
        update.setString(2, protection.lookupHash(row.getValue()));
        update.setString(3, row.getKey());
        update.addBatch();
      }
      if (!plain.isEmpty()) {
        update.executeBatch();
      }
    }
    return plain.size();
  }
}
