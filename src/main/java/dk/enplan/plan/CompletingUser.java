package dk.enplan.plan;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/** The user whose action the engine is executing, for the store's "reported by" (null in a background job). */
final class CompletingUser {

  private CompletingUser() {
  }

  static String of(DelegateExecution execution) {
    var auth = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return auth == null ? null : auth.getUserId();
  }
}
