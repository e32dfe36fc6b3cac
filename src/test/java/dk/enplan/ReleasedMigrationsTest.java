package dk.enplan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Flyway refuses to start on a database whose applied migrations differ from the application's (checksum or
 * description): a released migration, plan store or engine additions, is never changed, renamed or removed; a change
 * is a new migration. {@code src/test/resources/released-migrations.sha256} holds every migration with its SHA-256
 * ({@code sha256sum} format, paths under {@code src/main/resources}); a new migration gets its line there.
 */
class ReleasedMigrationsTest {

  private static final Path RESOURCES = Path.of("src", "main", "resources");
  private static final Path RELEASED = Path.of("src", "test", "resources", "released-migrations.sha256");

  @Test
  void everyMigrationIsListedAndNoneChanged() throws IOException {
    Map<String, String> released = new TreeMap<>();
    for (String line : Files.readAllLines(RELEASED)) {
      if (!line.isBlank()) {
        String[] hashAndPath = line.trim().split("\\s+", 2);
        released.put(hashAndPath[1], hashAndPath[0]);
      }
    }
    Map<String, String> present;
    try (Stream<Path> files = Files.walk(RESOURCES.resolve("db"))) {
      present = files.filter(file -> file.toString().endsWith(".sql")).collect(Collectors.toMap(
          file -> RESOURCES.relativize(file).toString().replace('\\', '/'), ReleasedMigrationsTest::sha256,
          (a, b) -> a, TreeMap::new));
    }

    assertThat(present).as("migrations and their SHA-256: a released one is never changed or removed (add a new "
        + "migration instead); a new one gets its line in " + RELEASED).isEqualTo(released);
  }

  private static String sha256(Path file) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    } catch (IOException | NoSuchAlgorithmException e) {
      throw new IllegalStateException(file.toString(), e);
    }
  }
}
