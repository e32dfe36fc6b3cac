package dk.enplan.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * A database from before encryption (schema V1, CPR numbers in plain text) upgraded by Flyway: V2 widens the column
 * and adds the hash, 2.1 encrypts what is there.
 */
class EncryptStoredCprMigrationTest {

  private final CprProtection protection = new CprProtection(CprConverterTest.KEY, "");

  @Test
  void plainTextNumbersAreEncryptedAndHashedOnUpgrade() throws Exception {
    String url = "jdbc:h2:mem:cpr-migration-upgrade;DB_CLOSE_DELAY=-1";
    flyway(url, "1").migrate();
    try (Connection connection = DriverManager.getConnection(url, "sa", "");
         Statement statement = connection.createStatement()) {
      statement.executeUpdate(insert("a", "2412851237"));
      statement.executeUpdate(insert("b", "0503774821"));
    }

    assertThat(flyway(url, "latest").migrate().migrationsExecuted).isGreaterThanOrEqualTo(2);

    Map<String, String[]> rows = rows(url);
    assertThat(rows).containsOnlyKeys("a", "b");
    assertThat(rows.get("a")[0]).startsWith("v1:").doesNotContain("2412851237");
    assertThat(protection.decrypt(rows.get("a")[0])).isEqualTo("2412851237");
    assertThat(rows.get("a")[1]).isEqualTo(protection.lookupHash("2412851237"));
    assertThat(protection.decrypt(rows.get("b")[0])).isEqualTo("0503774821");
    assertThat(flyway(url, "latest").migrate().migrationsExecuted).as("nothing left to do").isZero();
  }

  @Test
  void alreadyEncryptedRowsAreLeftAloneAndAnythingElseStopsTheUpgradeWithoutEchoingIt() throws Exception {
    String url = "jdbc:h2:mem:cpr-migration-rows;DB_CLOSE_DELAY=-1";
    try (Connection connection = DriverManager.getConnection(url, "sa", "");
         Statement statement = connection.createStatement()) {
      statement.execute("create table course (id varchar(36) primary key, cpr varchar(128) not null, "
          + "cpr_hash varchar(64))");
      String encrypted = protection.encrypt("2412851237");
      statement.executeUpdate("insert into course values ('a', '" + encrypted + "', 'h')");
      statement.executeUpdate("insert into course values ('b', '0503774821', null)");
      EncryptStoredCprMigration migration = new EncryptStoredCprMigration(protection);

      assertThat(migration.migrate(connection)).isEqualTo(1);
      assertThat(migration.migrate(connection)).isZero();
      assertThat(rows(url).get("a")).containsExactly(encrypted, "h");

      statement.executeUpdate("insert into course values ('c', '05037748', null)");
      assertThatThrownBy(() -> migration.migrate(connection)).hasMessage(
          "course c: cpr is neither ten digits nor encrypted");
    }
  }

  private Flyway flyway(String url, String target) {
    return Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration")
        .javaMigrations(new EncryptStoredCprMigration(protection)).target(target).load();
  }

  private static String insert(String id, String cpr) {
    return "insert into course (id, tenant_id, citizen_name, cpr, referring_unit, referral_reason, problem_areas, "
        + "status, process_instance_id, created_at) values ('" + id + "', 'allerod', 'Test', '" + cpr
        + "', 'Jobcenter', 'Grund', 'ledighed', 'REFERRED', 'pi-" + id + "', current_timestamp)";
  }

  private static Map<String, String[]> rows(String url) throws Exception {
    Map<String, String[]> rows = new LinkedHashMap<>();
    try (Connection connection = DriverManager.getConnection(url, "sa", "");
         Statement statement = connection.createStatement();
         ResultSet result = statement.executeQuery("select id, cpr, cpr_hash from course order by id")) {
      while (result.next()) {
        rows.put(result.getString(1), new String[] {result.getString(2), result.getString(3)});
      }
    }
    return rows;
  }
}
