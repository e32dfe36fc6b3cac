package dk.enplan.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * The attacks the security tests performed, printed as one table when a test JVM's tests end (and written to
 * {@code target/attacks.txt}). Each test JVM of the build (Surefire's fast layers, Failsafe's integration layer)
 * also keeps its rows in {@code target/attacks/<pid>.tsv}; the table joins the rows of every JVM of this build
 * ({@link ThisBuild}), so the one printed at the end of {@code mvn verify} covers both layers. "When a JVM's tests
 * end" is the end of its launcher session, not of a test plan: a Surefire or Failsafe JVM that takes its classes one
 * at a time ({@code forkCount} 2) runs one test plan per class. A test records an attack after asserting it: what was
 * tried, by whom, whether it was refused (the status) and whether anything was written (instances, variables,
 * files, the other municipality's data).
 * Registered as a JUnit Platform launcher session listener in {@code META-INF/services}.
 */
public class AttackReport implements LauncherSessionListener {

  /** One attack: the item, what was tried, as whom, the answer, and whether anything changed. */
  public record Attack(String item, String attack, String user, int status, boolean refused, boolean nothingWritten) {
  }

  private static final List<Attack> ATTACKS = new ArrayList<>();

  /**
   * Records an attack the calling test has just checked: {@code refused} and {@code nothingWritten} are what the
   * test asserted (a test records only after its assertions passed).
   */
  public static synchronized void record(String item, String attack, String user, int status, boolean refused,
                                         boolean nothingWritten) {
    ATTACKS.add(new Attack(item, attack, user, status, refused, nothingWritten));
  }

  static synchronized List<Attack> attacks() {
    return List.copyOf(ATTACKS);
  }

  private static final Path ROWS = Path.of("target", "attacks");

  @Override
  public void launcherSessionClosed(LauncherSession session) {
    List<Attack> own = attacks();
    List<Attack> attacks = new ArrayList<>();
    Path mine = ROWS.resolve(ProcessHandle.current().pid() + ".tsv");
    try {
      if (!own.isEmpty()) {
        Files.createDirectories(ROWS);
        Files.write(mine, own.stream().map(AttackReport::row).toList());
      }
      // A JVM without attacks of its own (the last of Failsafe's) still prints the table of the JVMs before it.
      if (!Files.isDirectory(ROWS)) {
        return;
      }
      try (Stream<Path> files = Files.list(ROWS)) {
        for (Path file : files.filter(f -> f.toString().endsWith(".tsv")).sorted().toList()) {
          if (!file.equals(mine) && ThisBuild.wrote(Files.getLastModifiedTime(file).toMillis())) {
            Files.readAllLines(file).stream().filter(line -> !line.isBlank()).map(AttackReport::parse)
                .forEach(attacks::add);
          }
        }
      }
    } catch (IOException e) {
      System.out.println("attacks of other test layers not read: " + e.getMessage());
    }
    attacks.addAll(own);
    if (attacks.isEmpty()) {
      return;
    }
    String table = table(attacks);
    System.out.println(table);
    try {
      Files.createDirectories(Path.of("target"));
      Files.writeString(Path.of("target", "attacks.txt"), table);
    } catch (IOException e) {
      System.out.println("attacks.txt not written: " + e.getMessage());
    }
  }

  private static String row(Attack a) {
    return String.join("\t", clean(a.item()), clean(a.attack()), clean(a.user()), String.valueOf(a.status()),
        String.valueOf(a.refused()), String.valueOf(a.nothingWritten()));
  }

  private static String clean(String text) {
    return text.replaceAll("[\\t\\r\\n]", " ");
  }

  private static Attack parse(String row) {
    String[] f = row.split("\t", -1);
    return new Attack(f[0], f[1], f[2], Integer.parseInt(f[3]), Boolean.parseBoolean(f[4]),
        Boolean.parseBoolean(f[5]));
  }

  static String table(List<Attack> attacks) {
    StringBuilder out = new StringBuilder("\nATTACKS: tried ").append(attacks.size())
        .append(", refused ").append(attacks.stream().filter(Attack::refused).count())
        .append(", nothing written ").append(attacks.stream().filter(Attack::nothingWritten).count()).append('\n');
    out.append(String.format("%-6s %-6s %-9s %-9s %-30s %s%n", "item", "status", "refused", "written", "as",
        "attack"));
    for (Attack a : attacks) {
      out.append(String.format("%-6s %-6d %-9s %-9s %-30s %s%n", a.item(), a.status(), a.refused() ? "yes" : "NO",
          a.nothingWritten() ? "nothing" : "CHANGED", a.user(), a.attack()));
    }
    return out.toString();
  }
}
