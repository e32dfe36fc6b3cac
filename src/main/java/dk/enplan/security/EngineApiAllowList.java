package dk.enplan.security;

import static dk.enplan.security.EngineCaller.Role.ANALYST;
import static dk.enplan.security.EngineCaller.Role.COORDINATOR;
import static dk.enplan.security.EngineCaller.Role.EVALUATOR;
import static dk.enplan.security.EngineCaller.Role.MANAGER;
import static dk.enplan.security.EngineCaller.Role.NETWORK;
import static dk.enplan.security.EngineCaller.Role.SECTOR;
import static dk.enplan.security.EngineCaller.Role.SPECIALIST_SYSTEM;
import static dk.enplan.security.EngineCaller.Role.VISITATION;

import com.fasterxml.jackson.databind.JsonNode;
import dk.enplan.security.EngineCaller.Role;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The calls of the engine's API each role's work needs, and nothing else. Camunda's REST API is a generic engine
 * API: authorization decides on which instances a call acts, not which calls there are, so a caseworker's login
 * would reach process modification, variable writes and BPMN errors on any task she may work. This list names, per
 * role, the calls Tasklist, Cockpit, Camunda Modeler's deployment and the application's own clients make, with the
 * checks on what they may carry; everything else is refused (403). Administrators ({@code camunda-admin}) may call
 * everything, with one exception that holds for all: no expressions in queries or filters.
 *
 * <p>The path is the part below the engine, the same for {@code /engine-rest} and the webapps' engine API. A
 * {@code *} stands for one path segment (an id); a rule ending in {@code **} covers everything below it.
 */
@Component
class EngineApiAllowList {

  /** The only process a caller may start: the course. Its sector processes are started by the course itself. */
  static final String COURSE_PROCESS_KEY = "en-plan";
  /** The events a course takes at any time after consent, by message. */
  static final Set<String> COURSE_MESSAGES = Set.of("AendredeForhold", "SamtykkeTilbagekaldt", "Klage", "Fraflytning");

  private static final List<Role> TASK_WORKERS = List.of(VISITATION, COORDINATOR, SECTOR);
  private static final List<Role> TASKLIST_USERS = List.of(VISITATION, COORDINATOR, SECTOR, MANAGER, ANALYST);
  private static final List<Role> COCKPIT_USERS = List.of(MANAGER, ANALYST);
  /** Én Plan's Cockpit plugin ({@code /camunda/api/cockpit/plugin/en-plan/…}): the KPIs, also for the network. */
  static final String EN_PLAN_COCKPIT_PLUGIN = "en-plan";
  private static final List<Role> KPI_READERS = List.of(MANAGER, ANALYST, NETWORK);
  private static final List<Role> STARTERS = List.of(VISITATION, COORDINATOR, SPECIALIST_SYSTEM);
  private static final List<Role> DEPLOYERS = List.of(ANALYST, NETWORK);
  private static final List<Role> EVERYONE = List.of(Role.values());
  private static final List<Role> DIRECTORY_READERS =
      List.of(VISITATION, COORDINATOR, SECTOR, MANAGER, ANALYST, SPECIALIST_SYSTEM);

  /** What a start request may carry besides the form's variables (checked by the form submission filter). */
  private static final Set<String> START_FIELDS = Set.of("variables", "withVariablesInReturn");
  /** What a task's assignment or claim may carry. */
  private static final Set<String> USER_ID_FIELD = Set.of("userId");
  /** What a message correlation may carry: a course event for one course, by its course id. */
  private static final Set<String> MESSAGE_FIELDS = Set.of("messageName", "businessKey", "processVariables",
      "resultEnabled", "variablesInResultEnabled", "tenantId");
  /** The fields of a task a caseworker may change herself (Tasklist's "follow-up date"). */
  private static final Set<String> TASK_CHANGEABLE_FIELDS = Set.of("followUp");
  /** Fields of a task Tasklist sends back with an update and the engine does not apply. */
  private static final Set<String> TASK_READ_ONLY_FIELDS = Set.of("id", "created", "lastUpdated", "executionId",
      "processDefinitionId", "processInstanceId", "taskDefinitionKey", "caseExecutionId", "caseDefinitionId",
      "suspended", "formKey", "camundaFormRef", "taskState");
  private static final int COMMENT_MAX = 4000;
  /** The date format of Camunda's REST API ({@code 2026-12-15T23:11:50.000+0000}). */
  private static final java.time.format.DateTimeFormatter ENGINE_DATE =
      java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

