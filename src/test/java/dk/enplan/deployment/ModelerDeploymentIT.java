package dk.enplan.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.enplan.course.CourseSteps;
import dk.enplan.testing.AttackReport;
import dk.enplan.testing.CourseDriver;
import dk.enplan.testing.DeployedForm;
import dk.enplan.testing.CourseEngineTest;
import dk.enplan.testing.TestIdentity;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Deployments over real HTTP exactly as Camunda Modeler sends them (multipart {@code POST /engine-rest/deployment/
 * create} with deployment-name, deployment-source, deploy-changed-only, tenant-id and the file): an analyst deploys
 * harmless models for her own municipality; another municipality, shared models without the network role, and
 * models that would run code are refused with 400 listing the elements, and nothing is deployed.
 */
@CourseEngineTest
class ModelerDeploymentIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ANALYST = "analytiker.allerod";
  private static final Path MARKER = Path.of(System.getProperty("java.io.tmpdir"), "enplan-deployment-marker");

  private final HttpClient http = HttpClient.newHttpClient();
  private final List<String> deployed = new ArrayList<>();

  @LocalServerPort int port;
  @Autowired TestIdentity identity;
  @Autowired IdentityService identityService;
  @Autowired RepositoryService repository;
  @Autowired ManagementService management;
  @Autowired RuntimeService runtime;
  @Autowired FormService forms;
  @Autowired CourseDriver driver;

  @BeforeEach
  void setUp() throws Exception {
    identity.ensure();
    Files.deleteIfExists(MARKER);
  }

  @AfterEach
  void removeWhatWasDeployed() {
    deployed.forEach(id -> repository.deleteDeployment(id, true, true));
  }

  @Test
  void anAnalystDeploysAHarmlessDecisionTableAndProcessForHerOwnMunicipality() throws Exception {
    HttpResponse<String> table = deploy(ANALYST, "allerod", "frister-allerod.dmn", decisionTable("FEEL"));
    assertThat(table.statusCode()).as(table.body()).isEqualTo(200);
    JsonNode body = remember(table);
    assertThat(body.path("tenantId").asText()).isEqualTo("allerod");
    assertThat(body.path("deployedDecisionDefinitions").size()).isEqualTo(1);

    HttpResponse<String> process = deploy(ANALYST, "allerod", "analyse.bpmn", process("""
        <bpmn:startEvent id="start"/><bpmn:sequenceFlow id="toReview" sourceRef="start" targetRef="review"/>
        <bpmn:userTask id="review" name="Gennemgå ${sectorCatalog.get(sector).name()}"
          camunda:candidateGroups="${courseRoles.sectorGroup(execution)}"
          camunda:dueDate="${courseDeadlines.taskDueDate(execution)}">
          <bpmn:extensionElements><camunda:taskListener event="complete" delegateExpression="${closureCheck}"/>
          </bpmn:extensionElements></bpmn:userTask>
        <bpmn:sequenceFlow id="yes" sourceRef="review" targetRef="end">
          <bpmn:conditionExpression>${answer == 'ja' &amp;&amp; !empty sector}</bpmn:conditionExpression>
        </bpmn:sequenceFlow>
        <bpmn:endEvent id="end"/>"""));
    assertThat(process.statusCode()).as(process.body()).isEqualTo(200);
    assertThat(remember(process).path("deployedProcessDefinitions").size()).isEqualTo(1);
  }

  @Test
  void theNetworkRoleDeploysSharedModelsWithoutTenant() throws Exception {
    HttpResponse<String> response = deploy(TestIdentity.NETWORK, null, "frister-faelles.dmn", decisionTable("FEEL"));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(remember(response).path("tenantId").isNull()).isTrue();
  }

  @Test
  void anAnalystCannotDeployForAnotherMunicipality() throws Exception {
    refused("3", "analyst deploys a decision table under another municipality's tenant", ANALYST, "ballerup",
        "frister-ballerup.dmn", decisionTable("FEEL"), "tenant-id", "'ballerup' er ikke din kommune");
  }

  @Test
  void anAnalystCannotDeploySharedModels() throws Exception {
    refused("3", "analyst deploys a shared decision table (no tenant, all nine municipalities)", ANALYST, null,
        "frister-faelles.dmn", decisionTable("FEEL"), "tenant-id", "kræver netværksrollen 'netvaerk'");
  }

  @Test
  void aServiceTaskExpressionCallingTheIdentityServiceOnATimerIsRefused() throws Exception {
    refused("3", "BPMN: timer start + service task camunda:expression identityService.createMembership", ANALYST,
        "allerod", "angreb.bpmn", process("""
        <bpmn:startEvent id="tick"><bpmn:timerEventDefinition id="tickTimer">
          <bpmn:timeCycle>R/PT1S</bpmn:timeCycle></bpmn:timerEventDefinition></bpmn:startEvent>
        <bpmn:serviceTask id="grantAdmin"
          camunda:expression="${identityService.createMembership('analytiker.allerod','camunda-admin')}"/>"""),
        "deployment", "angreb.bpmn, serviceTask 'grantAdmin', camunda:expression: udtrykket "
            + "'${identityService.createMembership('analytiker.allerod','camunda-admin')}': kaldet "
            + "identityService.createMembership(_,_) står ikke på listen over tilladte kald");
  }

  @Test
  void aScriptTaskIsRefused() throws Exception {
    refused("3", "BPMN: script task (javascript writes a marker file)", ANALYST, "allerod", "script.bpmn", process("""
        <bpmn:scriptTask id="runScript" scriptFormat="javascript">
          <bpmn:script>new java.io.File('%s').createNewFile()</bpmn:script></bpmn:scriptTask>"""
        .formatted(MARKER)), "deployment", "scriptTask 'runScript'");
  }

  @Test
  void aJavaClassIsRefused() throws Exception {
    refused("3", "BPMN: camunda:class on a service task and a listener", ANALYST, "allerod", "klasse.bpmn",
        process("""
        <bpmn:serviceTask id="javaClass" camunda:class="org.camunda.bpm.engine.impl.bpmn.behavior.ShellActivityBehavior">
          <bpmn:extensionElements><camunda:executionListener event="start" class="java.lang.Object"/>
          </bpmn:extensionElements></bpmn:serviceTask>"""),
        "deployment", "serviceTask 'javaClass', camunda:class", "executionListener i serviceTask 'javaClass', class");
  }

  @Test
  void aShellTaskIsRefused() throws Exception {
    refused("3", "BPMN: camunda:type=shell service task (touch a marker file)", ANALYST, "allerod", "shell.bpmn",
        process("""
        <bpmn:serviceTask id="shell" camunda:type="shell"><bpmn:extensionElements>
          <camunda:field name="command" stringValue="touch"/><camunda:field name="arg1" stringValue="%s"/>
          </bpmn:extensionElements></bpmn:serviceTask>""".formatted(MARKER)),
        "deployment", "serviceTask 'shell', camunda:type", "field i serviceTask 'shell'");
  }

  @Test
  void aDelegateExpressionNamingAnotherSpringBeanIsRefused() throws Exception {
    refused("3", "BPMN: delegateExpression ${identityService} (a Spring bean, not one of our delegates)", ANALYST,
        "allerod", "bean.bpmn", process("""
        <bpmn:serviceTask id="notOurs" camunda:delegateExpression="${identityService}"/>"""),
        "deployment", "'identityService' er ikke en af applikationens egne delegates");
  }

  @Test
  void aConditionReadingEngineServicesIsRefused() throws Exception {
    refused("3", "BPMN: condition ${execution.processEngineServices.identityService…}", ANALYST, "allerod",
        "betingelse.bpmn", process("""
        <bpmn:startEvent id="start"/><bpmn:sequenceFlow id="toWait" sourceRef="start" targetRef="wait"/>
        <bpmn:userTask id="wait"/><bpmn:endEvent id="end"/>
        <bpmn:sequenceFlow id="sneaky" sourceRef="wait" targetRef="end"><bpmn:conditionExpression>${execution\
        .processEngineServices.identityService.createMembership('analytiker.allerod','camunda-admin') == null}\
        </bpmn:conditionExpression></bpmn:sequenceFlow>"""),
        "deployment", "conditionExpression i sequenceFlow 'sneaky'", "egenskaber må ikke læses");
  }

  @Test
  void decisionTablesInJavascriptOrJuelAreRefused() throws Exception {
    refused("3", "DMN: expressionLanguage javascript and juel", ANALYST, "allerod", "tabel.dmn",
        decisionTable("FEEL").replace("<inputExpression id=\"in_expr\"",
                "<inputExpression id=\"in_expr\" expressionLanguage=\"javascript\"")
            .replace("<outputEntry id=\"out\"", "<outputEntry id=\"out\" expressionLanguage=\"juel\""),
        "deployment", "inputExpression 'in_expr', expressionLanguage: kun FEEL er tilladt, ikke 'javascript'",
        "outputEntry 'out', expressionLanguage: kun FEEL er tilladt, ikke 'juel'");
  }

  @Test
  void aFeelExternalFunctionIsRefused() throws Exception {
    refused("3", "DMN: FEEL external function (java.lang.System.exit)", ANALYST, "allerod", "ekstern.dmn",
        decisionTable("FEEL").replace("<text>\"P14D\"</text>", """
            <text>{exit: function(code) external {java: {class: "java.lang.System", \
            method signature: "exit(int)"}}, r: exit(1)}.r</text>"""),
        "deployment", "outputEntry 'out', tekst: FEEL-funktioner med 'external'");
  }

  @Test
  void theCourseModelDeployedAloneKeepsEveryFormOfRunningAndNewCourses() throws Exception {
    ProcessInstance running = driver.refer("allerod", CourseSteps.referral("0101901234", List.of("ledighed")));
    String enPlan = Files.readString(Path.of("processes", "en-plan.bpmn"));

    for (boolean changedOnly : List.of(false, true)) {
      HttpResponse<String> response = deploy(ANALYST, "allerod", "en-plan.bpmn",
          enPlan.replace("name=\"Visitér henvisningen\"", "name=\"Visitér henvisningen " + changedOnly + "\""),
          changedOnly);
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      JsonNode deployment = remember(response);
      assertThat(deployment.path("deployedProcessDefinitions").size()).as("en-plan and the processes it calls")
          .isEqualTo(4);
      String definition = repository.createProcessDefinitionQuery().deploymentId(deployment.path("id").asText())
          .processDefinitionKey("en-plan").singleResult().getId();
      assertThat(DeployedForm.read(forms.getDeployedStartForm(definition)).id()).isEqualTo("henvisning");
      assertThat(formsOf(deployment.path("id").asText())).as("every form the deployment's processes reference")
          .containsAll(FORMS_REFERENCED);

      ProcessInstance next = driver.as("visitation.allerod", List.of("visitation"), "allerod", () ->
          runtime.startProcessInstanceById(definition, tasklistReferral()));
      assertThat(driver.form(driver.task(next.getBusinessKey(), "visitation")).id()).isEqualTo("visitation");
    }
    assertThat(driver.form(driver.task(running.getBusinessKey(), "visitation")).id())
        .as("the running course keeps its own deployment's form").isEqualTo("visitation");
    assertThat(repository.getProcessDefinition(runtime.createProcessInstanceQuery()
        .processInstanceId(running.getId()).singleResult().getProcessDefinitionId()).getTenantId()).isNull();
  }

  @Test
  void aProcessReferencingAFormThatIsDeployedNowhereIsRefused() throws Exception {
    refused("3", "BPMN: user task with a formRef deployed nowhere (Tasklist's 'Form failure')", ANALYST, "allerod",
        "uden-formular.bpmn", process("""
        <bpmn:startEvent id="start"/><bpmn:sequenceFlow id="toTask" sourceRef="start" targetRef="task"/>
        <bpmn:userTask id="task" name="Opgave" camunda:formRef="findes-ikke" camunda:formRefBinding="deployment"/>
        <bpmn:sequenceFlow id="toEnd" sourceRef="task" targetRef="end"/><bpmn:endEvent id="end"/>"""),
        "deployment", "uden-formular.bpmn, userTask 'task', camunda:formRef: formularen 'findes-ikke' findes hverken "
            + "i udrulningen eller blandt de udrullede formularer for allerod");
  }

  /** Every camunda:formRef in processes/*.bpmn (with binding deployment). */
  private static final List<String> FORMS_REFERENCED = formsReferenced();

  private static List<String> formsReferenced() {
    try (var files = Files.list(Path.of("processes"))) {
      java.util.regex.Pattern ref = java.util.regex.Pattern.compile("camunda:formRef=\"([^\"]+)\"");
      return files.filter(file -> file.toString().endsWith(".bpmn")).flatMap(file -> {
        try {
          return ref.matcher(Files.readString(file)).results().map(match -> match.group(1));
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }).distinct().sorted().toList();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private List<String> formsOf(String deploymentId) {
    return repository.getDeploymentResourceNames(deploymentId).stream().filter(name -> name.endsWith(".form"))
        .map(name -> DeployedForm.read(repository.getResourceAsStream(deploymentId, name)).id()).toList();
  }

  private static Map<String, Object> tasklistReferral() {
    Map<String, Object> referral = new java.util.HashMap<>(CourseSteps.referral("0101901234", List.of("ledighed")));
    referral.put("problemAreas", org.camunda.spin.plugin.variable.SpinValues.jsonValue("[\"ledighed\"]").create());
    return referral;
  }

  private void refused(String item, String attack, String user, String tenant, String file, String content,
                       String field, String... mentions) throws Exception {
    Map<String, Long> before = counts();
    HttpResponse<String> response = deploy(user, tenant, file, content);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    JsonNode body = JSON.readTree(response.body());
    String message = body.path("message").asText();
    assertThat(message).contains("Udrulningen er afvist").contains(mentions);
    assertThat(body.path("field").asText()).isEqualTo(field);
    assertThat(counts()).as("nothing deployed, no job, no membership").isEqualTo(before);
    assertThat(MARKER).doesNotExist();
    AttackReport.record(item, attack, user, response.statusCode(), true, true);
  }

  private Map<String, Long> counts() {
    return Map.of(
        "deployments", repository.createDeploymentQuery().count(),
        "process definitions", repository.createProcessDefinitionQuery().count(),
        "decision definitions", repository.createDecisionDefinitionQuery().count(),
        "jobs", management.createJobQuery().count(),
        "administrators", identityService.createUserQuery().memberOfGroup("camunda-admin").count(),
        "analyst's groups", identityService.createGroupQuery().groupMember(ANALYST).count());
  }

  private JsonNode remember(HttpResponse<String> response) throws Exception {
    JsonNode body = JSON.readTree(response.body());
    deployed.add(body.path("id").asText());
    return body;
  }

  private HttpResponse<String> deploy(String user, String tenant, String file, String content) throws Exception {
    return deploy(user, tenant, file, content, true);
  }

  /** The request Camunda Modeler sends: multipart/form-data with its text fields and the file. */
  private HttpResponse<String> deploy(String user, String tenant, String file, String content,
                                      boolean changedOnly) throws Exception {
    String boundary = "----ModelerBoundary" + UUID.randomUUID().toString().replace("-", "");
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    field(body, boundary, "deployment-name", file.replaceAll("\\..*", ""));
    field(body, boundary, "deployment-source", "Camunda Modeler");
    field(body, boundary, "deploy-changed-only", String.valueOf(changedOnly));
    if (tenant != null) {
      field(body, boundary, "tenant-id", tenant);
    }
    write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + file + "\"; filename=\"" + file
        + "\"\r\nContent-Type: application/octet-stream\r\n\r\n" + content + "\r\n--" + boundary + "--\r\n");
    String credentials = user + ":" + TestIdentity.PASSWORD;
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port
            + "/engine-rest/deployment/create"))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
            credentials.getBytes(StandardCharsets.UTF_8)))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static void field(ByteArrayOutputStream body, String boundary, String name, String value) {
    write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n");
  }

  private static void write(ByteArrayOutputStream body, String text) {
    body.writeBytes(text.getBytes(StandardCharsets.UTF_8));
  }

  private static String process(String elements) {
    String key = "modeler-test-" + UUID.randomUUID().toString().substring(0, 8);
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
          xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="defs" targetNamespace="http://enplan.dk/test"
          exporter="Camunda Modeler" exporterVersion="5.31.0">
          <bpmn:process id="%s" isExecutable="true" camunda:historyTimeToLive="P1D">%s</bpmn:process>
        </bpmn:definitions>""".formatted(key, elements);
  }

  private static String decisionTable(String language) {
    String key = "modeler_test_" + UUID.randomUUID().toString().substring(0, 8);
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" xmlns:camunda="http://camunda.org/schema/1.0/dmn"
          id="%1$s_definitions" name="Test" namespace="http://enplan.dk/dmn" exporter="Camunda Modeler"
          expressionLanguage="%2$s">
          <decision id="%1$s" name="Test" camunda:historyTimeToLive="P1D">
            <decisionTable id="%1$s_table" hitPolicy="FIRST">
              <input id="in" label="Kommune"><inputExpression id="in_expr" typeRef="string">
                <text>municipality</text></inputExpression></input>
              <output id="taskDeadline" name="taskDeadline" typeRef="string"/>
              <rule id="rule"><inputEntry id="in_entry"><text>-</text></inputEntry>
                <outputEntry id="out"><text>"P14D"</text></outputEntry></rule>
            </decisionTable>
          </decision>
        </definitions>""".formatted(key, language);
  }
}
