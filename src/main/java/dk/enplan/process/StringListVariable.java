package dk.enplan.process;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.Variables.SerializationDataFormats;
import org.camunda.spin.json.SpinJsonNode;

/**
 * A list of strings, as a checklist in Camunda Forms writes it: Tasklist submits a Spin JSON array the first time
 * and the stored type afterwards. This reads either and always writes a JSON-serialized {@code ArrayList<String>}
 * that FEEL, multi-instance collections and Tasklist all understand.
 */
public final class StringListVariable {

  private final String name;

  public StringListVariable(String name) {
    this.name = name;
  }

  public String name() {
    return name;
  }

  /** Distinct values in their given order; empty when the variable is absent. */
  public List<String> from(VariableScope scope) {
    Object value = scope.getVariable(name);
    LinkedHashSet<String> values = new LinkedHashSet<>();
    if (value == null) {
      return List.of();
    } else if (value instanceof Collection<?> collection) {
      collection.forEach(item -> values.add(String.valueOf(item)));
    } else if (value instanceof SpinJsonNode node && node.isArray()) {
      node.elements().forEach(item -> values.add(item.isString() ? item.stringValue() : item.toString()));
    } else {
      throw new InvalidInputException(name, "skal være en liste");
    }
    return List.copyOf(values);
  }

  public void set(VariableScope scope, List<String> values) {
    scope.setVariable(name, Variables.objectValue(new ArrayList<>(values))
        .serializationDataFormat(SerializationDataFormats.JSON).create());
  }

  @Override
  public String toString() {
    return name;
  }
}