  private final EngineLookups engine;
  private final DirectoryScope directory;
  private final List<Rule> rules = new ArrayList<>();

  EngineApiAllowList(EngineLookups engine, DirectoryScope directory) {
    this.engine = engine;
    this.directory = directory;
    everyone();
    tasklist();
    starting();
    cockpit();
    deploying();
    directory();
  }

  /** The verdict on one call by one caller. */
  Verdict judge(EngineCaller caller, EngineApiCall call) {
    Verdict expression = expressionRefusal(call);
    if (expression != null) {
      return expression;
    }
    if (caller.isAdmin() || call.method().equals("OPTIONS")) {
      // OPTIONS answers which links the caller's authorizations offer (Tasklist asks before offering "new filter").
      return Verdict.ALLOW;
    }
    for (Rule rule : rules) {
      if (rule.matches(call)) {
        if (!caller.isInAny(rule.roles())) {
          continue;
        }
        return rule.check().apply(caller, call);
      }
    }
    return notForYourRole(call);
  }

  /**
   * The verdict on a call to a webapp's own API ({@code /camunda/api/<app>/plugin/…}): Cockpit's queries for
   * Cockpit's users, Tasklist's for Tasklist's, everything else (Admin's plugins) for administrators only.
   */
  Verdict judgePlugin(EngineCaller caller, EngineApiCall call, String app) {
    Verdict expression = expressionRefusal(call);
    if (expression != null) {
      return expression;
    }
    if (caller.isAdmin()) {
      return Verdict.ALLOW;
    }
    boolean allowed = switch (app) {
      // Én Plan's page in Cockpit reads the KPIs (GET only); the KPI API behind it decides what each role sees.
      case "cockpit" -> call.segment(2).equals(EN_PLAN_COCKPIT_PLUGIN)
          ? caller.isInAny(KPI_READERS) && call.method().equals("GET")
          : caller.isInAny(COCKPIT_USERS) && List.of("GET", "POST").contains(call.method());
      case "tasklist" -> caller.isInAny(TASKLIST_USERS) && call.method().equals("GET");
      default -> false;
    };
    return allowed ? Verdict.ALLOW : notForYourRole(call);
  }

  /** Expressions are refused for everyone, administrators included. */
  private static Verdict expressionRefusal(EngineApiCall call) {
    String expression = expressionIn(call);
    return expression == null ? null
        : Verdict.forbidden("Udtryk (expressions) er ikke tilladt i forespørgsler og filtre: " + expression);
  }

  private static Verdict notForYourRole(EngineApiCall call) {
    return Verdict.forbidden("Kaldet " + call.method() + " " + call.path()
        + " indgår ikke i det, din rolle må (docs/security.md)");
  }

  // ---------------------------------------------------------------------------------------------------------------
  // The rules, by whose work they serve.

  private void everyone() {
    read(EVERYONE, "version");
    read(EVERYONE, "engine");
    read(EVERYONE, "identity/password-policy");
    read(EVERYONE, "authorization/check");
  }

