package dk.enplan.form;

import dk.enplan.process.InvalidInputException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One entry of a submission's {@code variables}: {@code {"value": …, "type": …, "valueInfo": …}} as the engine's
 * REST API reads it, turned into the plain value the form would have produced (text, number, boolean, a list or an
 * object from JSON). Types no form field produces (Object other than a JSON list, Bytes, File, Xml, …) are refused.
 */
record SubmittedValue(String name, String type, JsonNode value, JsonNode valueInfo) {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> SCALAR_TYPES = Set.of("string", "integer", "long", "short", "double",
      "boolean", "null");
  /** The list types Tasklist resubmits when the variable already holds a list (StringListVariable writes these). */
  private static final Pattern JSON_LIST_OBJECT = Pattern.compile(
      "java\\.util\\.(ArrayList|List)(<java\\.lang\\.(String|Object)>)?");

  static SubmittedValue read(String name, JsonNode entry) {
    if (!entry.isObject()) {
      throw new InvalidInputException(name, "skal sendes som {\"value\": …}");
    }
    JsonNode type = entry.get("type");
    return new SubmittedValue(name, type == null || type.isNull() ? null : type.asText(),
        entry.path("value"), entry.path("valueInfo"));
  }

  /** The value as the engine will store it: String, Long/Double, Boolean, List, Map or null. */
  Object plain() {
    String kind = type == null ? "" : type.toLowerCase(java.util.Locale.ROOT);
    if (kind.isEmpty() || SCALAR_TYPES.contains(kind)) {
      if (value.isContainerNode()) {
        throw new InvalidInputException(name, "en liste skal sendes som JSON (\"type\": \"Json\")");
      }
      Object scalar = scalar(value);
      if (!kind.isEmpty() && !kind.equals("null") && scalar != null && !fits(kind, scalar)) {
        throw new InvalidInputException(name, "værdien passer ikke til typen " + type);
      }
      return scalar;
    }
    if (kind.equals("json") || (kind.equals("object") && jsonList())) {
      if (value.isNull() || value.isMissingNode()) {
        return null;
      }
      if (!value.isTextual()) {
        throw new InvalidInputException(name, "JSON skal sendes som tekst");
      }
      try {
        return JSON.treeToValue(JSON.readTree(value.asText()), Object.class);
      } catch (JsonProcessingException e) {
        throw new InvalidInputException(name, "er ikke gyldig JSON");
      }
    }
    throw new InvalidInputException(name, "typen " + type + " sender formularen ikke");
  }

  private boolean jsonList() {
    return "application/json".equals(valueInfo.path("serializationDataFormat").asText())
        && JSON_LIST_OBJECT.matcher(valueInfo.path("objectTypeName").asText()).matches();
  }

  private static boolean fits(String kind, Object scalar) {
    return switch (kind) {
      case "string" -> scalar instanceof String;
      case "boolean" -> scalar instanceof Boolean;
      default -> scalar instanceof Number;
    };
  }

  static Object scalar(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    } else if (node.isTextual()) {
      return node.asText();
    } else if (node.isBoolean()) {
      return node.asBoolean();
    } else if (node.isIntegralNumber()) {
      return node.asLong();
    } else if (node.isNumber()) {
      return node.asDouble();
    }
    return List.of();
  }
}
