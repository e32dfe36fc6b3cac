package dk.enplan.course;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.enplan.testing.TestIdentity;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Real HTTP to the running application: {@code /engine-rest} with HTTP Basic as a demo user, and the webapps'
 * engine API ({@code /camunda/api/engine/…}) as Tasklist calls it, with a logged-in session and its XSRF token.
 */
final class EngineHttp {

  static final ObjectMapper JSON = new ObjectMapper();

  private final int port;
  private final HttpClient http;
  private final String basic;
  private String xsrfToken;

  private EngineHttp(int port, String basic, HttpClient http) {
    this.port = port;
    this.basic = basic;
    this.http = http;
  }

  /** {@code /engine-rest} with HTTP Basic as {@code user}. */
  static EngineHttp rest(int port, String user) {
    String credentials = user + ":" + TestIdentity.PASSWORD;
    return new EngineHttp(port, "Basic " + Base64.getEncoder().encodeToString(
        credentials.getBytes(StandardCharsets.UTF_8)), HttpClient.newHttpClient());
  }

  /** A Tasklist session of {@code user}: logged in as Tasklist logs in, with the session cookie and XSRF token. */
  static EngineHttp tasklist(int port, String user) throws Exception {
    EngineHttp session = new EngineHttp(port, null, HttpClient.newBuilder()
        .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL)).build());
    session.send(session.request("/camunda/app/tasklist/default/").GET());
    String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
        + URLEncoder.encode(TestIdentity.PASSWORD, StandardCharsets.UTF_8);
    HttpResponse<String> login = session.send(session.request("/camunda/api/admin/auth/user/default/login/tasklist")
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)));
    if (login.statusCode() != 200) {
      throw new IllegalStateException("login as " + user + ": " + login.statusCode() + " " + login.body());
    }
    session.send(session.request("/camunda/api/engine/engine/default/process-definition/count").GET());
    return session;
  }

  HttpResponse<String> post(String path, String body) throws Exception {
    return send(request(path).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  HttpResponse<String> get(String path) throws Exception {
    return send(request(path).GET());
  }

  static JsonNode json(HttpResponse<String> response) throws Exception {
    return JSON.readTree(response.body());
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    if (basic != null) {
      builder.header("Authorization", basic);
    }
    if (xsrfToken != null) {
      builder.header("X-XSRF-TOKEN", xsrfToken);
    }
    return builder;
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    response.headers().firstValue("X-XSRF-TOKEN").filter(token -> !token.equals("Required"))
        .ifPresent(token -> xsrfToken = token);
    return response;
  }

  /** {@code {"variables": {...}}} as Tasklist sends a form: lists as JSON, everything else as its value. */
  static String variables(java.util.Map<String, Object> values) throws Exception {
    com.fasterxml.jackson.databind.node.ObjectNode variables = JSON.createObjectNode();
    values.forEach((name, value) -> {
      com.fasterxml.jackson.databind.node.ObjectNode variable = variables.putObject(name);
      if (value instanceof java.util.Collection<?> list) {
        try {
          variable.put("value", JSON.writeValueAsString(list)).put("type", "Json");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
          throw new IllegalArgumentException(name, e);
        }
      } else {
        variable.set("value", JSON.valueToTree(value));
      }
    });
    com.fasterxml.jackson.databind.node.ObjectNode body = JSON.createObjectNode();
    body.set("variables", variables);
    return JSON.writeValueAsString(body);
  }
}
