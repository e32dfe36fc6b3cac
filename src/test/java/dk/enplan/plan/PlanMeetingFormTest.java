package dk.enplan.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.enplan.process.NumberedRows;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The plan meeting's numbered groups have one definition, {@link PlanMeetingInput#GOALS} and
 * {@link PlanMeetingInput#INTERVENTIONS} (how many rows, which fields); {@code forms/planmoede.form} must offer exactly
 * those rows, each group the same as the others but for its number (the first one required, the others optional).
 * No engine, no Spring: the form file against the Java.
 */
class PlanMeetingFormTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void theFormsGoalGroupsAreTheJavasDefinition() throws IOException {
    assertGroupsMatch(PlanMeetingInput.GOALS);
  }

  @Test
  void theFormsInterventionGroupsAreTheJavasDefinition() throws IOException {
    assertGroupsMatch(PlanMeetingInput.INTERVENTIONS);
  }

  @Test
  void theContentFieldsAreEveryNumberedFieldOfTheForm() throws IOException {
    List<String> numbered = new ArrayList<>();
    for (JsonNode component : form().path("components")) {
      for (JsonNode field : component.path("components")) {
        if (field.path("key").asText().matches("(goal|intervention)\\d+\\w+")) {
          numbered.add(field.path("key").asText());
        }
      }
    }
    assertThat(PlanMeetingInput.contentFields()).containsAll(numbered);
    assertThat(numbered).containsExactlyElementsOf(PlanMeetingInput.contentFields().subList(1,
        PlanMeetingInput.contentFields().size()));
  }

  private static void assertGroupsMatch(NumberedRows rows) throws IOException {
    List<JsonNode> groups = new ArrayList<>();
    for (JsonNode component : form().path("components")) {
      if (component.path("type").asText().equals("group")
          && component.path("id").asText().matches("Group_" + rows.prefix() + "\\d+")) {
        groups.add(component);
      }
    }
    assertThat(groups).as("groups Group_%sN in planmoede.form", rows.prefix()).hasSize(rows.count());
    List<String> names = rows.names();
    int perRow = names.size() / rows.count();
    for (int n = 1; n <= rows.count(); n++) {
      JsonNode group = groups.get(n - 1);
      assertThat(group.path("id").asText()).isEqualTo("Group_" + rows.prefix() + n);
      List<String> keys = new ArrayList<>();
      group.path("components").forEach(field -> keys.add(field.path("key").asText()));
      assertThat(keys).as("fields of %s", group.path("id").asText())
          .containsExactlyElementsOf(names.subList((n - 1) * perRow, n * perRow));
    }
    // Near-identical: every optional group is the second one with another number; the first is it, required.
    JsonNode second = numberless(groups.get(1), 2);
    for (int n = 3; n <= rows.count(); n++) {
      assertThat(numberless(groups.get(n - 1), n)).as("group %d like group 2", n).isEqualTo(second);
    }
    ObjectNode first = (ObjectNode) numberless(groups.get(0), 1);
    first.put("label", first.path("label").asText() + " (valgfrit)");
    first.path("components").forEach(field -> {
      if (field.has("validate")) {
        ((ObjectNode) field.path("validate")).remove("required");
      }
    });
    assertThat(first).as("group 1 like group 2, but required").isEqualTo(second);
  }

  /** The group with its number replaced by N, in ids, keys and labels. */
  private static JsonNode numberless(JsonNode group, int n) throws IOException {
    String text = JSON.writeValueAsString(group).replaceAll("(?<=[A-Za-z])" + n + "(?=[A-Z\"])", "N")
        .replaceAll(" " + n + "(?=[\" ])", " N");
    return JSON.readTree(text);
  }

  private static JsonNode form() throws IOException {
    return JSON.readTree(Path.of("forms", "planmoede.form").toFile());
  }
}