  /** Tasklist: filters, the task list, a task's form, claim, submit; comments and the follow-up date. */
  private void tasklist() {
    read(TASKLIST_USERS, "filter", "filter/count", "filter/*", "filter/*/list", "filter/*/count",
        "filter/*/singleResult");
    query(TASKLIST_USERS, "filter/*/list", "filter/*/count", "filter/*/singleResult");
    read(TASKLIST_USERS, "task", "task/count", "task/*", "task/*/form", "task/*/deployed-form",
        "task/*/form-variables", "task/*/identity-links", "task/*/comment", "task/*/comment/*", "task/*/variables",
        "task/*/variables/*", "task/*/attachment", "task/*/rendered-form");
    query(TASKLIST_USERS, "task", "task/count");
    read(TASKLIST_USERS, "history/user-operation", "history/user-operation/count", "history/task",
        "history/task/count");
    rule("POST", TASK_WORKERS, "task/*/claim", (caller, call) -> {
      Verdict refusal = fieldsOutside(call, USER_ID_FIELD);
      return refusal != null ? refusal : caller.userId().equals(call.bodyText("userId")) ? Verdict.ALLOW
          : Verdict.forbidden("Du kan kun tage en opgave til dig selv");
    });
    rule("POST", TASK_WORKERS, "task/*/unclaim", (caller, call) -> Verdict.ALLOW);
    rule("POST", TASK_WORKERS, "task/*/assignee", this::assignment);
    rule("POST", TASK_WORKERS, "task/*/submit-form", (caller, call) -> Verdict.ALLOW);
    rule("POST", TASK_WORKERS, "task/*/complete", (caller, call) -> Verdict.ALLOW);
    rule("POST", TASK_WORKERS, "task/*/comment/create", (caller, call) -> {
      String message = call.bodyText("message");
      return message != null && message.length() > COMMENT_MAX
          ? Verdict.badRequest("message: en kommentar må højst være " + COMMENT_MAX + " tegn")
          : Verdict.ALLOW;
    });
    rule("PUT", TASK_WORKERS, "task/*", this::taskUpdate);
  }

  /** Starting a course: Tasklist's start form, or a specialist system's referral over REST. */
  private void starting() {
    read(List.of(VISITATION, COORDINATOR, SECTOR, MANAGER, ANALYST, SPECIALIST_SYSTEM, NETWORK),
        "process-definition", "process-definition/count", "process-definition/*", "process-definition/*/xml",
        "process-definition/*/startForm", "process-definition/*/deployed-start-form",
        "process-definition/*/form-variables", "process-definition/*/diagram",
        "process-definition/key/*", "process-definition/key/*/xml", "process-definition/key/*/startForm",
        "process-definition/key/*/deployed-start-form", "process-definition/key/*/form-variables",
        "process-definition/key/*/tenant-id/*", "process-definition/key/*/tenant-id/*/xml",
        "process-definition/key/*/tenant-id/*/startForm", "process-definition/key/*/tenant-id/*/deployed-start-form",
        "process-definition/key/*/tenant-id/*/form-variables");
    for (String action : List.of("start", "submit-form")) {
      rule("POST", STARTERS, "process-definition/*/" + action,
          (caller, call) -> start(call, engine.processDefinitionKey(call.segment(1)).orElse(null)));
      rule("POST", STARTERS, "process-definition/key/*/" + action, (caller, call) -> start(call, call.segment(2)));
      rule("POST", STARTERS, "process-definition/key/*/tenant-id/*/" + action, (caller, call) ->
          caller.tenants().contains(call.segment(4)) ? start(call, call.segment(2))
              : Verdict.forbidden("Du kan kun starte forløb i din egen kommune"));
    }
    rule("POST", List.of(COORDINATOR, SPECIALIST_SYSTEM), "message", this::courseEvent);
  }

