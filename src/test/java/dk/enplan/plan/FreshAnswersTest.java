package dk.enplan.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.junit.jupiter.api.Test;

/**
 * The answers {@code freshAnswers} clears are the forms' own fields, every field of those forms is either an answer
 * of the round or the plan's content (which a revision fills from the plan store), and every such task runs it on
 * creation. A field added to one of these forms without deciding which it is fails here.
 */
class FreshAnswersTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void everyFieldOfARecurringTaskIsAnAnswerOfItsRoundOrThePlansContent() throws IOException {
    BpmnModelInstance model = Bpmn.readModelFromFile(Path.of("processes", "en-plan.bpmn").toFile());
    for (var entry : FreshAnswers.ANSWERS.entrySet()) {
      UserTask task = model.getModelElementById(entry.getKey());
      assertThat(task.getExtensionElements().getElementsQuery().filterByType(CamundaTaskListener.class).list())
          .as("%s clears its answers on creation", entry.getKey())
          .anySatisfy(l -> {
            assertThat(l.getCamundaEvent()).isEqualTo("create");
            assertThat(l.getCamundaDelegateExpression()).isEqualTo("${freshAnswers}");
          });
      List<String> fields = keys(JSON.readTree(Path.of("forms", task.getCamundaFormRef() + ".form").toFile()));
      assertThat(fields).as("form of %s", entry.getKey()).containsAll(entry.getValue());
      List<String> rest = new ArrayList<>(fields);
      rest.removeAll(entry.getValue());
      if (entry.getKey().equals("planMeeting")) {
        rest.removeAll(PlanMeetingInput.contentFields());
      }
      assertThat(rest).as("fields of %s neither an answer nor the plan's content", entry.getKey()).isEmpty();
    }
  }

  private static List<String> keys(JsonNode node) {
    List<String> keys = new ArrayList<>();
    for (JsonNode component : node.path("components")) {
      if (component.has("key")) {
        keys.add(component.path("key").asText());
      }
      keys.addAll(keys(component));
    }
    return keys;
  }
}
