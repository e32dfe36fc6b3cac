package dk.enplan.process;

import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;

/** Options for a select or checklist in a Camunda Form ({@code valuesKey}): a JSON array of label/value pairs. */
public final class FormOptions {

  private FormOptions() {
  }

  /** Writes {@code options} (value → Danish label, in display order) as the JSON variable {@code name}. */
  public static void set(VariableScope scope, String name, Map<String, String> options) {
    SpinJsonNode array = Spin.JSON("[]");
    options.forEach((value, label) -> {
      SpinJsonNode option = Spin.JSON("{}");
      option.prop("label", label);
      option.prop("value", value);
      array.append(option);
    });
    scope.setVariable(name, SpinValues.jsonValue(array.toString()).create());
  }
}
