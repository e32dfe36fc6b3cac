package dk.enplan.form;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A call that submits a form: starting a process (by definition id or key, optionally for a tenant) or completing a
 * task, on {@code /engine-rest} or the webapps' engine API ({@code /camunda/api/engine/engine/{name}}).
 */
record FormSubmission(String engine, String definitionId, String definitionKey, String tenantId, String taskId) {

  private static final String ENGINE = "(?:/engine/(?<engine>[^/]+))?";
  private static final Pattern START = Pattern.compile("^(?:/engine-rest|/camunda/api/engine)" + ENGINE
      + "/process-definition/(?:key/(?<key>[^/]+)(?:/tenant-id/(?<tenant>[^/]+))?|(?<id>[^/]+))"
      + "/(?:submit-form|start)$");
  private static final Pattern TASK = Pattern.compile("^(?:/engine-rest|/camunda/api/engine)" + ENGINE
      + "/task/(?<task>[^/]+)/(?:submit-form|complete|resolve)$");

  /** The submission a POST to this path (servlet path and path info, decoded) makes, if it is one. */
  static Optional<FormSubmission> of(String path) {
    String normalized = path.replaceAll("/{2,}", "/");
    if (normalized.length() > 1 && normalized.endsWith("/")) {
      normalized = normalized.substring(0, normalized.length() - 1);
    }
    Matcher start = START.matcher(normalized);
    if (start.matches()) {
      return Optional.of(new FormSubmission(engine(start), start.group("id"), start.group("key"),
          start.group("tenant"), null));
    }
    Matcher task = TASK.matcher(normalized);
    if (task.matches()) {
      return Optional.of(new FormSubmission(engine(task), null, null, null, task.group("task")));
    }
    return Optional.empty();
  }

  boolean startsProcess() {
    return taskId == null;
  }

  private static String engine(Matcher matcher) {
    return matcher.group("engine") == null ? "default" : matcher.group("engine");
  }
}