  /** Cockpit for managers and analysts: reading courses, their tasks, incidents and history. Nothing that changes. */
  private void cockpit() {
    read(COCKPIT_USERS, "process-definition/statistics", "process-definition/*/statistics",
        "process-definition/*/static-called-process-definitions", "process-instance", "process-instance/count",
        "process-instance/*", "process-instance/*/activity-instances", "process-instance/*/variables",
        "process-instance/*/variables/*", "execution", "execution/count", "incident", "incident/count", "job",
        "job/count", "job-definition", "job-definition/count", "variable-instance", "variable-instance/count",
        "external-task", "external-task/count", "decision-definition", "decision-definition/count",
        "decision-definition/*", "decision-definition/*/xml", "decision-requirements-definition",
        "decision-requirements-definition/count", "decision-requirements-definition/*",
        "decision-requirements-definition/*/xml", "history/**", "task/report/candidate-group-count",
        "case-definition", "case-definition/count", "case-instance", "case-instance/count");
    query(COCKPIT_USERS, "process-instance", "process-instance/count", "execution", "execution/count",
        "variable-instance", "variable-instance/count", "external-task", "external-task/count",
        "history/process-instance", "history/process-instance/count", "history/activity-instance",
        "history/activity-instance/count", "history/task", "history/task/count", "history/variable-instance",
        "history/variable-instance/count", "history/decision-instance", "history/decision-instance/count",
        "history/incident", "history/incident/count", "history/job-log", "history/job-log/count");
  }

  /** Camunda Modeler's deployment, for analysts (their municipality) and the network (shared models). */
  private void deploying() {
    read(List.of(ANALYST, NETWORK, MANAGER), "deployment", "deployment/count", "deployment/*", "deployment/*/resources",
        "deployment/*/resources/*", "deployment/*/resources/*/data");
    rule("POST", DEPLOYERS, "deployment/create", (caller, call) -> Verdict.ALLOW);
  }

  /** Names in Tasklist and Cockpit: the users and groups of the caller's own municipality only. */
  private void directory() {
    rule("GET", DIRECTORY_READERS, "user", directory::userQuery);
    rule("GET", DIRECTORY_READERS, "user/count", directory::userQuery);
    rule("GET", DIRECTORY_READERS, "user/*/profile", (caller, call) -> directory.user(caller, call.segment(1)));
    rule("GET", DIRECTORY_READERS, "group", directory::groupQuery);
    rule("GET", DIRECTORY_READERS, "group/count", directory::groupQuery);
    rule("GET", DIRECTORY_READERS, "group/*", (caller, call) -> Verdict.ALLOW);
    // Cockpit's task dashboard asks for the names of candidate groups with a POST query ({"idIn": [...]}).
    rule("POST", COCKPIT_USERS, "group", (caller, call) -> call.bodyHas("member") || call.bodyHas("memberOfTenant")
        ? Verdict.forbidden("Grupper kan kun søges på navn her") : Verdict.ALLOW);
    rule("GET", DIRECTORY_READERS, "identity/groups", (caller, call) ->
        caller.userId().equals(call.parameter("userId")) ? Verdict.ALLOW
            : Verdict.forbidden("Du kan kun se dine egne grupper"));
    rule("GET", DIRECTORY_READERS, "tenant", directory::tenantQuery);
    rule("GET", DIRECTORY_READERS, "tenant/count", directory::tenantQuery);
    read(List.of(EVALUATOR, NETWORK), "identity/groups");
  }

  // ---------------------------------------------------------------------------------------------------------------
  // The checks on what a call carries.

  private Verdict start(EngineApiCall call, String processKey) {
    if (!COURSE_PROCESS_KEY.equals(processKey)) {
      return Verdict.forbidden("Kun et Én Plan-forløb (" + COURSE_PROCESS_KEY
          + ") kan startes; sektorernes processer startes af forløbet selv");
    }
    Verdict refusal = fieldsOutside(call, START_FIELDS);
    return refusal != null ? refusal : Verdict.ALLOW;
  }

