package dk.enplan.deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;

/**
 * What a BPMN model may contain: no scripts, no Java classes, no connectors, field injection or custom validators,
 * no service task type but {@code external}, delegate expressions only to the application's own delegates, and
 * every other expression in any attribute or text from the safe grammar. Attribute rules apply in every namespace
 * (the engine also reads the old {@code activiti:} one).
 */
final class BpmnRules {

  private static final Map<String, String> FORBIDDEN_ATTRIBUTES = Map.of(
      "class", "Java-klasser må ikke angives (kører vilkårlig kode på serveren)",
      "formHandlerClass", "Java-klasser må ikke angives (kører vilkårlig kode på serveren)",
      "variableMappingClass", "Java-klasser må ikke angives (kører vilkårlig kode på serveren)",
      "variableMappingDelegateExpression", "egen variabeloverførsel er ikke tilladt (kører kode på serveren)",
      "resource", "scripts fra ressourcer er ikke tilladt (kører kode på serveren)",
      "scriptFormat", "scripts er ikke tilladt (kører kode på serveren)",
      "language", "script-betingelser er ikke tilladt (kører kode på serveren); brug et udtryk som ${svar == 'ja'}",
      "calledElementTenantId", "kald af en anden kommunes proces er ikke tilladt; den kaldte proces findes i "
          + "forløbets egen kommune eller blandt de fælles",
      "caseTenantId", "kald af en anden kommunes sag er ikke tilladt");
  /** A course reads the decision tables of its own municipality (or the shared ones), never another's. */
  private static final Pattern OWN_DECISION_TENANT =
      Pattern.compile("\\$\\{decisionTenants\\.of\\(execution, *'[A-Za-z0-9_-]+'\\)\\}");
  private static final Pattern DELEGATE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)\\}");

  private final ApplicationBeans beans;
  private final SafeExpressions expressions;

  BpmnRules(ApplicationBeans beans) {
    this.beans = beans;
    this.expressions = new SafeExpressions(beans);
  }

  List<Finding> check(String resource, Document document) {
    List<Finding> findings = new ArrayList<>();
    for (Element element : XmlResource.elements(document)) {
      String described = XmlResource.describe(element);
      String problem = elementProblem(element);
      if (problem != null) {
        findings.add(new Finding(resource, described, null, problem));
      }
      NamedNodeMap attributes = element.getAttributes();
      for (int i = 0; i < attributes.getLength(); i++) {
        Attr attribute = (Attr) attributes.item(i);
        if (XmlResource.XMLNS.equals(attribute.getNamespaceURI())) {
          continue;
        }
        for (String why : attributeProblems(element, attribute)) {
          findings.add(new Finding(resource, described, attribute.getName(), why));
        }
      }
      for (String text : XmlResource.texts(element)) {
        for (String why : expressions.problems(text)) {
          findings.add(new Finding(resource, described, "tekst", "udtrykket " + why));
        }
      }
    }
    return findings;
  }

  private static String elementProblem(Element element) {
    String name = element.getLocalName();
    boolean camunda = XmlResource.isCamunda(element.getNamespaceURI());
    if ("scriptTask".equals(name)) {
      return "scriptopgaver er ikke tilladt (kører kode på serveren)";
    }
    if ("script".equals(name) && !(element.getParentNode() instanceof Element parent
        && "scriptTask".equals(parent.getLocalName()))) {
      return "scripts er ikke tilladt (kører kode på serveren)";
    }
    if (camunda && ("connector".equals(name) || "connectorId".equals(name))) {
      return "connectorer er ikke tilladt";
    }
    if (camunda && "field".equals(name)) {
      return "feltinjektion (camunda:field) er ikke tilladt";
    }
    if (camunda && "constraint".equals(name) && "validator".equals(element.getAttribute("name"))) {
      return "egne formularvalidatorer er ikke tilladt (kører kode på serveren)";
    }
    return null;
  }

  private List<String> attributeProblems(Element element, Attr attribute) {
    String name = attribute.getLocalName();
    String value = attribute.getValue();
    String forbidden = FORBIDDEN_ATTRIBUTES.get(name);
    if (forbidden != null) {
      return List.of(forbidden);
    }
    boolean extension = XmlResource.isCamunda(attribute.getNamespaceURI())
        || (attribute.getNamespaceURI() == null && XmlResource.isCamunda(element.getNamespaceURI()));
    if (extension && "type".equals(name)) {
      return "external".equals(value) ? List.of()
          : List.of("kun type 'external' er tilladt ('" + value + "' kører kode eller kommandoer på serveren)");
    }
    if ("delegateExpression".equals(name)) {
      return delegateProblem(value);
    }
    if ("decisionRefTenantId".equals(name) && !OWN_DECISION_TENANT.matcher(value).matches()) {
      return List.of("skal være ${decisionTenants.of(execution, '<tabel>')}: et forløb læser sin egen kommunes "
          + "eller de fælles beslutningstabeller, ikke '" + value + "'");
    }
    return expressions.problems(value).stream().map(why -> "udtrykket " + why).toList();
  }

  private List<String> delegateProblem(String value) {
    Matcher matcher = DELEGATE.matcher(value);
    if (!matcher.matches()) {
      return List.of("skal have formen ${navn} og nævne en af applikationens egne delegates, ikke '" + value + "'");
    }
    if (!beans.isDelegate(matcher.group(1))) {
      return List.of("'" + matcher.group(1) + "' er ikke en af applikationens egne delegates");
    }
    return List.of();
  }
}
