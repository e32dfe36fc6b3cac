package dk.enplan.course;

import dk.enplan.process.InvalidInputException;
import dk.enplan.process.ProcessVariable;
import org.camunda.bpm.engine.delegate.VariableScope;

/** The "ja"/"nej" answers the forms give and the gateways read. */
final class YesNo {

  private YesNo() {
  }

  static String require(ProcessVariable<String> variable, VariableScope scope) {
    String answer = variable.from(scope);
    if (!CourseVariables.YES.equals(answer) && !CourseVariables.NO.equals(answer)) {
      throw new InvalidInputException(variable.name(), "skal være 'ja' eller 'nej'");
    }
    return answer;
  }
}
