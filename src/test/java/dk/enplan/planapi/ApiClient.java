package dk.enplan.planapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.enplan.testing.TestIdentity;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Real HTTP against the running application, as a specialist system or a browser would call the plan API. */
final class ApiClient {

  static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
  private final int port;

  ApiClient(int port) {
    this.port = port;
  }

  /** {@code <user>:<test password>} for a test user such as koordinator.allerod. */
  static String as(String user) {
    return user + ":" + TestIdentity.PASSWORD;
  }

  HttpResponse<String> get(String path, String credentials) {
    return send(request(path, credentials).GET().build());
  }

  HttpResponse<String> postJson(String path, String credentials, String body) {
    return send(request(path, credentials).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build());
  }

  /** A body sent chunked, without a declared length. */
  HttpResponse<String> postChunked(String path, String credentials, String body) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    return send(request(path, credentials).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))).build());
  }

  HttpResponse<String> post(String path, String credentials, String contentType, HttpRequest.BodyPublisher body) {
    HttpRequest.Builder builder = request(path, credentials);
    if (contentType != null) {
      builder.header("Content-Type", contentType);
    }
    return send(builder.POST(body).build());
  }

  static JsonNode json(HttpResponse<String> response) {
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(response.statusCode() + " " + response.body(), e);
    }
  }

  private HttpRequest.Builder request(String path, String credentials) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    if (credentials != null) {
      builder.header("Authorization", "Basic "
          + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }
    return builder;
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
