package dk.enplan.form;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One input field of a Camunda Form as form-js submits it: its key, type, the constraints of {@code validate}, its
 * options ({@code values} or the variable named by {@code valuesKey}), the FEEL of {@code conditional.hide} (its own
 * and its enclosing groups'), and whether form-js leaves it out of a submission ({@code disabled}).
 */
public record FormField(String key, String type, boolean required, Integer minLength, Integer maxLength,
                        String pattern, Double min, Double max, List<String> values, String valuesKey,
                        List<String> hideExpressions, boolean readonly, boolean disabled, String subtype) {

  /** The types whose value is free text. */
  public static final List<String> FREE_TEXT = List.of("textfield", "textarea");

  static FormField read(JsonNode component, List<String> enclosingHides) {
    JsonNode validate = component.path("validate");
    List<String> values = null;
    if (component.has("values")) {
      values = new ArrayList<>();
      for (JsonNode option : component.get("values")) {
        values.add(option.path("value").asText());
      }
    }
    List<String> hides = new ArrayList<>(enclosingHides);
    hideOf(component).ifPresent(hides::add);
    return new FormField(component.path("key").asText(), component.path("type").asText(),
        validate.path("required").asBoolean(false), integer(validate, "minLength"), integer(validate, "maxLength"),
        text(validate, "pattern"), number(validate, "min"), number(validate, "max"), values,
        text(component, "valuesKey"), List.copyOf(hides), component.path("readonly").asBoolean(false),
        component.path("disabled").asBoolean(false), text(component, "subtype"));
  }

  static Optional<String> hideOf(JsonNode component) {
    JsonNode hide = component.path("conditional").path("hide");
    return hide.isTextual() && !hide.asText().isBlank() ? Optional.of(hide.asText()) : Optional.empty();
  }

  public boolean freeText() {
    return FREE_TEXT.contains(type);
  }

  private static Integer integer(JsonNode node, String name) {
    return node.path(name).isNumber() ? node.get(name).asInt() : null;
  }

  private static Double number(JsonNode node, String name) {
    return node.path(name).isNumber() ? node.get(name).asDouble() : null;
  }

  private static String text(JsonNode node, String name) {
    return node.path(name).isTextual() && !node.get(name).asText().isEmpty() ? node.get(name).asText() : null;
  }
}
