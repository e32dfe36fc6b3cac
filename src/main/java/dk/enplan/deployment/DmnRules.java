package dk.enplan.deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;

/**
 * What a decision table may contain: FEEL only (every {@code expressionLanguage} and {@code typeLanguage} absent or
 * FEEL; no JUEL, JavaScript, Groovy or Python), no FEEL {@code external} functions (calls of Java methods) and no
 * boxed function definitions of another kind than FEEL.
 */
final class DmnRules {

  private static final Set<String> FEEL = Set.of("feel", "http://www.omg.org/spec/feel/20140401",
      "http://www.omg.org/spec/dmn/20180521/feel/", "https://www.omg.org/spec/dmn/20191111/feel/",
      "https://www.omg.org/spec/dmn/20211108/feel/", "https://www.omg.org/spec/dmn/20230324/feel/");
  private static final Pattern EXTERNAL = Pattern.compile("(?i)(?<![\\p{L}\\p{N}_])external(?![\\p{L}\\p{N}_])");

  List<Finding> check(String resource, Document document) {
    List<Finding> findings = new ArrayList<>();
    for (Element element : XmlResource.elements(document)) {
      String described = XmlResource.describe(element);
      NamedNodeMap attributes = element.getAttributes();
      for (int i = 0; i < attributes.getLength(); i++) {
        Attr attribute = (Attr) attributes.item(i);
        String name = attribute.getLocalName();
        if (("expressionLanguage".equals(name) || "typeLanguage".equals(name)) && !isFeel(attribute.getValue())) {
          findings.add(new Finding(resource, described, attribute.getName(),
              "kun FEEL er tilladt, ikke '" + attribute.getValue() + "'"));
        }
        if ("kind".equals(name) && "functionDefinition".equals(element.getLocalName())
            && !isFeel(attribute.getValue())) {
          findings.add(new Finding(resource, described, attribute.getName(),
              "kun FEEL-funktioner er tilladt, ikke '" + attribute.getValue() + "'"));
        }
      }
      if ("text".equals(element.getLocalName())) {
        // The word anywhere, strings and comments included: stripping them first could be fooled by a quote in a
        // comment ("/* " */ function(x) external {…} /* " */"), and a table needs the word nowhere.
        boolean external = XmlResource.texts(element).stream().anyMatch(text -> EXTERNAL.matcher(text).find());
        if (external) {
          findings.add(new Finding(resource, described, "tekst",
              "FEEL-funktioner med 'external' (kald af Java) er ikke tilladt"));
        }
      }
    }
    return findings;
  }

  private static boolean isFeel(String language) {
    return FEEL.contains(language.trim().toLowerCase(Locale.ROOT));
  }
}
