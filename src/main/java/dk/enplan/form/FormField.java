package dk.enplan.form;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One input field of a Camunda Form as form-js submits it: its key, type, the constraints of {@code validate}, its
 * options ({@code values} or the variable named by {@code valuesKey}), the FEEL of {@code conditional.hide} (its own
 * and its enclosing groups'), whether form-js leaves it out of a submission ({@code disabled}), and how the
 * caseworker sees it: its {@code label} after the labels of the groups it sits in ("Indsats 2, Planlagt slut") and
 * the component's {@code id} in the form.
 */
public record FormField(String key, String type, boolean required, Integer minLength, Integer maxLength,
                        String pattern, Double min, Double max, List<String> values, String valuesKey,
                        List<String> hideExpressions, boolean readonly, boolean disabled, String subtype,
                        String label, String id) {

  /** The types whose value is free text. */
  public static final List<String> FREE_TEXT = List.of("textfield", "textarea");

  /** A group's note that its fields may be left empty, which an error about one of them does not repeat. */
  private static final Pattern OPTIONAL_NOTE = Pattern.compile("\\s*\\((valgfri|valgfrit|valgfrie)\\)\\s*$",
      Pattern.CASE_INSENSITIVE);

  static FormField read(JsonNode component, List<String> enclosingHides, List<String> groupLabels) {
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
        component.path("disabled").asBoolean(false), text(component, "subtype"),
        label(component, groupLabels), component.path("id").asText(component.path("key").asText()));
  }

  /** A container's label as an error names it: without its "(valgfrit)"; empty for none or a FEEL expression. */
  static Optional<String> groupLabel(JsonNode container) {
    return shown(container.path("label").asText("")).map(label -> OPTIONAL_NOTE.matcher(label).replaceAll(""))
        .filter(label -> !label.isBlank());
  }

  private static String label(JsonNode component, List<String> groupLabels) {
    String own = shown(component.path("label").asText(""))
        .or(() -> shown(component.path("dateLabel").asText("")))
        .or(() -> shown(component.path("timeLabel").asText("")))
        .orElse(component.path("key").asText());
    List<String> parts = new ArrayList<>(groupLabels);
    parts.add(own.endsWith(":") ? own.substring(0, own.length() - 1) : own);
    return String.join(", ", parts);
  }

  /** A label as form-js shows it; one computed by FEEL ({@code =…}) is not known before the form is rendered. */
  private static Optional<String> shown(String label) {
    String trimmed = label.trim();
    return trimmed.isEmpty() || trimmed.startsWith("=") ? Optional.empty() : Optional.of(trimmed);
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
