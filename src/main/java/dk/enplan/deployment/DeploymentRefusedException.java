package dk.enplan.deployment;

import dk.enplan.process.InvalidInputException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A deployment the rules refuse, with every finding in one Danish message. An {@link InvalidInputException}, so the
 * REST API answers 400 and the command (and with it the deployment) is rolled back.
 */
class DeploymentRefusedException extends InvalidInputException {

  DeploymentRefusedException(String field, List<Finding> findings) {
    super(field, message(findings));
  }

  private static String message(List<Finding> findings) {
    return "Udrulningen er afvist (" + findings.size() + " fejl):\n- "
        + findings.stream().map(Finding::line).collect(Collectors.joining("\n- "));
  }
}
