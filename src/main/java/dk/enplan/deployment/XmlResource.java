package dk.enplan.deployment;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * A deployed XML model read safely (namespace-aware, no DOCTYPE, no external entities), with the helpers the BPMN
 * and DMN rules share: every element, its texts, and how a finding names it.
 */
final class XmlResource {

  static final String CAMUNDA_BPMN = "http://camunda.org/schema/1.0/bpmn";
  static final String ACTIVITI_BPMN = "http://activiti.org/bpmn";
  static final String XMLNS = XMLConstants.XMLNS_ATTRIBUTE_NS_URI;

  private XmlResource() {
  }

  /** The document, or null if the bytes are not well-formed XML without a DOCTYPE. */
  static Document parse(byte[] bytes) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setXIncludeAware(false);
      factory.setExpandEntityReferences(false);
      return factory.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
    } catch (Exception e) {
      return null;
    }
  }

  static List<Element> elements(Document document) {
    List<Element> all = new ArrayList<>();
    collect(document.getDocumentElement(), all);
    return all;
  }

  private static void collect(Element element, List<Element> all) {
    all.add(element);
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element childElement) {
        collect(childElement, all);
      }
    }
  }

  /**
   * The element's own texts: each text or CDATA child alone, and, if there are several, all of them joined (a
   * comment between two halves must not hide an expression from the check, whichever way a parser joins them).
   */
  static List<String> texts(Element element) {
    List<String> texts = new ArrayList<>();
    StringBuilder joined = new StringBuilder();
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
        texts.add(child.getNodeValue());
        joined.append(child.getNodeValue());
      }
    }
    if (texts.size() > 1) {
      texts.add(joined.toString());
    }
    return texts;
  }

  /** {@code serviceTask 'grant'}: the element's name and the id of it or its nearest ancestor with one. */
  static String describe(Element element) {
    Element withId = element;
    while (withId != null && withId.getAttribute("id").isEmpty()) {
      withId = withId.getParentNode() instanceof Element parent ? parent : null;
    }
    String name = element.getLocalName();
    if (withId == null) {
      return name;
    }
    return withId == element ? name + " '" + element.getAttribute("id") + "'"
        : name + " i " + withId.getLocalName() + " '" + withId.getAttribute("id") + "'";
  }

  static boolean isCamunda(String namespace) {
    return CAMUNDA_BPMN.equals(namespace) || ACTIVITI_BPMN.equals(namespace);
  }
}
