package dk.enplan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.enplan.testing.CourseEngineTest;
import dk.enplan.testing.ThisBuild;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Runs after every other test class of the integration layer and joins the process-test-coverage reports of both
 * layers that this build wrote ({@code target/process-test-coverage/<class>/report.json}; the engine-only layer's
 * from {@code mvn test}, the integration layer's from Failsafe): flow-node and sequence-flow coverage per model,
 * across the whole test suite, printed and required to be complete.
 */
@Order(Integer.MAX_VALUE)
@Tag(CourseEngineTest.AFTER_SHARED_CONTEXT)
class ProcessCoverageSummaryIT {

  private static final Path REPORTS = Path.of("target", "process-test-coverage");
  private static final Path MODELS = Path.of("processes");

  @Test
  void everyFlowNodeAndSequenceFlowOfEveryModelIsCovered() throws IOException {
    Set<String> covered = coveredElements();
    StringBuilder table = new StringBuilder("\nProcess-test coverage across all test classes\n")
        .append(String.format("%-18s %14s %16s%n", "model", "flow nodes", "sequence flows"));
    TreeMap<String, List<String>> missing = new TreeMap<>();
    int nodes = 0;
    int nodesCovered = 0;
    int flows = 0;
    int flowsCovered = 0;
    try (Stream<Path> files = Files.list(MODELS)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList()) {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        for (Process process : model.getModelElementsByType(Process.class)) {
          List<String> nodeIds = ids(model, process, FlowNode.class);
          List<String> flowIds = ids(model, process, SequenceFlow.class);
          List<String> uncovered = Stream.concat(nodeIds.stream(), flowIds.stream())
              .filter(id -> !covered.contains(process.getId() + "/" + id)).toList();
          long n = nodeIds.stream().filter(id -> covered.contains(process.getId() + "/" + id)).count();
          long f = flowIds.stream().filter(id -> covered.contains(process.getId() + "/" + id)).count();
          table.append(String.format("%-18s %6d/%-3d %3.0f%% %6d/%-3d %3.0f%%%n", process.getId(), n, nodeIds.size(),
              100.0 * n / nodeIds.size(), f, flowIds.size(), 100.0 * f / flowIds.size()));
          nodes += nodeIds.size();
          nodesCovered += n;
          flows += flowIds.size();
          flowsCovered += f;
          if (!uncovered.isEmpty()) {
            missing.put(process.getId(), uncovered);
          }
        }
      }
    }
    table.append(String.format("%-18s %6d/%-3d %3.0f%% %6d/%-3d %3.0f%%%n", "all models", nodesCovered, nodes,
        100.0 * nodesCovered / nodes, flowsCovered, flows, 100.0 * flowsCovered / flows));
    System.out.println(table);
    assertThat(missing).as("elements no test passes through").isEmpty();
  }

  private static List<String> ids(BpmnModelInstance model, Process process, Class<? extends BaseElement> type) {
    return model.getModelElementsByType(type).stream().filter(e -> processOf(e) == process)
        .map(BaseElement::getId).toList();
  }

  private static ModelElementInstance processOf(ModelElementInstance element) {
    ModelElementInstance parent = element.getParentElement();
    while (parent != null && !(parent instanceof Process)) {
      parent = parent.getParentElement();
    }
    return parent;
  }

  /** "processKey/elementId" of everything a test of this run started, ended or took. */
  private static Set<String> coveredElements() throws IOException {
    Set<String> covered = new HashSet<>();
    ObjectMapper json = new ObjectMapper();
    File[] reports = REPORTS.toFile().listFiles();
    assertThat(reports).as("coverage reports in %s", REPORTS).isNotEmpty();
    for (File dir : reports) {
      File report = new File(dir, "report.json");
      if (!report.isFile() || !ThisBuild.wrote(report.lastModified())) {
        continue; // a report from an earlier build does not count
      }
      for (JsonNode suite : json.readTree(report).path("suites")) {
        for (JsonNode run : suite.path("runs")) {
          for (JsonNode event : run.path("events")) {
            covered.add(event.path("modelKey").asText() + "/" + event.path("definitionKey").asText());
          }
        }
      }
    }
    return covered;
  }
}
