package dk.enplan.security;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * One call to the engine's API, as the allow-list judges it: the HTTP method, the path below the engine (the same
 * for {@code /engine-rest/…} and the webapps' {@code /camunda/api/engine/engine/default/…}, e.g.
 * {@code task/42/claim}), the query parameters and the JSON body (null when there is none or it is not JSON).
 */
record EngineApiCall(String method, List<String> segments, Map<String, List<String>> parameters, JsonNode body) {

  String path() {
    return String.join("/", segments);
  }

  /** The segment at {@code index}, or "" past the end. */
  String segment(int index) {
    return index < segments.size() ? segments.get(index) : "";
  }

  String parameter(String name) {
    List<String> values = parameters.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /** A text field of the JSON body, or null. */
  String bodyText(String field) {
    if (body == null || !body.hasNonNull(field)) {
      return null;
    }
    return body.get(field).asText();
  }

  boolean bodyHas(String field) {
    return body != null && body.has(field) && !body.get(field).isNull();
  }
}
