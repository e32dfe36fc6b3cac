package dk.enplan.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.enplan.EnPlanApplication;
import dk.enplan.course.CourseStatus;
import dk.enplan.testing.AttackReport;
import dk.enplan.testing.CourseEngineTest;
import dk.enplan.testing.TestIdentity;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Nothing acknowledged is lost (docs/accounts.md, Durability): the application runs in a child JVM, once on an H2
 * file database under {@code target/} with the datasource URL of application.yaml (demo mode's), once on PostgreSQL
 * with the postgres profile. A referral and a task completion are sent over REST side by side, and the child is
 * killed with SIGKILL the instant both have been answered 2xx. The database, opened afresh, holds both: the new course
 * with its process instance at visitation, and the other course ended at visitation ("nej": not in the target group,
 * its referrer notified).
 *
 * <p>Both children start side by side (a JVM start is most of the test's time). Runs next to the cluster test,
 * after the in-JVM contexts, as it too starts engines (in other JVMs, but the class order keeps it simple).
 */
@Order(Integer.MAX_VALUE - 2)
@Tag(CourseEngineTest.AFTER_SHARED_CONTEXT)
class AcknowledgedWorkSurvivesKillIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration START_PATIENCE = Duration.ofSeconds(150);
  private static final String VISITATION = "visitation.allerod";
  private static final List<Process> CHILDREN = new ArrayList<>();

  private final HttpClient http = HttpClient.newHttpClient();

  /** A node in a child JVM, its port, its log and how to open its database after it is gone. */
  private record Child(String name, Process process, Path log, String jdbcUrl, String user, String password) {

    /** The port it bound itself ({@code --server.port=0}, {@link ChildNodePort}); known once it has started. */
    int port() {
      return ChildNodePort.from(logText(this), log);
    }
  }

  @AfterAll
  static void killChildren() throws InterruptedException {
    for (Process child : CHILDREN) {
      if (child.isAlive()) {
        child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
  }

  @Test
  void aReferralAndATaskCompletionAnswered2xxSurviveAKill9OnH2AndOnPostgres() throws Exception {
    long started = System.nanoTime();
    Path target = Path.of(System.getProperty("basedir", System.getProperty("user.dir")), "target");
    Path h2Home = target.resolve("durability-h2");
    deleteRecursively(h2Home);
    Files.createDirectories(h2Home);
    // The working directory is h2Home: application.yaml's ./data/en-plan lands there, with the URL's own options.
    Child h2 = start("h2", h2Home, List.of(), "jdbc:h2:file:" + h2Home.resolve("data/en-plan"), "sa", "");
    String postgresUrl = EmbeddedPostgresSupport.newDatabase("durability");
    Child postgres = start("postgres", target, List.of("--spring.profiles.active=postgres",
        "--ENPLAN_DB_URL=" + postgresUrl, "--ENPLAN_DB_USER=" + EmbeddedPostgresSupport.USER,
        "--ENPLAN_DB_PASSWORD=" + EmbeddedPostgresSupport.PASSWORD), postgresUrl, EmbeddedPostgresSupport.USER,
        EmbeddedPostgresSupport.PASSWORD);
    awaitReady(h2);
    awaitReady(postgres);
    long up = System.nanoTime();
    for (Child child : List.of(h2, postgres)) {
      killRightAfter2xx(child);
    }
    System.out.printf("DURABILITY: both children up after %d s, whole test %d s%n",
        (up - started) / 1_000_000_000, (System.nanoTime() - started) / 1_000_000_000);
  }

  private void killRightAfter2xx(Child child) throws Exception {
    HttpResponse<String> first = send(child, "POST", "/engine-rest/process-definition/key/en-plan/start",
        referral("0101901234"));
    assertThat(first.statusCode()).as("%s: %s", child.name(), first.body()).isEqualTo(200);
    String completedCourse = JSON.readTree(first.body()).path("businessKey").asText();
    JsonNode tasks = JSON.readTree(send(child, "GET", "/engine-rest/task?processInstanceBusinessKey="
        + completedCourse + "&taskDefinitionKey=visitation", null).body());
    assertThat(tasks).as("%s: visitation task of %s", child.name(), completedCourse).hasSize(1);
    String taskId = tasks.get(0).path("id").asText();

    // Side by side: the visitation's decision and a new referral; SIGKILL the moment both are answered.
    CompletableFuture<HttpResponse<String>> completion = sendAsync(child, "POST",
        "/engine-rest/task/" + taskId + "/submit-form", """
        {"variables": {"targetGroupConfirmed": {"value": "nej"},
                       "visitationNote": {"value": "Kun ét problemområde; henvis til almindelig sagsbehandling."}}}""");
    CompletableFuture<HttpResponse<String>> referral = sendAsync(child, "POST",
        "/engine-rest/process-definition/key/en-plan/start", referral("0202902345"));
    CompletableFuture.allOf(completion, referral).get(30, TimeUnit.SECONDS);
    long answered = System.nanoTime();
    child.process().destroyForcibly();
    long killedAfterMicros = (System.nanoTime() - answered) / 1000;
    assertThat(child.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(child.process().exitValue()).as("%s killed by SIGKILL (128 + 9)", child.name()).isEqualTo(137);
    assertThat(completion.get().statusCode()).as("%s: %s", child.name(), completion.get().body()).isEqualTo(204);
    assertThat(referral.get().statusCode()).as("%s: %s", child.name(), referral.get().body()).isEqualTo(200);
    String newCourse = JSON.readTree(referral.get().body()).path("businessKey").asText();
    String newInstance = JSON.readTree(referral.get().body()).path("id").asText();

    try (Connection db = DriverManager.getConnection(child.jdbcUrl(), child.user(), child.password())) {
      assertThat(one(db, "select status from course where id = ?", newCourse))
          .as("%s: the referral answered 200 right before the kill", child.name())
          .isEqualTo(CourseStatus.REFERRED.name());
      assertThat(one(db, "select count(*) from ACT_RU_EXECUTION where PROC_INST_ID_ = ? and ID_ = PROC_INST_ID_",
          newInstance)).as("%s: its process instance", child.name()).isEqualTo("1");
      assertThat(one(db, "select count(*) from ACT_RU_TASK where PROC_INST_ID_ = ? and TASK_DEF_KEY_ = 'visitation'",
          newInstance)).as("%s: its visitation task", child.name()).isEqualTo("1");
      String completedInstance = one(db, "select process_instance_id from course where id = ?", completedCourse);
      assertThat(one(db, "select status from course where id = ?", completedCourse))
          .as("%s: the task completion answered 204 right before the kill", child.name())
          .isEqualTo(CourseStatus.NOT_IN_TARGET_GROUP.name());
      assertThat(one(db, "select count(*) from ACT_RU_EXECUTION where PROC_INST_ID_ = ?", completedInstance))
          .as("%s: that course's instance ended", child.name()).isEqualTo("0");
      assertThat(one(db, "select count(*) from ACT_HI_TASKINST where ID_ = ? and END_TIME_ is not null", taskId))
          .as("%s: the visitation task completed in the history", child.name()).isEqualTo("1");
      assertThat(Integer.parseInt(one(db, "select count(*) from notice where course_id = ?", completedCourse)))
          .as("%s: the referrer's notice", child.name()).isPositive();
    }
    System.out.printf("DURABILITY %s: SIGKILL sent %d µs after both 2xx; course %s, its instance and visitation task, and "
        + "course %s's completed visitation (NOT_IN_TARGET_GROUP, notice) all in the database%n", child.name(),
        killedAfterMicros, newCourse, completedCourse);
    AttackReport.record("8", "kill -9 right after 2xx (" + child.name() + "): referral and visitation completion",
        VISITATION, 200, true, true);
  }

  private Child start(String name, Path workingDirectory, List<String> arguments, String jdbcUrl, String user,
                      String password) throws IOException {
    String classPath = Stream.of(System.getProperty("surefire.test.class.path",
        System.getProperty("java.class.path")).split(File.pathSeparator)).filter(entry -> !entry.isBlank())
        .map(entry -> Path.of(entry).toAbsolutePath().toString())
        .collect(Collectors.joining(File.pathSeparator));
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
        "-cp", classPath, EnPlanApplication.class.getName()));
    // No demo profile (no demo data), and not the test profile (its in-memory H2 would hide the real URL).
    if (arguments.stream().noneMatch(a -> a.startsWith("--spring.profiles.active="))) {
      command.add("--spring.profiles.active=durability");
    }
    command.addAll(arguments);
    command.addAll(List.of("--server.port=0",
        "--enplan.distribution.worker.enabled=false",
        "--enplan.privacy.cpr-key=ZW4tcGxhbiBURVNUIGtleSAtIG5ldmVyIGluIHByb2Q=",
        "--enplan.export.pseudonym-secret=ZW4tcGxhbiBURVNUIGV4cG9ydCBzZWNyZXQsIG5vdCBwcm9k",
        "--enplan.test.child-users=true",
        "--enplan.test.parent-pid=" + ProcessHandle.current().pid()));
    Path log = Path.of(System.getProperty("basedir", System.getProperty("user.dir")), "target",
        "durability-" + name + ".log");
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
        .directory(workingDirectory.toFile()).start();
    CHILDREN.add(process);
    System.out.printf("DURABILITY: %s runs in a child JVM (pid %d), its log: %s%n", name, process.pid(), log);
    return new Child(name, process, log, jdbcUrl, user, password);
  }

  private static void awaitReady(Child child) throws InterruptedException {
    long deadline = System.nanoTime() + START_PATIENCE.toNanos();
    while (!logText(child).contains(TestUsersInChildNode.READY)) {
      if (!child.process().isAlive()) {
        throw new AssertionError(child.name() + " ended with exit code " + child.process().exitValue()
            + " before it started; its log: " + child.log() + "\n" + tail(logText(child)));
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError(child.name() + " did not start within " + START_PATIENCE + "; its log: "
            + child.log());
      }
      Thread.sleep(200);
    }
  }

  private HttpResponse<String> send(Child child, String method, String path, String body) throws Exception {
    return http.send(request(child, method, path, body), HttpResponse.BodyHandlers.ofString());
  }

  private CompletableFuture<HttpResponse<String>> sendAsync(Child child, String method, String path, String body) {
    return http.sendAsync(request(child, method, path, body), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpRequest request(Child child, String method, String path, String body) {
    return HttpRequest.newBuilder(URI.create("http://localhost:" + child.port() + path))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
            (VISITATION + ":" + TestIdentity.PASSWORD).getBytes(StandardCharsets.UTF_8)))
        .header("Content-Type", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .timeout(Duration.ofSeconds(30)).build();
  }

  private static String referral(String cpr) {
    return """
        {"variables": {
          "citizenName": {"value": "Jonas Nielsen"},
          "cpr": {"value": "%s"},
          "referringUnit": {"value": "Jobcenter Allerød"},
          "problemAreas": {"value": "[\\"ledighed\\",\\"misbrug\\"]", "type": "Json"},
          "referralReason": {"value": "Ledighed og misbrug"}
        }}""".formatted(cpr);
  }

  private static String one(Connection db, String sql, String parameter) throws SQLException {
    try (PreparedStatement statement = db.prepareStatement(sql)) {
      statement.setString(1, parameter);
      try (ResultSet rows = statement.executeQuery()) {
        return rows.next() ? rows.getString(1) : null;
      }
    }
  }

  private static String logText(Child child) {
    try {
      return Files.exists(child.log()) ? Files.readString(child.log(), StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String tail(String text) {
    List<String> lines = text.lines().toList();
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
  }

  private static void deleteRecursively(Path directory) throws IOException {
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
