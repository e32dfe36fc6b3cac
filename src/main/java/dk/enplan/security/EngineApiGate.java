package dk.enplan.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every call to the engine's API passes here before the engine sees it: {@code /engine-rest/…} (after HTTP Basic
 * authentication) and the webapps' {@code /camunda/api/…} (Tasklist, Cockpit, Admin; the user from the webapp
 * session). The call is judged by {@link EngineApiAllowList}; a refusal is answered with its status and a Danish
 * reason as JSON, and logged.
 */
class EngineApiGate extends OncePerRequestFilter {

  static final String ENGINE_REST = "/engine-rest";
  static final String WEBAPP_API = "/camunda/api";
  /** Larger bodies are not engine calls any of our clients make (deployments are multipart, not read here). */
  static final int MAX_JSON_BODY = 1024 * 1024;

  private static final Logger LOG = LoggerFactory.getLogger(EngineApiGate.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final EngineApiAllowList allowList;
  private final EngineApiCallers callers;

  EngineApiGate(EngineApiAllowList allowList, EngineApiCallers callers) {
    this.allowList = allowList;
    this.callers = callers;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    // The path as the servlets see it (decoded, dot segments resolved, path parameters removed), never the raw URI:
    // "/camunda/api/admin/auth/../../engine/…" must be judged as the engine call it is.
    String path = LoginThrottleFilter.servletPath(request);
    Target target = path.startsWith(ENGINE_REST) ? engineRest(path.substring(ENGINE_REST.length()))
        : path.startsWith(WEBAPP_API) ? webappApi(path.substring(WEBAPP_API.length())) : Target.PASS;
    if (target.kind() == Kind.PASS) {
      chain.doFilter(request, response);
      return;
    }
    if (target.kind() == Kind.CLOSED) {
      refuse(request, response, null, Verdict.forbidden(target.reason()));
      return;
    }
    EngineCaller caller = callers.of(request, target.engine()).map(user ->
        new EngineCaller(user.getUserId(), user.getGroupIds(), user.getTenantIds())).orElse(null);
    if (caller == null) {
      refuse(request, response, null, new Verdict(false, 401, "Log ind først", Map.of()));
      return;
    }
    byte[] body = readBody(request);
    if (body != null && body.length > MAX_JSON_BODY) {
      refuse(request, response, caller, new Verdict(false, 413, "Forespørgslen er for stor", Map.of()));
      return;
    }
    JsonNode json = parse(body);
    if (json == null && body != null && body.length > 0) {
      // A body the gate cannot read is not judged blind: the engine might read it as JSON all the same.
      refuse(request, response, caller, Verdict.badRequest("body: forespørgslens indhold skal være JSON"));
      return;
    }
    EngineApiCall call = new EngineApiCall(request.getMethod(), target.segments(), parameters(request), json);
    Verdict verdict = target.kind() == Kind.ENGINE ? allowList.judge(caller, call)
        : allowList.judgePlugin(caller, call, target.reason());
    if (!verdict.allowed()) {
      refuse(request, response, caller, verdict);
      return;
    }
    HttpServletRequest forwarded = body == null ? request : new ReadAgainRequest(request, body);
    chain.doFilter(verdict.addedParameters().isEmpty() ? forwarded
        : new ScopedQueryRequest(forwarded, verdict.addedParameters()), response);
  }

  private enum Kind { PASS, ENGINE, PLUGIN, CLOSED }

  /** Where a request goes: past the gate, to the engine (with its path below the engine), a webapp plugin, or shut. */
  private record Target(Kind kind, List<String> segments, String reason, String engine) {
    static final String DEFAULT_ENGINE = "default";
    static final Target PASS = new Target(Kind.PASS, List.of(), null, DEFAULT_ENGINE);

    static Target engine(String engine, List<String> segments) {
      return new Target(Kind.ENGINE, segments, null, engine);
    }

    static List<String> segments(String rest) {
      return Arrays.stream(rest.split("/")).filter(s -> !s.isEmpty()).toList();
    }
  }

  private static Target engineRest(String rest) {
    List<String> segments = Target.segments(rest);
    if (segments.size() >= 2 && segments.get(0).equals("engine")) {
      return Target.engine(segments.get(1), segments.subList(2, segments.size()));
    }
    return Target.engine(Target.DEFAULT_ENGINE, segments);
  }

  private static Target webappApi(String rest) {
    List<String> segments = Target.segments(rest);
    String app = segments.isEmpty() ? "" : segments.get(0);
    if (app.equals("engine")) {
      // /camunda/api/engine/engine/ lists the engines (anonymous, Camunda's own rule); below that: the engine API.
      return segments.size() <= 2 ? Target.PASS : Target.engine(segments.get(2), segments.subList(3, segments.size()));
    }
    if (segments.size() >= 2 && app.equals("admin") && segments.get(1).equals("auth")) {
      return Target.PASS;
    }
    if (segments.size() >= 2 && app.equals("admin") && segments.get(1).equals("setup")) {
      return new Target(Kind.CLOSED, segments, "Den første administrator oprettes af installationen, ikke her",
          Target.DEFAULT_ENGINE);
    }
    if (segments.size() >= 4 && segments.get(1).equals("plugin") && segments.get(3).equals("static")) {
      return Target.PASS;
    }
    // /camunda/api/<app>/plugin/<plugin>/<engine>/…
    return new Target(Kind.PLUGIN, segments, app, segments.size() >= 4 ? segments.get(3) : Target.DEFAULT_ENGINE);
  }

  /**
   * The body, read for judging: every body but a multipart deployment (judged by the deployment rules) and a form
   * post (the webapps' login), whatever its declared type, so a JSON body without or with another Content-Type is
   * not let through unread.
   */
  private static byte[] readBody(HttpServletRequest request) throws IOException {
    String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(java.util.Locale.ROOT);
    if (type.startsWith("multipart/") || type.startsWith("application/x-www-form-urlencoded")) {
      return null;
    }
    return request.getInputStream().readNBytes(MAX_JSON_BODY + 1);
  }

  private static JsonNode parse(byte[] body) {
    if (body == null || body.length == 0) {
      return null;
    }
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      return null;
    }
  }

  private static Map<String, List<String>> parameters(HttpServletRequest request) {
    Map<String, List<String>> parameters = new LinkedHashMap<>();
    String query = request.getQueryString();
    if (query == null) {
      return parameters;
    }
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      String name = java.net.URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value = eq < 0 ? "" : java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      parameters.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
    }
    return parameters;
  }

  private static void refuse(HttpServletRequest request, HttpServletResponse response, EngineCaller caller,
                             Verdict verdict) throws IOException {
    LOG.info("Refused {} {} for {}: {} {}", request.getMethod(), request.getRequestURI(),
        caller == null ? "anonymous" : caller.userId(), verdict.status(), verdict.reason());
    response.setStatus(verdict.status());
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    Map<String, String> error = new LinkedHashMap<>();
    error.put("type", verdict.status() == 400 ? "InvalidInputException" : "Forbidden");
    error.put("message", verdict.reason());
    JSON.writeValue(response.getOutputStream(), error);
  }
}
