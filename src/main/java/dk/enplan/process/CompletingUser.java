package dk.enplan.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * The user whose action the engine is executing: the engine's authenticated user (set by the REST API, the webapps
 * and Tasklist for whoever completes the task, sends the message or starts the course), never a variable and never
 * the task's assignee or the course's coordinator, so a covering coordinator is recorded as herself. Null in a
 * background job (an async continuation, a timer), where no user acts.
 */
public final class CompletingUser {

  /** Recorded where a column needs a name but no user acted (the Java API without authentication). */
  public static final String NO_USER = "system";

  private CompletingUser() {
  }

  public static String of(DelegateExecution execution) {
    var auth = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return auth == null ? null : auth.getUserId();
  }

  public static String of(DelegateTask task) {
    return of(task.getExecution());
  }
}
