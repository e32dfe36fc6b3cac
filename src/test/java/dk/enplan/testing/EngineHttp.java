package dk.enplan.testing;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Calls the application over real HTTP as a user: {@code /engine-rest} with HTTP Basic, or the webapps' API
 * ({@code /camunda/api/…}) with a logged-in session, its cookie and CSRF token, as Tasklist and Cockpit do.
 */
public final class EngineHttp {

  private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
      new com.fasterxml.jackson.databind.ObjectMapper();

  private final HttpClient http = HttpClient.newHttpClient();
  private final String base;
  private final String user;
  private final String password;
  /** The webapp session's cookies (null for an HTTP Basic client), kept up to date from every response. */
  private java.util.Map<String, String> cookies;
  private String csrfToken;

  private EngineHttp(int port, String user, String password) {
    this.base = "http://localhost:" + port;
    this.user = user;
    this.password = password;
  }

  /** A client of {@code /engine-rest} with HTTP Basic, as a specialist system or Camunda Modeler calls it. */
  public static EngineHttp rest(int port, String user) {
    return new EngineHttp(port, user, TestIdentity.PASSWORD);
  }

  /** A browser session of the webapps that has opened a page but not logged in (cookie and CSRF token only). */
  public static EngineHttp anonymousWebapp(int port) {
    EngineHttp client = new EngineHttp(port, "anonym", null);
    client.cookies = new java.util.LinkedHashMap<>();
    client.send(HttpRequest.newBuilder(URI.create(client.base + "/camunda/app/admin/default/")).GET());
    return client;
  }

  /** A browser session of the webapps, logged in to {@code app} (tasklist, cockpit, admin). */
  public static EngineHttp webapp(int port, String user, String app) {
    EngineHttp client = new EngineHttp(port, user, TestIdentity.PASSWORD);
    client.logIn(app);
    return client;
  }

  public HttpResponse<String> get(String path) {
    return send(request(path).GET());
  }

  public HttpResponse<String> post(String path, String json) {
    return send(request(path).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json == null ? "" : json)));
  }

  /** A JSON POST that asks for the answer as {@code accept} (Tasklist's task list: {@code application/hal+json}). */
  public HttpResponse<String> postAccepting(String path, String accept, String json) {
    return send(request(path).header("Content-Type", "application/json").header("Accept", accept)
        .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  /** A POST whose body is JSON but is declared as {@code contentType} (null: no Content-Type header at all). */
  public HttpResponse<String> postAs(String path, String contentType, String body) {
    HttpRequest.Builder request = request(path).POST(HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    return send(request);
  }

  public HttpResponse<String> put(String path, String json) {
    return send(request(path).header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(json)));
  }

  public HttpResponse<String> delete(String path) {
    return send(request(path).DELETE());
  }

  public HttpResponse<String> postMultipart(String path, String boundary, byte[] body) {
    return send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  public static com.fasterxml.jackson.databind.JsonNode json(HttpResponse<String> response) {
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new IllegalStateException(response.body(), e);
    }
  }

  /** {@code {"variables": {...}}} as Tasklist's Camunda Forms submit a form: lists as JSON, the rest as values. */
  public static String variables(java.util.Map<String, ?> values) {
    com.fasterxml.jackson.databind.node.ObjectNode variables = JSON.createObjectNode();
    values.forEach((name, value) -> {
      com.fasterxml.jackson.databind.node.ObjectNode variable = variables.putObject(name);
      if (value instanceof java.util.Collection<?> list) {
        variable.put("value", JSON.valueToTree(list).toString()).put("type", "Json");
      } else {
        variable.set("value", JSON.valueToTree(value));
      }
    });
    com.fasterxml.jackson.databind.node.ObjectNode body = JSON.createObjectNode();
    body.set("variables", variables);
    return body.toString();
  }

  /** The engine API's path for this client: {@code /engine-rest/…}, or the webapps' {@code /camunda/api/engine/…}. */
  public String engine(String path) {
    return (cookies == null ? "/engine-rest/" : "/camunda/api/engine/engine/default/") + path;
  }

  public String user() {
    return user;
  }

  private void logIn(String app) {
    cookies = new java.util.LinkedHashMap<>();
    send(HttpRequest.newBuilder(URI.create(base + "/camunda/app/" + app + "/default/")).GET());
    String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
        + URLEncoder.encode(password, StandardCharsets.UTF_8);
    HttpResponse<String> login = send(request("/camunda/api/admin/auth/user/default/login/" + app)
        .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)));
    if (login.statusCode() != 200) {
      throw new IllegalStateException("login of " + user + " to " + app + ": " + login.statusCode() + login.body());
    }
    // The login starts a new session with a new CSRF token, which the next GET hands out (as Tasklist's first call).
    send(request("/camunda/api/engine/engine/default/process-definition/count").GET());
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path));
    if (cookies != null) {
      if (!cookies.isEmpty()) {
        builder.header("Cookie", cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue())
            .reduce((a, b) -> a + "; " + b).orElseThrow());
      }
      if (csrfToken != null) {
        builder.header("X-XSRF-TOKEN", csrfToken);
      }
    } else {
      builder.header("Authorization", "Basic " + Base64.getEncoder()
          .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }
    return builder;
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      if (cookies != null) {
        response.headers().allValues("Set-Cookie").forEach(cookie -> {
          String pair = cookie.split(";")[0];
          cookies.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
        });
        response.headers().firstValue("X-XSRF-TOKEN").filter(token -> !token.equals("Required"))
            .ifPresent(token -> csrfToken = token);
      }
      return response;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
