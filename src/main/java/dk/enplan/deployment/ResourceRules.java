package dk.enplan.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.w3c.dom.Document;

/**
 * The rules for one deployed resource by its name: BPMN ({@code .bpmn}, {@code .bpmn20.xml}) and DMN ({@code .dmn},
 * {@code .dmn11.xml}) are checked element by element, a Camunda Form ({@code .form}) must be a JSON object (it runs
 * nothing on the server), a diagram image must be a PNG; anything else (scripts, CMMN, SVG, …) is refused.
 */
final class ResourceRules {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

  private final BpmnRules bpmn;
  private final DmnRules dmn = new DmnRules();

  ResourceRules(ApplicationBeans beans) {
    this.bpmn = new BpmnRules(beans);
  }

  List<Finding> check(String resource, byte[] bytes) {
    String name = resource.toLowerCase(Locale.ROOT);
    if (name.endsWith(".bpmn") || name.endsWith(".bpmn20.xml")) {
      Document document = XmlResource.parse(bytes);
      return document == null ? invalidXml(resource) : bpmn.check(resource, document);
    }
    if (name.endsWith(".dmn") || name.endsWith(".dmn11.xml")) {
      Document document = XmlResource.parse(bytes);
      return document == null ? invalidXml(resource) : dmn.check(resource, document);
    }
    if (name.endsWith(".form")) {
      return isJsonObject(bytes) ? List.of()
          : List.of(new Finding(resource, null, null, "en formular skal være et JSON-objekt (Camunda Form)"));
    }
    if (name.endsWith(".png")) {
      return bytes.length >= PNG.length && Arrays.equals(Arrays.copyOf(bytes, PNG.length), PNG) ? List.of()
          : List.of(new Finding(resource, null, null, "filen er ikke et PNG-billede"));
    }
    return List.of(new Finding(resource, null, null,
        "filtypen er ikke tilladt; kun .bpmn, .dmn, .form og .png kan udrulles"));
  }

  private static List<Finding> invalidXml(String resource) {
    return List.of(new Finding(resource, null, null, "filen er ikke gyldig XML (DOCTYPE er ikke tilladt)"));
  }

  private static boolean isJsonObject(byte[] bytes) {
    try {
      JsonNode node = JSON.readTree(bytes);
      return node != null && node.isObject();
    } catch (Exception e) {
      return false;
    }
  }
}
