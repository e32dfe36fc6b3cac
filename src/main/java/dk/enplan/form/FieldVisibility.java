package dk.enplan.form;

import java.util.List;
import java.util.Map;
import org.camunda.feel.api.EvaluationResult;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;
import org.springframework.stereotype.Component;

/**
 * Whether form-js shows a field: its {@code conditional.hide} FEEL (and its enclosing groups') evaluated with the
 * FEEL engine the process engine ships, against the submitted values over the existing variables. A hidden field is
 * not submitted by Tasklist, so it is neither required nor allowed.
 */
@Component
class FieldVisibility {

  private final FeelEngineApi feel = FeelEngineBuilder.forJava().build();

  boolean visible(List<String> hideExpressions, Map<String, Object> context) {
    for (String hide : hideExpressions) {
      String expression = hide.startsWith("=") ? hide.substring(1) : hide;
      EvaluationResult result = feel.evaluateExpression(expression, context);
      if (result.isSuccess() && Boolean.TRUE.equals(result.result())) {
        return false;
      }
    }
    return true;
  }
}
