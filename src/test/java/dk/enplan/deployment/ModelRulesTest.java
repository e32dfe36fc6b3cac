package dk.enplan.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.AnnotationBeanNameGenerator;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.beans.factory.support.SimpleBeanDefinitionRegistry;

/**
 * The resource rules without an engine: every shipped model and form passes; each kind of forbidden content is
 * found and named. The application's delegates are found the way Spring finds them (component scan of dk.enplan).
 */
class ModelRulesTest {

  static final Set<String> DELEGATES = delegatesOfTheApplication();
  private final ResourceRules rules = new ResourceRules(new ApplicationBeans(DELEGATES::contains,
      name -> DELEGATES.contains(name) || Set.of("identityService", "runtimeService", "sectorCatalog",
          "courseDeadlines", "processEngine").contains(name)));

  @Test
  void everyShippedModelAndFormPasses() throws IOException {
    List<Path> files;
    try (Stream<Path> processes = Files.list(Path.of("processes")); Stream<Path> forms = Files.list(Path.of("forms"))) {
      files = Stream.concat(processes, forms).sorted().toList();
    }
    assertThat(files).hasSizeGreaterThanOrEqualTo(20);
    for (Path file : files) {
      assertThat(rules.check(file.getFileName().toString(), Files.readAllBytes(file))).as(file.toString()).isEmpty();
    }
    assertThat(DELEGATES).contains("registerCourse", "closureCheck", "followUpRecorder", "prepareDelivery");
  }

  @Test
  void theAllowListHoldsExactlyWhatTheShippedModelsCall() throws IOException {
    Set<String> used;
    try (Stream<Path> files = Files.list(Path.of("processes"))) {
      used = files.flatMap(ModelRulesTest::chainsIn).collect(Collectors.toSet());
    }
    assertThat(used).containsExactlyInAnyOrderElementsOf(AllowedBeanCalls.ENTRIES);
  }

  @Test
  void aServiceTaskExpressionCallingTheIdentityServiceWithATimerStartIsRefused() {
    List<Finding> findings = bpmn("""
        <bpmn:startEvent id="start"><bpmn:timerEventDefinition><bpmn:timeCycle>R/PT1S</bpmn:timeCycle>
        </bpmn:timerEventDefinition></bpmn:startEvent>
        <bpmn:serviceTask id="grant"
          camunda:expression="${identityService.createMembership('analytiker.allerod','camunda-admin')}"/>""");
    assertThat(findings).singleElement().satisfies(f -> {
      assertThat(f.element()).isEqualTo("serviceTask 'grant'");
      assertThat(f.where()).isEqualTo("camunda:expression");
      assertThat(f.why()).contains("identityService.createMembership(_,_) står ikke på listen over tilladte kald");
    });
  }

  @Test
  void everyOffendingElementIsListed() {
    List<Finding> findings = bpmn("""
        <bpmn:scriptTask id="script" scriptFormat="javascript"><bpmn:script>java.lang.Runtime</bpmn:script>
        </bpmn:scriptTask>
        <bpmn:serviceTask id="klass" camunda:class="com.evil.Delegate"/>
        <bpmn:serviceTask id="shell" camunda:type="shell"><bpmn:extensionElements>
          <camunda:field name="command" stringValue="touch"/></bpmn:extensionElements></bpmn:serviceTask>
        <bpmn:serviceTask id="bean" camunda:delegateExpression="${identityService}"/>
        <bpmn:serviceTask id="conn"><bpmn:extensionElements><camunda:connector>
          <camunda:connectorId>http-connector</camunda:connectorId></camunda:connector></bpmn:extensionElements>
        </bpmn:serviceTask>
        <bpmn:userTask id="listen"><bpmn:extensionElements>
          <camunda:taskListener event="create" class="com.evil.Listener"/>
          <camunda:executionListener event="start"><camunda:script scriptFormat="groovy">x</camunda:script>
          </camunda:executionListener>
          <camunda:inputOutput><camunda:inputParameter name="x">${execution.processEngineServices}</camunda:inputParameter>
          </camunda:inputOutput></bpmn:extensionElements></bpmn:userTask>
        <bpmn:callActivity id="call" calledElement="x" camunda:variableMappingClass="com.evil.Mapping"/>
        <bpmn:sequenceFlow id="flow" sourceRef="a" targetRef="b">
          <bpmn:conditionExpression language="groovy">true</bpmn:conditionExpression></bpmn:sequenceFlow>""");
    assertThat(findings).extracting(Finding::element).contains("scriptTask 'script'", "serviceTask 'klass'",
        "serviceTask 'shell'", "field i serviceTask 'shell'", "serviceTask 'bean'", "connector i serviceTask 'conn'",
        "taskListener i userTask 'listen'", "script i userTask 'listen'", "inputParameter i userTask 'listen'",
        "callActivity 'call'", "conditionExpression i sequenceFlow 'flow'");
    String message = new DeploymentRefusedException("deployment", findings).getMessage();
    assertThat(message).startsWith("deployment: Udrulningen er afvist (" + findings.size() + " fejl):\n- test.bpmn, ");
  }

  @Test
  void aModelReachesNoOtherMunicipalitysProcessesOrDecisionTables() {
    assertThat(bpmn("""
        <bpmn:callActivity id="call" calledElement="sektor-udredning" camunda:calledElementTenantId="ballerup"/>
        <bpmn:businessRuleTask id="rule" camunda:decisionRef="frister" camunda:decisionRefTenantId="ballerup"/>
        <bpmn:businessRuleTask id="own" camunda:decisionRef="frister"
          camunda:decisionRefTenantId="${decisionTenants.of(execution, 'frister')}"/>"""))
        .extracting(Finding::element).containsExactly("callActivity 'call'", "businessRuleTask 'rule'");
  }

