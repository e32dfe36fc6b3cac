package dk.enplan.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The allow-list alone, without an engine: which role may make which call, and what a call may carry. The same
 * calls over real HTTP, with their effect on courses, are in {@link EngineApiAttackIT}.
 */
class EngineApiAllowListTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private EngineApiAllowList allowList;

  @BeforeEach
  void setUp() {
    EngineLookups engine = mock(EngineLookups.class);
    when(engine.processDefinitionKey(anyString())).thenAnswer(call -> switch ((String) call.getArgument(0)) {
      case "enplan-1" -> Optional.of("en-plan");
      case "udredning-1" -> Optional.of("sektor-udredning");
      default -> Optional.empty();
    });
    when(engine.isCoordinatorIn("koordinator2.allerod", "allerod")).thenReturn(true);
    when(engine.isMemberOf("koordinator2.allerod", "allerod")).thenReturn(true);
    allowList = new EngineApiAllowList(engine, new DirectoryScope(engine));
  }

  @ParameterizedTest(name = "{0} {1} {2} {3} → {4}")
  @CsvSource(delimiter = '|', textBlock = """
      # Tasklist, as a caseworker uses it
      visitation.allerod  | GET  | filter                                 |                                         | 200
      visitation.allerod  | POST | filter/f1/list                         | {"sorting":[{"sortBy":"dueDate"}]}      | 200
      koordinator.allerod | GET  | task/t1/form-variables                 |                                         | 200
      koordinator.allerod | POST | task/t1/claim                          | {"userId":"koordinator.allerod"}        | 200
      koordinator.allerod | POST | task/t1/submit-form                    | {"variables":{}}                        | 200
      sektor-unge.allerod | POST | task/t1/unclaim                        |                                         | 200
      koordinator.allerod | POST | task/t1/assignee                       | {"userId":"koordinator2.allerod"}       | 200
      visitation.allerod  | POST | process-definition/enplan-1/submit-form | {"variables":{}}                       | 200
      fagsystem.allerod   | POST | process-definition/key/en-plan/start   | {"variables":{}}                        | 200
      fagsystem.allerod   | POST | process-definition/key/en-plan/tenant-id/allerod/start | {"variables":{}}        | 200
      koordinator.allerod | POST | message                                | {"messageName":"Klage","businessKey":"c1"} | 200
      koordinator.allerod | OPTIONS | filter                              |                                         | 200
      # Cockpit, for managers; deployment, for analysts
      leder.allerod       | GET  | process-definition/statistics          |                                         | 200
      leder.allerod       | POST | process-instance                       | {"processDefinitionKey":"en-plan"}      | 200
      leder.allerod       | GET  | history/activity-instance              |                                         | 200
      analytiker.allerod  | POST | deployment/create                      |                                         | 200
      netvaerk            | POST | deployment/create                      |                                         | 200
      # Start instructions, other processes, what a start may not carry
      visitation.allerod  | POST | process-definition/key/en-plan/start   | {"startInstructions":[{"type":"startBeforeActivity","activityId":"obtainConsent"}]} | 403
      visitation.allerod  | POST | process-definition/key/en-plan/start   | {"variables":{},"skipCustomListeners":true} | 403
      visitation.allerod  | POST | process-definition/key/en-plan/start   | {"variables":{},"businessKey":"c2"}     | 403
      visitation.allerod  | POST | process-definition/key/sektor-udredning/start | {"variables":{}}                 | 403
      visitation.allerod  | POST | process-definition/udredning-1/submit-form | {"variables":{}}                    | 403
      visitation.allerod  | POST | process-definition/key/en-plan/tenant-id/ballerup/start | {"variables":{}}       | 403
      sektor-unge.allerod | POST | process-definition/key/en-plan/start   | {"variables":{}}                        | 403
      leder.allerod       | POST | process-definition/enplan-1/submit-form | {"variables":{}}                       | 403
      # Writes outside a form, modification, errors, identity links, delegation, assignment
      koordinator.allerod | PUT  | task/t1/variables/coordinator          | {"value":"koordinator.ballerup"}        | 403
      koordinator.allerod | POST | task/t1/variables                      | {"modifications":{}}                    | 403
      koordinator.allerod | POST | process-instance/p1/variables          | {"modifications":{}}                    | 403
      koordinator.allerod | POST | process-instance/p1/modification       | {"instructions":[]}                     | 403
      koordinator.allerod | POST | task/t1/bpmnError                      | {"errorCode":"DELIVERY_REJECTED"}       | 403
      koordinator.allerod | POST | task/t1/bpmnEscalation                 | {"escalationCode":"x"}                  | 403
      koordinator.allerod | POST | task/t1/identity-links                 | {"groupId":"sektor-familie","type":"candidate"} | 403
      koordinator.allerod | POST | task/t1/delegate                       | {"userId":"koordinator2.allerod"}       | 403
      koordinator.allerod | POST | task/t1/assignee                       | {"userId":"koordinator.ballerup"}       | 403
      koordinator.allerod | POST | task/t1/assignee                       | {"userId":"findes.ikke"}                | 403
      visitation.allerod  | POST | task/t1/assignee                       | {"userId":"koordinator2.allerod"}       | 403
      visitation.allerod  | POST | task/t1/claim                          | {"userId":"visitation.ballerup"}        | 403
      koordinator.allerod | DELETE | process-instance/p1                  |                                         | 403
      leder.allerod       | PUT  | process-instance/p1/suspended          | {"suspended":true}                      | 403
      leder.allerod       | PUT  | job/j1/retries                         | {"retries":1}                           | 403
      fagsystem.allerod   | POST | external-task/fetchAndLock             | {"workerId":"x","maxTasks":1}          | 403
      visitation.allerod  | POST | deployment/create                      |                                         | 403
      koordinator.allerod | POST | message                                | {"messageName":"Klage","processInstanceId":"p1"} | 403
      koordinator.allerod | POST | message                                | {"messageName":"Klage","businessKey":"c1","all":true} | 403
      koordinator.allerod | POST | message                                | {"messageName":"Andet","businessKey":"c1"} | 403
      koordinator.allerod | POST | message                                | {"messageName":"Klage","businessKey":"c1","tenantId":"ballerup"} | 403
      koordinator.allerod | POST | filter/create                          | {"resourceType":"Task","name":"x","query":{}} | 403
      # Expressions, for everyone: orQueries, parameters, filters
      sektor-unge.allerod | POST | task                                   | {"orQueries":[{"assigneeExpression":"${''.getClass()}"}]} | 403
      admin               | POST | task                                   | {"orQueries":[{"assigneeExpression":"${''.getClass()}"}]} | 403
      admin               | POST | filter/create                          | {"resourceType":"Task","name":"x","query":{"candidateGroupsExpression":"${currentUserGroups()}"}} | 403
      koordinator.allerod | POST | filter/f1/list                         | {"orQueries":[{"dueDateExpression":"${now()}"}]} | 403
      # Directory
      koordinator.allerod | GET  | user/koordinator2.allerod/profile      |                                         | 200
      koordinator.allerod | GET  | user/koordinator.ballerup/profile      |                                         | 403
      koordinator.allerod | GET  | group                                  |                                         | 200
      koordinator.allerod | GET  | identity/groups?userId=koordinator.ballerup |                                    | 403
      # Administrators may do what the course's rules do not offer caseworkers
      admin               | POST | process-instance/p1/modification       | {"instructions":[]}                     | 200
      """)
  void judgesTheCall(String user, String method, String path, String body, int expected) throws Exception {
    EngineApiCall call = call(method, path, body);
    assertThat(allowList.judge(caller(user), call).status()).as("%s %s %s", user, method, path).isEqualTo(expected);
  }

  /**
   * The webapps' own API: Én Plan's Cockpit plugin reads the KPIs (GET) for leaders, analysts and the network (the
   * KPI API behind it decides what each sees, docs/kpi.md); Cockpit's own plugins stay for Cockpit's users.
   */
  @ParameterizedTest(name = "{0} {1} {2} {3} → {4}")
  @CsvSource(delimiter = '|', textBlock = """
      leder.allerod       | GET  | cockpit  | cockpit/plugin/en-plan/default/kpi/summary        | 200
      analytiker.allerod  | GET  | cockpit  | cockpit/plugin/en-plan/default/kpi/courses        | 200
      netvaerk            | GET  | cockpit  | cockpit/plugin/en-plan/default/kpi/summary        | 200
      netvaerk            | GET  | cockpit  | cockpit/plugin/en-plan/default/municipalities     | 200
      netvaerk            | POST | cockpit  | cockpit/plugin/en-plan/default/kpi/summary        | 403
      leder.allerod       | POST | cockpit  | cockpit/plugin/en-plan/default/kpi/summary        | 403
      koordinator.allerod | GET  | cockpit  | cockpit/plugin/en-plan/default/kpi/summary        | 403
      evaluering          | GET  | cockpit  | cockpit/plugin/en-plan/default/kpi/summary        | 403
      netvaerk            | GET  | cockpit  | cockpit/plugin/base/default/process-instance      | 403
      netvaerk            | POST | cockpit  | cockpit/plugin/base/default/process-instance      | 403
      leder.allerod       | POST | cockpit  | cockpit/plugin/base/default/process-instance      | 200
      netvaerk            | GET  | admin    | admin/plugin/en-plan/default/kpi/summary          | 403
      """)
  void judgesTheWebappsOwnApi(String user, String method, String app, String path, int expected) throws Exception {
    EngineApiCall call = call(method, path, null);
    assertThat(allowList.judgePlugin(caller(user), call, app).status()).as("%s %s %s", user, method, path)
        .isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      koordinator.allerod | user?memberOfTenant=ballerup | 403 |
      koordinator.allerod | user                         | 200 | allerod
      koordinator.allerod | user?firstName=Koordinator   | 200 | allerod
      netvaerk            | user                         | 403 |
      """)
  void keepsTheDirectoryWithinTheCallersMunicipality(String user, String path, int expected, String tenant)
      throws Exception {
    Verdict verdict = allowList.judge(caller(user), call("GET", path, null));
    assertThat(verdict.status()).isEqualTo(expected);
    if (tenant != null) {
      assertThat(verdict.addedParameters()).containsEntry("memberOfTenant", List.of(tenant));
    }
  }

  @org.junit.jupiter.api.Test
  void aTaskUpdateMayChangeTheFollowUpDateAndNothingElse() throws Exception {
    org.camunda.bpm.engine.task.Task task = mock(org.camunda.bpm.engine.task.Task.class);
    when(task.getId()).thenReturn("t1");
    when(task.getName()).thenReturn("Indhent samtykke");
    when(task.getAssignee()).thenReturn("koordinator.allerod");
    when(task.getPriority()).thenReturn(50);
    when(task.getTenantId()).thenReturn("allerod");
    when(task.getDueDate()).thenReturn(java.util.Date.from(java.time.Instant.parse("2026-12-15T23:11:50Z")));
    EngineLookups engine = mock(EngineLookups.class);
    when(engine.task("t1")).thenReturn(Optional.of(task));
    EngineApiAllowList list = new EngineApiAllowList(engine, new DirectoryScope(engine));
    String asTasklistSendsIt = """
        {"id":"t1","name":"Indhent samtykke","assignee":"koordinator.allerod","created":"2026-12-01T23:11:50.485+0000",
         "due":"2026-12-15T23:11:50.000+0000","followUp":"2026-12-01T23:17:00.000+0000","delegationState":null,
         "description":null,"executionId":"e1","owner":null,"parentTaskId":null,"priority":50,
         "processDefinitionId":"en-plan:1:x","processInstanceId":"p1","taskDefinitionKey":"obtainConsent",
         "caseExecutionId":null,"caseInstanceId":null,"caseDefinitionId":null,"suspended":false,"formKey":null,
         "camundaFormRef":{"key":"samtykke","binding":"deployment","version":null},"tenantId":"allerod"}""";
    EngineCaller coordinator = caller("koordinator.allerod");
    assertThat(list.judge(coordinator, call("PUT", "task/t1", asTasklistSendsIt)).status()).isEqualTo(200);
    for (String change : List.of("\"assignee\":\"koordinator.ballerup\"", "\"priority\":100",
        "\"due\":\"2027-01-01T00:00:00.000+0000\"", "\"owner\":\"visitation.allerod\"",
        "\"tenantId\":\"ballerup\"", "\"delegationState\":\"PENDING\"", "\"somethingElse\":1")) {
      String body = "{\"id\":\"t1\",\"name\":\"Indhent samtykke\"," + change + "}";
      assertThat(list.judge(coordinator, call("PUT", "task/t1", body)).status()).as(change).isEqualTo(403);
    }
  }

  private static EngineCaller caller(String user) {
    if (user.equals("admin")) {
      return new EngineCaller(user, List.of("camunda-admin"), List.of());
    }
    if (!user.contains(".")) {
      return new EngineCaller(user, List.of(user), List.of());
    }
    String[] parts = user.split("\\.");
    return new EngineCaller(user, List.of(parts[0]), List.of(parts[1]));
  }

  private static EngineApiCall call(String method, String pathAndQuery, String body) throws Exception {
    String[] split = pathAndQuery.split("\\?", 2);
    Map<String, List<String>> parameters = new LinkedHashMap<>();
    if (split.length == 2) {
      for (String pair : split[1].split("&")) {
        String[] kv = pair.split("=", 2);
        parameters.computeIfAbsent(kv[0], k -> new ArrayList<>()).add(kv.length == 2 ? kv[1] : "");
      }
    }
    JsonNode json = body == null || body.isBlank() ? null : JSON.readTree(body);
    return new EngineApiCall(method, Arrays.asList(split[0].split("/")), parameters, json);
  }
}