  /** Assignment: to oneself, or, for a coordinator covering for a colleague, to a coordinator of her municipality. */
  private Verdict assignment(EngineCaller caller, EngineApiCall call) {
    Verdict refusal = fieldsOutside(call, USER_ID_FIELD);
    if (refusal != null) {
      return refusal;
    }
    String assignee = call.bodyText("userId");
    if (assignee == null) {
      return Verdict.forbidden("Brug 'Frigiv' (unclaim) for at slippe en opgave");
    }
    if (assignee.equals(caller.userId())) {
      return Verdict.ALLOW;
    }
    boolean cover = caller.isIn(COORDINATOR) && caller.onlyTenant()
        .map(tenant -> engine.isCoordinatorIn(assignee, tenant)).orElse(false);
    return cover ? Verdict.ALLOW : Verdict.forbidden("En opgave kan kun gives til dig selv eller, som dækning, til "
        + "en koordinerende kontaktperson i din egen kommune");
  }

  /**
   * Tasklist sends the whole task to change its follow-up date; nothing else of it may change. The fields the
   * engine would apply must be as they are; the read-only ones Tasklist sends along the engine ignores; any other
   * field is refused.
   */
  private Verdict taskUpdate(EngineCaller caller, EngineApiCall call) {
    Task task = engine.task(call.segment(1)).orElse(null);
    if (task == null || call.body() == null || !call.body().isObject()) {
      return Verdict.forbidden("Opgaven findes ikke");
    }
    Map<String, Object> applied = new java.util.HashMap<>();
    applied.put("name", task.getName());
    applied.put("description", task.getDescription());
    applied.put("assignee", task.getAssignee());
    applied.put("owner", task.getOwner());
    applied.put("delegationState", task.getDelegationState() == null ? null : task.getDelegationState().name());
    applied.put("priority", task.getPriority());
    applied.put("parentTaskId", task.getParentTaskId());
    applied.put("caseInstanceId", task.getCaseInstanceId());
    applied.put("tenantId", task.getTenantId());
    for (Iterator<Map.Entry<String, JsonNode>> fields = call.body().fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      String name = field.getKey();
      boolean unchanged = name.equals("due") ? sameInstant(field.getValue(), task.getDueDate())
          : applied.containsKey(name) && sameValue(field.getValue(), applied.get(name));
      if (!TASK_CHANGEABLE_FIELDS.contains(name) && !TASK_READ_ONLY_FIELDS.contains(name) && !unchanged) {
        return Verdict.forbidden("Kun opfølgningsdatoen kan ændres på en opgave (ikke '" + name + "')");
      }
    }
    return Verdict.ALLOW;
  }

  /** A course event: one of the four messages, for one course by its course id, nothing that widens the target. */
  private Verdict courseEvent(EngineCaller caller, EngineApiCall call) {
    Verdict refusal = fieldsOutside(call, MESSAGE_FIELDS);
    if (refusal != null) {
      return refusal;
    }
    if (!COURSE_MESSAGES.contains(call.bodyText("messageName"))) {
      return Verdict.forbidden("Kun forløbets hændelser kan sendes: " + String.join(", ", COURSE_MESSAGES));
    }
    if (call.bodyText("businessKey") == null || call.bodyText("businessKey").isBlank()) {
      return Verdict.badRequest("businessKey: angiv forløbets id");
    }
    if (call.bodyHas("variablesInResultEnabled") && call.body().get("variablesInResultEnabled").asBoolean()) {
      return Verdict.forbidden("Forløbets variable sendes ikke tilbage");
    }
    String tenant = call.bodyText("tenantId");
    if (tenant != null && !caller.tenants().contains(tenant)) {
      return Verdict.forbidden("Du kan kun sende hændelser til forløb i din egen kommune");
    }
    return Verdict.ALLOW;
  }

