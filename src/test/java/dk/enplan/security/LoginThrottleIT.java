package dk.enplan.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.enplan.course.CourseRepository;
import dk.enplan.testing.AttackReport;
import dk.enplan.testing.CourseEngineTest;
import dk.enplan.testing.TestIdentity;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The login throttle over real HTTP from several source addresses: Linux accepts any 127.x.y.z on loopback, so each
 * request's socket is bound to the source it should come from (java.net.http cannot bind a local address). Every
 * test has its own attacking address, as the throttle's counts live on in the shared context.
 */
@CourseEngineTest
class LoginThrottleIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TASK_COUNT = "/engine-rest/task/count";
  private static final String REAL_USERS_ADDRESS = "127.0.0.2";

  @LocalServerPort int port;
  @Autowired TestIdentity identity;
  @Autowired IdentityService identityService;
  @Autowired CourseRepository courses;
  @Autowired LoginThrottle throttle;

  @BeforeEach
  void setUp() {
    identity.ensure();
  }

  @Test
  void anAttackersWrongPasswordsDelayAndLockOnlyHisAddressNeverTheRealUser() throws Exception {
    String user = "koordinator.allerod";
    String attacker = "127.0.0.3";
    long coursesBefore = courses.count();
    List<Integer> statuses = new ArrayList<>();
    List<Response> answers = new ArrayList<>();
    // 12 wrong passwords as fast as they can be sent, over both APIs that take HTTP Basic.
    for (int i = 0; i < 12; i++) {
      Response answer = send(attacker, "GET", i % 2 == 0 ? TASK_COUNT : "/api/courses/x/plan",
          user + ":guess-" + i, null, null);
      statuses.add(answer.status());
      answers.add(answer);
    }
    assertThat(statuses.subList(0, 5)).as("the first five wrong passwords are checked: 401").containsOnly(401);
    assertThat(statuses.subList(5, 12)).as("then the pair is delayed: 429, password not checked").containsOnly(429);
    assertThat(answers.get(5).header("Retry-After")).isEqualTo("1");
    assertThat(JSON.readTree(answers.get(5).body()).path("message").asText()).contains("Prøv igen om");

    // The real user, from her own address, at once: not affected.
    long start = System.nanoTime();
    Response real = send(REAL_USERS_ADDRESS, "GET", TASK_COUNT, user + ":" + TestIdentity.PASSWORD, null, null);
    long realMillis = (System.nanoTime() - start) / 1_000_000;
    assertThat(real.status()).as(real.body()).isEqualTo(200);

    // The attacker goes on ignoring Retry-After: locked after 20 attempts, even the right password is refused.
    Response locked = null;
    for (int i = 12; i < 20; i++) {
      locked = send(attacker, "GET", TASK_COUNT, user + ":guess-" + i, null, null);
    }
    assertThat(locked.status()).isEqualTo(429);
    assertThat(Long.parseLong(locked.header("Retry-After"))).as("locked for 15 minutes").isBetween(890L, 900L);
    assertThat(JSON.readTree(locked.body()).path("message").asText()).contains("spærret");
    Response rightFromAttacker = send(attacker, "GET", TASK_COUNT, user + ":" + TestIdentity.PASSWORD, null, null);
    assertThat(rightFromAttacker.status()).as("locked: the password is not even checked").isEqualTo(429);
    assertThat(send(REAL_USERS_ADDRESS, "GET", TASK_COUNT, user + ":" + TestIdentity.PASSWORD, null, null).status())
        .as("the real user still gets in").isEqualTo(200);
    assertThat(identityService.checkPassword(user, TestIdentity.PASSWORD)).as("the engine did not lock the account")
        .isTrue();
    assertThat(courses.count()).isEqualTo(coursesBefore);

    // An administrator sees the lock; nobody else does.
    assertThat(send("127.0.0.1", "GET", LoginThrottleController.PATH, user + ":" + TestIdentity.PASSWORD, null, null)
        .status()).isEqualTo(403);
    JsonNode listed = JSON.readTree(send("127.0.0.1", "GET", LoginThrottleController.PATH,
        "admin:" + TestIdentity.PASSWORD, null, null).body());
    JsonNode pair = null;
    for (JsonNode entry : listed.path("throttled")) {
      if (user.equals(entry.path("userId").asText()) && attacker.equals(entry.path("source").asText())) {
        pair = entry;
      }
    }
    assertThat(pair).as("the administrator's list: %s", listed).isNotNull();
    assertThat(pair.path("locked").asBoolean()).isTrue();
    assertThat(pair.path("failures").asInt() + pair.path("refused").asInt()).isGreaterThanOrEqualTo(20);
    assertThat(pair.path("until").asText()).isNotBlank();
    System.out.printf("LOGIN THROTTLE: 20 attempts from %s: %d checked (401), then 429; the real user from %s "
        + "answered 200 in %d ms; the administrator sees %s%n", attacker, statuses.stream().filter(s -> s == 401)
        .count(), REAL_USERS_ADDRESS, realMillis, pair);
    AttackReport.record("5", "20 wrong passwords for " + user + " from " + attacker
        + " (/engine-rest, /api): 5 checked, then 429, locked 15 min; real user from " + REAL_USERS_ADDRESS
        + " 200 at once", "anonym", 429, true, courses.count() == coursesBefore);

    // The administrator lifts the lock: the right password from the attacking address works again.
    String query = "?userId=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&source=" + attacker;
    assertThat(send("127.0.0.1", "DELETE", LoginThrottleController.PATH + query, user + ":" + TestIdentity.PASSWORD,
        null, null).status()).as("only an administrator lifts a lock").isEqualTo(403);
    assertThat(send("127.0.0.1", "DELETE", LoginThrottleController.PATH + query, "admin:" + TestIdentity.PASSWORD,
        null, null).status()).isEqualTo(204);
    assertThat(send(attacker, "GET", TASK_COUNT, user + ":" + TestIdentity.PASSWORD, null, null).status())
        .isEqualTo(200);
  }

  @Test
  void aPatientGuesserIsSlowedWithAGrowingDelayAndTheRightPasswordResetsThePair() throws Exception {
    String user = "visitation.allerod";
    String source = "127.0.0.4";
    for (int i = 0; i < 4; i++) {
      assertThat(send(source, "GET", TASK_COUNT, user + ":typo", null, null).status()).isEqualTo(401);
    }
    assertThat(send(source, "GET", TASK_COUNT, user + ":" + TestIdentity.PASSWORD, null, null).status())
        .isEqualTo(200);
    for (int i = 0; i < 4; i++) {
      assertThat(send(source, "GET", TASK_COUNT, user + ":typo", null, null).status())
          .as("the success reset the pair: four more are checked").isEqualTo(401);
    }
    assertThat(send(source, "GET", TASK_COUNT, user + ":typo", null, null).status()).isEqualTo(401);
    Response delayed = send(source, "GET", TASK_COUNT, user + ":" + TestIdentity.PASSWORD, null, null);
    assertThat(delayed.status()).isEqualTo(429);
    assertThat(delayed.header("Retry-After")).isEqualTo("1");
    Thread.sleep(1100);
    assertThat(send(source, "GET", TASK_COUNT, user + ":typo", null, null).status()).isEqualTo(401);
    Response doubled = send(source, "GET", TASK_COUNT, user + ":typo", null, null);
    assertThat(doubled.status()).isEqualTo(429);
    assertThat(doubled.header("Retry-After")).as("the delay doubles").isEqualTo("2");
    Thread.sleep(2100);
    assertThat(send(source, "GET", TASK_COUNT, user + ":" + TestIdentity.PASSWORD, null, null).status())
        .as("after the delay the right password works and resets the pair").isEqualTo(200);
    assertThat(send(source, "GET", TASK_COUNT, user + ":typo", null, null).status()).isEqualTo(401);
    assertThat(send(source, "GET", TASK_COUNT, user + ":" + TestIdentity.PASSWORD, null, null).status())
        .isEqualTo(200);
    AttackReport.record("5", "patient guessing for " + user + " from " + source
        + ": 429 with Retry-After 1 s, 2 s, …; a success resets", "anonym", 429, true, true);
  }

  @Test
  void theWebappsLoginFormIsThrottledPerAddressToo() throws Exception {
    String user = "visitation.ballerup";
    String attacker = "127.0.0.5";
    String login = "/camunda/api/admin/auth/user/default/login/tasklist";
    Map<String, String> attackersSession = csrf(attacker);
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      statuses.add(send(attacker, "POST", login, null, "application/x-www-form-urlencoded",
          "username=" + user + "&password=guess-" + i, attackersSession).status());
    }
    assertThat(statuses).as("statuses of the webapps' login").containsExactly(401, 401, 401, 401, 401, 429, 429);
    Response real = send(REAL_USERS_ADDRESS, "POST", login, null, "application/x-www-form-urlencoded",
        "username=" + user + "&password=" + TestIdentity.PASSWORD, csrf(REAL_USERS_ADDRESS));
    assertThat(real.status()).as(real.body()).isEqualTo(200);
    assertThat(JSON.readTree(real.body()).path("userId").asText()).isEqualTo(user);
    assertThat(send(attacker, "POST", login, null, "application/x-www-form-urlencoded",
        "username=" + user + "&password=" + TestIdentity.PASSWORD, attackersSession).status()).isEqualTo(429);
    AttackReport.record("5", "7 wrong passwords for " + user + " at the webapps' login from " + attacker
        + ": 5 × 401, then 429; real user from " + REAL_USERS_ADDRESS + " logs in", "anonym", 429, true, true);
  }

  /** One HTTP/1.1 request from a socket bound to {@code source}. */
  private Response send(String source, String method, String path, String credentials, String contentType,
                        String body) throws IOException {
    return send(source, method, path, credentials, contentType, body, Map.of());
  }

  /** The webapps' CSRF token and session cookie, as the login page gives them to a browser at {@code source}. */
  private Map<String, String> csrf(String source) throws IOException {
    Response page = send(source, "GET", "/camunda/app/tasklist/default/", null, null, null);
    return Map.of("X-XSRF-TOKEN", page.header("X-XSRF-TOKEN"), "Cookie", String.join("; ", page.cookies()));
  }

  private Response send(String source, String method, String path, String credentials, String contentType,
                        String body, Map<String, String> extraHeaders) throws IOException {
    try (Socket socket = new Socket()) {
      socket.bind(new InetSocketAddress(InetAddress.getByName(source), 0));
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5000);
      socket.setSoTimeout(20_000);
      byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
      StringBuilder request = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\n")
          .append("Host: localhost:").append(port).append("\r\nConnection: close\r\nAccept: application/json\r\n");
      if (credentials != null) {
        request.append("Authorization: Basic ").append(Base64.getEncoder()
            .encodeToString(credentials.getBytes(StandardCharsets.UTF_8))).append("\r\n");
      }
      if (contentType != null) {
        request.append("Content-Type: ").append(contentType).append("\r\n");
      }
      extraHeaders.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
      request.append("Content-Length: ").append(content.length).append("\r\n\r\n");
      OutputStream out = socket.getOutputStream();
      out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
      out.write(content);
      out.flush();
      return Response.parse(socket.getInputStream());
    }
  }

  private record Response(int status, Map<String, String> headers, List<String> cookies, String body) {

    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }

    static Response parse(InputStream in) throws IOException {
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      in.transferTo(all);
      // One char per byte, so that chunk sizes (in bytes) index the text; the body is decoded as UTF-8 at the end.
      String text = all.toString(StandardCharsets.ISO_8859_1);
      int end = text.indexOf("\r\n\r\n");
      String[] lines = text.substring(0, end).split("\r\n");
      Map<String, String> headers = new LinkedHashMap<>();
      List<String> cookies = new ArrayList<>();
      for (int i = 1; i < lines.length; i++) {
        int colon = lines[i].indexOf(':');
        String name = lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT);
        String value = lines[i].substring(colon + 1).trim();
        headers.put(name, value);
        if (name.equals("set-cookie")) {
          cookies.add(value.split(";")[0]);
        }
      }
      String body = text.substring(end + 4);
      if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
        body = unchunk(body);
      }
      return new Response(Integer.parseInt(lines[0].split(" ")[1]), headers, cookies,
          new String(body.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
    }

    private static String unchunk(String chunked) {
      StringBuilder body = new StringBuilder();
      int at = 0;
      while (true) {
        int lineEnd = chunked.indexOf("\r\n", at);
        if (lineEnd < 0) {
          return body.toString();
        }
        if (lineEnd == at) {
          at += 2;
          continue;
        }
        int size = Integer.parseInt(chunked.substring(at, lineEnd).split(";")[0].trim(), 16);
        if (size == 0) {
          return body.toString();
        }
        body.append(chunked, lineEnd + 2, lineEnd + 2 + size);
        at = lineEnd + 2 + size + 2;
      }
    }
  }
}
