package dk.enplan.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.enplan.postgres.EmbeddedPostgresSupport;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rotating the CPR key: values under the original key (v1) and an older versioned key move to the current key, the
 * digits and the lookup hashes unchanged; a second run changes nothing; an interrupted run finishes when run again.
 * On the plan store's own schema (its Flyway migrations), on H2 and on PostgreSQL.
 */
class CprReEncryptionIT {

  private static final String ORIGINAL = key("original-key-of-the-test-0123456");
  private static final String K1 = key("versioned-key-k1-of-the-test-789");
  private static final String K2 = key("versioned-key-k2-of-the-test-abc");

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgres"})
  void movesEveryValueToTheCurrentKeyIdempotentlyAndResumably(String database) {
    DataSource dataSource = database.equals("h2")
        ? new DriverManagerDataSource("jdbc:h2:mem:cpr-reencryption;DB_CLOSE_DELAY=-1", "sa", "")
        : new DriverManagerDataSource(EmbeddedPostgresSupport.newDatabase("cprreencryption"),
            EmbeddedPostgresSupport.USER, EmbeddedPostgresSupport.PASSWORD);
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);

    CprProtection original = new CprProtection(ORIGINAL, "");
    CprProtection afterFirstRotation = new CprProtection(ORIGINAL, "k1:" + K1, "");
    CprProtection afterSecondRotation = new CprProtection(ORIGINAL, "k2:" + K2 + ",k1:" + K1, "");
    List<String> cprs = List.of("0101901234", "0202802345", "0303703456", "0404604567", "0505505678");
    for (int i = 0; i < cprs.size(); i++) {
      CprProtection writer = i < 3 ? original : afterFirstRotation;  // three under v1, two under k1
      insert(jdbc, "course-" + i, writer.encrypt(cprs.get(i)), writer.lookupHash(cprs.get(i)));
    }
    List<String> hashesBefore = jdbc.queryForList("select cpr_hash from course order by id", String.class);

    CprReEncryption reEncryption = new CprReEncryption(jdbc,
        new TransactionTemplate(new DataSourceTransactionManager(dataSource)), afterSecondRotation);
    CprReEncryption.Result interrupted = reEncryption.run(2, 1);
    assertThat(interrupted.reEncrypted()).as("one batch of two, then interrupted").isEqualTo(2);
    assertThat(stored(jdbc)).filteredOn(v -> v.startsWith("v2:k2:")).hasSize(2);

    CprReEncryption.Result rest = reEncryption.run(2);
    assertThat(rest.read()).isEqualTo(5);
    assertThat(rest.reEncrypted()).as("the rest, resumed").isEqualTo(3);
    assertThat(stored(jdbc)).allMatch(v -> v.startsWith("v2:k2:"));
    assertThat(stored(jdbc)).extracting(afterSecondRotation::decrypt).containsExactlyElementsOf(cprs);
    assertThat(jdbc.queryForList("select cpr_hash from course order by id", String.class))
        .as("the lookup hashes do not depend on the encryption key").isEqualTo(hashesBefore);

    assertThat(reEncryption.run(2)).as("again: nothing to do").isEqualTo(new CprReEncryption.Result(5, 0, 0));

    CprProtection onlyK2 = new CprProtection("", "k2:" + K2, "");
    assertThat(stored(jdbc)).extracting(onlyK2::decrypt).as("the old keys can go").containsExactlyElementsOf(cprs);
  }

  @Test
  void theCurrentKeyIsTheFirstListedAndEveryListedKeyDecryptsItsOwnValues() {
    CprProtection rotated = new CprProtection(ORIGINAL, "k2:" + K2 + ",k1:" + K1, "");
    String v1 = new CprProtection(ORIGINAL, "").encrypt("0101901234");
    String k1 = new CprProtection("", "k1:" + K1, "").encrypt("0101901234");

    assertThat(rotated.encrypt("0101901234")).startsWith("v2:k2:");
    assertThat(rotated.decrypt(v1)).isEqualTo("0101901234");
    assertThat(rotated.decrypt(k1)).isEqualTo("0101901234");
    assertThat(rotated.isCurrent(k1)).isFalse();
    assertThat(rotated.lookupHash("0101901234")).as("the lookup key stays derived from the first key there was")
        .isEqualTo(new CprProtection(ORIGINAL, "").lookupHash("0101901234"));

    String relabelled = "v2:k2:" + k1.substring("v2:k1:".length());
    assertThatThrownBy(() -> rotated.decrypt(relabelled)).as("a value cannot pass for another key's")
        .hasMessageContaining("wrong key, or the value was changed");
    assertThatThrownBy(() -> new CprProtection("", "k2:" + K2, "").decrypt(v1))
        .hasMessageContaining("original key").hasMessageContaining("ENPLAN_CPR_KEY");
    assertThatThrownBy(() -> new CprProtection("", "k2:" + K2, "").decrypt(k1))
        .hasMessageContaining("'k1'").hasMessageContaining("ENPLAN_CPR_KEYS").hasMessageNotContaining(K1);
    assertThatThrownBy(() -> new CprProtection("", "K 2:" + K2, "")).hasMessageContaining("'id:base64' pairs")
        .hasMessageNotContaining(K2);
    assertThatThrownBy(() -> new CprProtection("", "k2:" + K2 + ",k2:" + K1, "")).hasMessageContaining("twice");
    assertThatThrownBy(() -> new CprProtection("", "k2:c2hvcnQ=", "")).hasMessageContaining("must be 32 bytes");
  }

  private static List<String> stored(JdbcTemplate jdbc) {
    return jdbc.queryForList("select cpr from course order by id", String.class);
  }

  private static void insert(JdbcTemplate jdbc, String id, String cpr, String hash) {
    jdbc.update("insert into course (id, tenant_id, citizen_name, cpr, cpr_hash, referring_unit, referral_reason, "
        + "status, process_instance_id, created_at) values (?, 'allerod', 'Test Borger', ?, ?, 'Jobcenter', 'Test', "
        + "'ACTIVE', ?, ?)", id, cpr, hash, "pi-" + id, OffsetDateTime.now());
    jdbc.update("insert into course_problem_area (course_id, sequence, problem_area) values (?, 0, 'ledighed')", id);
  }

  private static String key(String thirtyTwoCharacters) {
    return Base64.getEncoder().encodeToString(thirtyTwoCharacters.getBytes());
  }
}