  @Test
  void theOldActivitiNamespaceAndAnExpressionSplitByACommentAreRefusedToo() {
    List<Finding> findings = bpmn("""
        <bpmn:serviceTask id="old" xmlns:activiti="http://activiti.org/bpmn" activiti:class="com.evil.Delegate"/>
        <bpmn:sequenceFlow id="split" sourceRef="a" targetRef="b"><bpmn:conditionExpression>$<!-- -->{identityService.x()}
        </bpmn:conditionExpression></bpmn:sequenceFlow>
        <bpmn:sequenceFlow id="cdata" sourceRef="a" targetRef="b"><bpmn:conditionExpression><![CDATA[${a[0]}]]>
        </bpmn:conditionExpression></bpmn:sequenceFlow>""");
    assertThat(findings).extracting(Finding::element).contains("serviceTask 'old'",
        "conditionExpression i sequenceFlow 'split'", "conditionExpression i sequenceFlow 'cdata'");
  }

  @Test
  void aDoctypeOrBrokenXmlIsRefused() {
    byte[] doctype = """
        <?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>"""
        .getBytes(StandardCharsets.UTF_8);
    assertThat(rules.check("x.bpmn", doctype)).singleElement().extracting(Finding::why).asString().contains("XML");
    assertThat(rules.check("x.dmn", "<x".getBytes(StandardCharsets.UTF_8))).hasSize(1);
  }

  @Test
  void decisionTablesAreFeelOnly() {
    String table = """
        <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="d" name="d" namespace="x"
          %s><decision id="t" name="t"><decisionTable id="dt">
          <input id="i"><inputExpression id="ie" typeRef="string" %s><text>a</text></inputExpression></input>
          <output id="o" name="r" typeRef="string"/>
          <rule id="r1"><inputEntry id="e1" %s><text>%s</text></inputEntry><outputEntry id="o1"><text>"x"</text>
          </outputEntry></rule></decisionTable></decision></definitions>""";
    assertThat(dmn(table.formatted("", "", "", "\"ja\""))).isEmpty();
    assertThat(dmn(table.formatted("expressionLanguage=\"https://www.omg.org/spec/DMN/20191111/FEEL/\"",
        "expressionLanguage=\"feel\"", "", "\"ja\""))).isEmpty();
    assertThat(dmn(table.formatted("", "", "", """
        /* " */ function(x) external {java: {class: "java.lang.System", method signature: "exit(int)"}} /* " */""")))
        .as("a quote in a comment does not hide 'external'").singleElement().extracting(Finding::why).asString()
        .contains("external");
    assertThat(dmn(table.formatted("", "expressionLanguage=\"javascript\"", "expressionLanguage=\"juel\"", "x")))
        .extracting(Finding::element).containsExactly("inputExpression 'ie'", "inputEntry 'e1'");
    assertThat(dmn(table.formatted("expressionLanguage=\"groovy\" typeLanguage=\"python\"", "", "", "x")))
        .hasSize(2);
    assertThat(dmn(table.formatted("", "", "", """
        function(x) external {java: {class: "java.lang.System", method signature: "exit(int)"}}""")))
        .singleElement().extracting(Finding::why).asString().contains("external");
  }

  @Test
  void onlyModelsFormsAndPngImagesMayBeDeployed() {
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0};
    assertThat(rules.check("diagram.png", png)).isEmpty();
    assertThat(rules.check("skjema.form", "{\"components\": []}".getBytes(StandardCharsets.UTF_8))).isEmpty();
    assertThat(rules.check("skjema.form", "[1]".getBytes(StandardCharsets.UTF_8))).hasSize(1);
    for (String name : List.of("evil.js", "evil.groovy", "evil.py", "case.cmmn", "diagram.svg", "fake.png")) {
      assertThat(rules.check(name, "x".getBytes(StandardCharsets.UTF_8))).as(name).hasSize(1);
    }
  }

  private List<Finding> bpmn(String elements) {
    String model = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
          xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="defs" targetNamespace="x">
        <bpmn:process id="p" isExecutable="true">%s</bpmn:process></bpmn:definitions>""".formatted(elements);
    return rules.check("test.bpmn", model.getBytes(StandardCharsets.UTF_8));
  }

  private List<Finding> dmn(String model) {
    return rules.check("test.dmn", model.getBytes(StandardCharsets.UTF_8));
  }

  private static Stream<String> chainsIn(Path model) {
    try {
      String text = Files.readString(model);
      return java.util.regex.Pattern.compile("[$#]\\{([a-zA-Z]+(?:\\.[a-zA-Z]+(?:\\([^()]*\\))?)+)\\}")
          .matcher(text).results().map(m -> m.group(1).replaceAll("\\(([^(),]+)\\)", "(_)")
              .replaceAll("\\([^(),]+,[^(),]+\\)", "(_,_)"));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Set<String> delegatesOfTheApplication() {
    ClassPathScanningCandidateComponentProvider scan = new ClassPathScanningCandidateComponentProvider(true);
    scan.resetFilters(false);
    Stream.of(JavaDelegate.class, TaskListener.class, ExecutionListener.class)
        .forEach(type -> scan.addIncludeFilter(new AssignableTypeFilter(type)));
    AnnotationBeanNameGenerator names = AnnotationBeanNameGenerator.INSTANCE;
    SimpleBeanDefinitionRegistry registry = new SimpleBeanDefinitionRegistry();
    return scan.findCandidateComponents("dk.enplan").stream()
        .filter(definition -> definition.getBeanClassName().startsWith("dk.enplan."))
        .map((BeanDefinition definition) -> names.generateBeanName(definition, registry))
        .collect(Collectors.toSet());
  }
}
