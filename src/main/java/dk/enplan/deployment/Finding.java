package dk.enplan.deployment;

/**
 * One reason a deployment is refused: the resource, the element (its type and id), where in it, and why (Danish).
 */
record Finding(String resource, String element, String where, String why) {

  /** One line of the refusal, e.g. {@code angreb.bpmn, serviceTask 'grant', camunda:expression: …}. */
  String line() {
    StringBuilder line = new StringBuilder(resource);
    if (element != null && !element.isBlank()) {
      line.append(", ").append(element);
    }
    if (where != null && !where.isBlank()) {
      line.append(", ").append(where);
    }
    return line.append(": ").append(why).toString();
  }
}
