package dk.enplan.form;

import dk.enplan.process.InvalidInputException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatNoException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The forms are the contract of a submission (issue 10, items 2 and 7): every free-text field of every form has its
 * one limit, within what Camunda's string column holds, and that limit is the one the submission check applies; no
 * form renders a typed value as markdown or HTML.
 */
class FormContractTest {

  /** Camunda stores a string variable in a column of 4,000 characters. */
  static final int STRING_COLUMN = 4000;

  private static final ObjectMapper JSON = new ObjectMapper();
  private final FormSubmissionCheck check = new FormSubmissionCheck(new FieldVisibility());

  @Test
  void everyFreeTextFieldHasOneLimitTheCheckApplies() throws IOException {
    List<String> checked = new ArrayList<>();
    for (Path file : forms()) {
      for (JsonNode component : inputs(JSON.readTree(file.toFile()).path("components"))) {
        String key = component.path("key").asText();
        String type = component.path("type").asText();
        if (!FormField.FREE_TEXT.contains(type)) {
          continue;
        }
        JsonNode maxLength = component.path("validate").path("maxLength");
        assertThat(maxLength.isInt()).as("%s: %s has a validate.maxLength", file.getFileName(), key).isTrue();
        int limit = maxLength.asInt();
        assertThat(limit).as("%s: %s", file.getFileName(), key).isBetween(1, STRING_COLUMN);
        if ("textfield".equals(type)) {
          assertThat(limit).as("%s: the one-line field %s", file.getFileName(), key).isLessThanOrEqualTo(2000);
        }

        CamundaForm alone = alone(component);
        if (!component.path("validate").has("pattern")) {
          assertThatNoException().as("%s at its limit", key).isThrownBy(() ->
              check.check(alone, Map.of(key, text(key, "a".repeat(limit))), Map.of()));
        }
        assertThatThrownBy(() -> check.check(alone, Map.of(key, text(key, "a".repeat(limit + 1))), Map.of()))
            .as("%s over its limit", key).isInstanceOf(InvalidInputException.class)
            .hasMessage(key + ": må højst være " + limit + " tegn (er " + (limit + 1) + ")");
        checked.add(file.getFileName() + ":" + key);
      }
    }
    assertThat(checked).as("free-text fields checked").hasSizeGreaterThanOrEqualTo(40);
  }

  @Test
  void noFormRendersATypedValueAsMarkup() throws IOException {
    for (Path file : forms()) {
      for (JsonNode view : views(JSON.readTree(file.toFile()).path("components"))) {
        assertThat(view.path("text").asText()).as("%s: %s shows values with a html view, which escapes them",
            file.getFileName(), view.path("id").asText()).doesNotContain("{{");
      }
    }
  }

  /** The start form's CPR field takes a CPR number, not 200 characters. */
  @Test
  void theCprFieldTakesTenDigitsAndAHyphen() throws IOException {
    JsonNode cpr = inputs(JSON.readTree(Path.of("forms", "henvisning.form").toFile()).path("components")).stream()
        .filter(c -> "cpr".equals(c.path("key").asText())).findFirst().orElseThrow();
    assertThat(cpr.path("validate").path("maxLength").asInt()).isEqualTo(11);
  }

  private static CamundaForm alone(JsonNode component) {
    ObjectNode field = component.deepCopy();
    field.remove("conditional");
    ((ObjectNode) field.path("validate")).remove("required");
    ObjectNode form = JSON.createObjectNode().put("id", "alone");
    ArrayNode components = form.putArray("components");
    components.add(field);
    return CamundaForm.read(form);
  }

  private static SubmittedValue text(String name, String value) {
    return new SubmittedValue(name, null, new TextNode(value), JSON.missingNode());
  }

  static List<Path> forms() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("forms"))) {
      return files.filter(f -> f.toString().endsWith(".form")).sorted().toList();
    }
  }

  private static List<JsonNode> inputs(JsonNode components) {
    List<JsonNode> inputs = new ArrayList<>();
    for (JsonNode component : components) {
      if (component.has("key")) {
        inputs.add(component);
      }
      inputs.addAll(inputs(component.path("components")));
    }
    return inputs;
  }

  private static List<JsonNode> views(JsonNode components) {
    List<JsonNode> views = new ArrayList<>();
    for (JsonNode component : components) {
      if ("text".equals(component.path("type").asText())) {
        views.add(component);
      }
      views.addAll(views(component.path("components")));
    }
    return views;
  }
}
