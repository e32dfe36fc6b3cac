package dk.enplan.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * A failed path test told in the course's own words, for analysts: the path (the test's Danish name, as words) and
 * every element id in the message with its Danish name from the models in processes/ as they are, e.g.
 * {@code Stien "borgeren giver ikke samtykke og vender tilbage til sektorerne" fejlede: … waiting at
 * [obtainConsent 'Indhent samtykke'] …}.
 */
public final class CoursePathFailures implements TestExecutionExceptionHandler {

  private static final Map<String, String> NAMES = elementNames(Path.of("processes"));

  @Override
  public void handleTestExecutionException(ExtensionContext context, Throwable thrown) throws Throwable {
    if (!(thrown instanceof AssertionError)) {
      throw thrown;
    }
    AssertionError told = new AssertionError(tell(context.getRequiredTestMethod().getName(), thrown.getMessage()),
        thrown);
    told.setStackTrace(thrown.getStackTrace());
    throw told;
  }

  /** "Stien \"…\" fejlede: " and the message with each element id followed by its Danish name. */
  static String tell(String testName, String message) {
    String path = testName.replaceAll("([a-zæøå])([A-ZÆØÅ])", "$1 $2").toLowerCase(java.util.Locale.ROOT)
        .replace("oe", "ø").replace("aa", "å");
    Matcher ids = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*").matcher(message == null ? "" : message);
    StringBuilder told = new StringBuilder();
    while (ids.find()) {
      String name = NAMES.get(ids.group());
      ids.appendReplacement(told, Matcher.quoteReplacement(name == null ? ids.group()
          : ids.group() + " '" + name + "'"));
    }
    ids.appendTail(told);
    return "Stien \"" + path + "\" fejlede: " + told;
  }

  private static Map<String, String> elementNames(Path models) {
    Map<String, String> names = new LinkedHashMap<>();
    try (Stream<Path> files = Files.list(models)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).sorted(Comparator.naturalOrder()).toList()) {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        model.getModelElementsByType(FlowNode.class).stream().filter(node -> node.getName() != null)
            .forEach(node -> names.putIfAbsent(node.getId(), node.getName().replaceAll("\\s+", " ")));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return names;
  }
}
