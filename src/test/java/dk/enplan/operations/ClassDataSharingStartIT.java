package dk.enplan.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A node's faster start (docs/cluster.md): {@code deploy/cds-archive.sh} extracts the packaged jar and makes a class
 * data sharing archive, and the extracted jar then starts from it. {@code -Xshare:on} makes the JVM refuse to start
 * when the archive cannot be mapped (wrong classpath or JDK, a broken archive), so the test fails exactly when a node
 * would silently start without it.
 */
class ClassDataSharingStartIT {

  private static final Path TARGET = Path.of("target");

  @Test
  void theScriptsArchiveIsUsedByTheExtractedJar() throws Exception {
    Path jar = packagedJar();
    Path dir = TARGET.resolve("cds-it");
    Process script = new ProcessBuilder("bash", "deploy/cds-archive.sh", jar.toString(), dir.toString())
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String extracted = new String(script.getInputStream().readAllBytes()).trim();
    assertThat(script.waitFor(5, TimeUnit.MINUTES)).isTrue();
    assertThat(script.exitValue()).as("deploy/cds-archive.sh, see %s/training.log", dir).isZero();
    assertThat(Path.of(extracted)).isRegularFile().hasFileName(jar.getFileName().toString());
    assertThat(Files.size(dir.resolve("app.jsa"))).isGreaterThan(10_000_000L);

    Path log = dir.resolve("start.log");
    Process start = new ProcessBuilder(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xshare:on", "-XX:SharedArchiveFile=" + dir.resolve("app.jsa"), "-Xlog:class+load=info:file="
            + dir.resolve("classes.log"), "-Dspring.context.exit=onRefresh",
        "-jar", extracted, "--server.port=0", "--spring.datasource.url=jdbc:h2:mem:cds-it;DB_CLOSE_DELAY=-1"))
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    assertThat(start.waitFor(5, TimeUnit.MINUTES)).isTrue();
    assertThat(start.exitValue()).as("the start from the archive, see %s", log).isZero();
    // Spring exits after the refresh, before "Started": the engine was built and the web server configured.
    assertThat(Files.readString(log)).contains("ENGINE-00001 Process Engine default created", "Exposing");
    // The application's own classes come from the archive, not from the jar.
    try (Stream<String> lines = Files.lines(dir.resolve("classes.log"))) {
      assertThat(lines.filter(line -> line.contains("dk.enplan.EnPlanApplication ")).findFirst())
          .hasValueSatisfying(line -> assertThat(line).contains("shared objects file"));
    }
  }

  private static Path packagedJar() throws IOException {
    try (Stream<Path> files = Files.list(TARGET)) {
      return files.filter(p -> p.getFileName().toString().matches("en-plan-.*\\.jar")).findFirst()
          .orElseThrow(() -> new IllegalStateException("no packaged jar in target/: run mvn verify"));
    }
  }
}
