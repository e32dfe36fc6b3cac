package dk.enplan.security;

import java.util.List;
import java.util.Map;

/**
 * The allow-list's answer to one call: let it through (possibly with query parameters added, to keep a directory
 * query within the caller's municipality), or refuse it with a status and a Danish reason.
 */
record Verdict(boolean allowed, int status, String reason, Map<String, List<String>> addedParameters) {

  static final Verdict ALLOW = new Verdict(true, 200, null, Map.of());

  static Verdict allowWith(String parameter, String value) {
    return new Verdict(true, 200, null, Map.of(parameter, List.of(value)));
  }

  static Verdict forbidden(String reason) {
    return new Verdict(false, 403, reason, Map.of());
  }

  static Verdict badRequest(String reason) {
    return new Verdict(false, 400, reason, Map.of());
  }
}