  /** The refusal of a body with a field outside {@code allowed}, or null when its fields are all allowed. */
  private static Verdict fieldsOutside(EngineApiCall call, Set<String> allowed) {
    if (call.body() == null) {
      return null;
    }
    if (!call.body().isObject()) {
      return Verdict.badRequest("Forespørgslens indhold skal være et JSON-objekt");
    }
    for (Iterator<String> names = call.body().fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!allowed.contains(name)) {
        return Verdict.forbidden("Feltet '" + name + "' er ikke tilladt i dette kald");
      }
    }
    return null;
  }

  /**
   * The first expression a call carries, or null: a query parameter or a JSON field (at any depth, so also inside
   * {@code orQueries} and a filter's query) named {@code …Expression}, or a value that is an expression. Camunda
   * evaluates such fields on the server; its switch against expressions in ad-hoc queries misses {@code orQueries}.
   */
  static String expressionIn(EngineApiCall call) {
    for (Map.Entry<String, List<String>> parameter : call.parameters().entrySet()) {
      if (isExpressionName(parameter.getKey())
          || parameter.getValue().stream().anyMatch(EngineApiAllowList::isExpressionValue)) {
        return parameter.getKey();
      }
    }
    return call.body() == null || call.path().startsWith("deployment/") ? null : expressionIn(call.body(), "");
  }

  private static String expressionIn(JsonNode node, String path) {
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
        Map.Entry<String, JsonNode> field = fields.next();
        String fieldPath = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
        if (isExpressionName(field.getKey()) && !field.getValue().isNull()) {
          return fieldPath;
        }
        String nested = expressionIn(field.getValue(), fieldPath);
        if (nested != null) {
          return nested;
        }
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        String nested = expressionIn(node.get(i), path + "[" + i + "]");
        if (nested != null) {
          return nested;
        }
      }
    }
    return null;
  }

  private static boolean isExpressionName(String name) {
    String lower = name.toLowerCase(java.util.Locale.ROOT);
    return lower.endsWith("expression") || lower.endsWith("expressions");
  }

  private static boolean isExpressionValue(String value) {
    return value != null && (value.contains("${") || value.contains("#{"));
  }

  private static boolean sameValue(JsonNode sent, Object current) {
    if (sent == null || sent.isNull()) {
      return current == null;
    }
    if (current instanceof Number number) {
      return sent.isNumber() && sent.asLong() == number.longValue();
    }
    return current != null && Objects.equals(sent.asText(), current.toString());
  }

  private static boolean sameInstant(JsonNode sent, java.util.Date current) {
    if (sent == null || sent.isNull()) {
      return current == null;
    }
    if (current == null) {
      return false;
    }
    try {
      return java.time.OffsetDateTime.parse(sent.asText(), ENGINE_DATE).toInstant()
          .equals(current.toInstant());
    } catch (java.time.format.DateTimeParseException e) {
      return false;
    }
  }

  // ---------------------------------------------------------------------------------------------------------------
  // The rule table.

  private void read(List<Role> roles, String... patterns) {
    for (String pattern : patterns) {
      rule("GET", roles, pattern, (caller, call) -> Verdict.ALLOW);
    }
  }

  /** Query endpoints that take their criteria as a POST body (expressions are refused before any rule). */
  private void query(List<Role> roles, String... patterns) {
    for (String pattern : patterns) {
      rule("POST", roles, pattern, (caller, call) -> Verdict.ALLOW);
    }
  }

  private void rule(String method, List<Role> roles, String pattern,
                    BiFunction<EngineCaller, EngineApiCall, Verdict> check) {
    rules.add(new Rule(method, List.of(pattern.split("/")), roles, check));
  }

  /** One allowed call: method, path pattern, the roles it serves, and what it may carry. */
  record Rule(String method, List<String> pattern, List<Role> roles,
              BiFunction<EngineCaller, EngineApiCall, Verdict> check) {

    boolean matches(EngineApiCall call) {
      if (!method.equals(call.method())) {
        return false;
      }
      List<String> path = call.segments();
      for (int i = 0; i < pattern.size(); i++) {
        String part = pattern.get(i);
        if (part.equals("**")) {
          return path.size() > i;
        }
        if (i >= path.size() || !(part.equals("*") || part.equals(path.get(i)))) {
          return false;
        }
      }
      return path.size() == pattern.size();
    }
  }
}
