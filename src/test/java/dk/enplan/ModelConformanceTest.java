package dk.enplan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.enplan.course.CourseProcess;
import dk.enplan.names.AnswerValues;
import dk.enplan.names.GroupNames;
import dk.enplan.names.ModelCalls;
import dk.enplan.testing.EngineOnlyTest;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.MultiInstanceLoopCharacteristics;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaOutputParameter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * What Modeler, Tasklist and the engine need of every deployed model, checked on what the engine actually deployed:
 * a diagram shape for every element, history time to live, candidate groups and a deployed form for every user
 * task, every service task bound to an existing bean, and the names in {@link CourseProcess} present in the models.
 * And the strings that tie models, forms and code, against the registry of names ({@code dk.enplan.names}): every
 * expression of every model resolves (its bean calls to public methods of the beans, its variables to a variable the
 * code, a form or the model declares, the values it compares to the answers the field can hold), every candidate
 * group is a group of the registry, every option of every form is the registry's (or the data's); the joins are
 * asynchronous.
 */
@EngineOnlyTest
class ModelConformanceTest {

  private static final String EXPRESSION = "\\$\\{([A-Za-z]+)}";

  @Autowired RepositoryService repository;
  @Autowired ApplicationContext spring;

  private List<BpmnModelInstance> models() {
    return repository.createProcessDefinitionQuery().latestVersion().list().stream()
        .map(ProcessDefinition::getId).map(repository::getBpmnModelInstance).toList();
  }

  @Test
  void everyFlowNodeAndSequenceFlowHasADiagramShape() {
    for (BpmnModelInstance model : models()) {
      Set<String> drawn = new HashSet<>();
      model.getModelElementsByType(BpmnShape.class).forEach(s -> drawn.add(s.getBpmnElement().getId()));
      model.getModelElementsByType(BpmnEdge.class).forEach(e -> drawn.add(e.getBpmnElement().getId()));
      Stream.concat(model.getModelElementsByType(FlowNode.class).stream(),
              model.getModelElementsByType(SequenceFlow.class).stream())
          .forEach(element -> assertThat(drawn).as("diagram shape of %s", element.getId()).contains(element.getId()));
    }
  }

  @Test
  void everyProcessHasAHistoryTimeToLiveAndTheModelerPlatform() {
    assertThat(models()).hasSize(4);
    for (BpmnModelInstance model : models()) {
      assertThat(model.getDefinitions().getAttributeValueNs("http://camunda.org/schema/modeler/1.0",
          "executionPlatform")).isEqualTo("Camunda Platform");
      model.getModelElementsByType(Process.class).forEach(process ->
          assertThat(process.getCamundaHistoryTimeToLiveString()).as(process.getId()).isNotBlank());
    }
  }

  @Test
  void everyUserTaskAndStartFormHasCandidatesADueDateAndADeployedForm() throws IOException {
    Set<String> deployedForms = deployedFormIds();
    for (BpmnModelInstance model : models()) {
      for (UserTask task : model.getModelElementsByType(UserTask.class)) {
        assertThat(task.getCamundaCandidateGroups()).as("candidate groups of %s", task.getId()).isNotBlank();
        // Tasklist sorts by due date (and stops after the first page only if the tasks are spread over that order).
        assertThat(task.getCamundaDueDate()).as("due date of %s", task.getId()).isNotBlank();
        assertThat(task.getCamundaFormRef()).as("form of %s", task.getId()).isIn(deployedForms);
        assertThat(task.getCamundaFormRefBinding()).as("form binding of %s", task.getId()).isEqualTo("deployment");
      }
      for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
        if (start.getCamundaFormRef() != null) {
          assertThat(start.getCamundaFormRef()).isIn(deployedForms);
        }
      }
    }
  }

  @Test
  void everyServiceTaskAndListenerIsBoundByDelegateExpressionToAnExistingBeanOrIsAnExternalTask() {
    List<String> beans = new ArrayList<>();
    for (BpmnModelInstance model : models()) {
      for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
        if ("external".equals(task.getCamundaType())) {
          assertThat(task.getCamundaTopic()).as("topic of external task %s", task.getId()).isNotBlank();
          continue;
        }
        assertThat(task.getCamundaClass()).as("class binding on %s", task.getId()).isNull();
        assertThat(task.getCamundaExpression()).as("expression binding on %s", task.getId()).isNull();
        assertThat(task.getCamundaDelegateExpression()).as("binding of %s", task.getId()).matches(EXPRESSION);
        beans.add(task.getCamundaDelegateExpression().replaceAll(EXPRESSION, "$1"));
      }
      model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener.class)
          .forEach(listener -> beans.add(listener.getCamundaDelegateExpression().replaceAll(EXPRESSION, "$1")));
    }
    assertThat(beans).isNotEmpty().allSatisfy(bean -> assertThat(spring.containsBean(bean)).as(bean).isTrue());
  }

  @Test
  void callActivitiesAndDecisionsReferToDeployedDefinitions() {
    for (BpmnModelInstance model : models()) {
      for (CallActivity call : model.getModelElementsByType(CallActivity.class)) {
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(call.getCalledElement()).count())
            .as(call.getId()).isPositive();
      }
      for (BusinessRuleTask rule : model.getModelElementsByType(BusinessRuleTask.class)) {
        assertThat(repository.createDecisionDefinitionQuery().decisionDefinitionKey(rule.getCamundaDecisionRef())
            .count()).as(rule.getId()).isPositive();
      }
    }
  }

  @Test
  void theNamesCodeReliesOnExistInTheModels() throws IllegalAccessException {
    Set<String> ids = new HashSet<>();
    Set<String> messages = new HashSet<>();
    for (BpmnModelInstance model : models()) {
      model.getModelElementsByType(BaseElement.class).forEach(e -> ids.add(e.getId()));
      model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.Message.class)
          .forEach(m -> messages.add(m.getName()));
    }
    assertThat(constants(CourseProcess.Elements.class)).allSatisfy(id -> assertThat(ids).contains(id));
    assertThat(constants(CourseProcess.SectorElements.class)).allSatisfy(id -> assertThat(ids).contains(id));
    assertThat(constants(CourseProcess.Messages.class)).containsExactlyInAnyOrderElementsOf(messages);
    assertThat(constants(CourseProcess.Decisions.class)).allSatisfy(key ->
        assertThat(repository.createDecisionDefinitionQuery().decisionDefinitionKey(key).count()).isPositive());
    assertThat(ids).contains(CourseProcess.KEY, CourseProcess.SECTOR_ASSESSMENT_KEY,
        CourseProcess.SECTOR_INTERVENTION_KEY);
  }

  // --- the registry of names -----------------------------------------------------------------------------------

  private static final Pattern EXPRESSION_IN_TEXT = Pattern.compile("[$#]\\{([^}]*)}");
  private static final Pattern STRING_LITERAL = Pattern.compile("'(?:[^'\\\\]|\\\\.)*'|\"(?:[^\"\\\\]|\\\\.)*\"");
  private static final Pattern COMPARISON = Pattern.compile(
      "(?<![.\\w])([A-Za-z_]\\w*)\\s*(?:==|!=|\\beq\\b|\\bne\\b)\\s*'([^']*)'");
  private static final Pattern CHAIN = Pattern.compile(
      "(?<![.\\w])([A-Za-z_]\\w*)((?:\\s*\\.\\s*[A-Za-z_]\\w*(?:\\s*\\((?:[^()]|\\([^()]*\\))*\\))?)+)");
  private static final Pattern STEP = Pattern.compile(
      "\\.\\s*([A-Za-z_]\\w*)(\\s*\\(((?:[^()]|\\([^()]*\\))*)\\))?");
  private static final Pattern IDENTIFIER = Pattern.compile("(?<![.\\w])([A-Za-z_]\\w*)(?!\\s*[.(\\w])");
  private static final Set<String> KEYWORDS = Set.of("and", "or", "not", "eq", "ne", "lt", "gt", "le", "ge",
      "empty", "div", "mod", "true", "false", "null", "instanceof");
  private static final Set<String> ENGINE_OBJECTS = Set.of("execution", "task");
  private static final Set<String> DELEGATE_ATTRIBUTES = Set.of("delegateExpression");

  /** One expression where a model has it: the process, the element, the attribute (or "text"), the expression. */
  record ModelExpression(String process, String element, String attribute, String expression) {
    @Override
    public String toString() {
      return process + " " + element + " " + attribute + ": " + expression;
    }
  }

  @Test
  void everyExpressionInEveryModelResolvesToABeanMethodAVariableOrAnAnswerOfTheRegistry() throws Exception {
    Set<String> variables = knownVariables();
    List<ModelExpression> expressions = expressions();
    assertThat(expressions).as("expressions found in the models").hasSizeGreaterThan(50);
    Set<String> chainsUsed = new HashSet<>();
    for (ModelExpression where : expressions) {
      String body = where.expression();
      String withoutStrings = STRING_LITERAL.matcher(body).replaceAll("''");
      // Bean calls: each chain an entry of the allow-list, and each step a public method of what the one before returns.
      Matcher chain = CHAIN.matcher(withoutStrings);
      while (chain.find()) {
        String entry = chainEntry(chain.group(1), chain.group(2));
        assertThat(ModelCalls.ENTRIES).as("bean call %s in %s", entry, where).contains(entry);
        chainsUsed.add(entry);
      }
      // Bare names: a delegate bean where the engine expects one, otherwise a variable somebody declares.
      Matcher name = IDENTIFIER.matcher(CHAIN.matcher(withoutStrings).replaceAll("x_"));
      while (name.find()) {
        String identifier = name.group(1);
        if (KEYWORDS.contains(identifier) || identifier.equals("x_")) {
          continue;
        }
        if (DELEGATE_ATTRIBUTES.contains(where.attribute())) {
          assertThat(spring.containsBean(identifier)).as("delegate bean %s in %s", identifier, where).isTrue();
        } else {
          assertThat(variables).as("variable %s in %s: declared by the code (a ProcessVariable), a form or the model",
              identifier, where).contains(identifier);
        }
      }
      // Literals compared to an answer: one of the values the registry gives that field.
      Matcher comparison = COMPARISON.matcher(body);
      while (comparison.find()) {
        assertThat(AnswerValues.of(comparison.group(1))).as("value '%s' of %s in %s", comparison.group(2),
            comparison.group(1), where).contains(comparison.group(2));
      }
    }
    assertThat(chainsUsed).as("every bean call of the registry is used by a model")
        .containsExactlyInAnyOrderElementsOf(ModelCalls.ENTRIES);
    for (String entry : ModelCalls.ENTRIES) {
      assertResolves(entry);
    }
  }

  @Test
  void everyCandidateGroupAndEveryValueAModelSetsIsTheRegistrys() {
    Set<String> sectorGroups = new HashSet<>();
    spring.getBean(dk.enplan.sector.SectorCatalog.class).all().forEach(sector -> sectorGroups.add(sector.group()));
    assertThat(sectorGroups).isNotEmpty().allSatisfy(group -> assertThat(GroupNames.isSectorGroup(group)).isTrue());
    assertThat(GroupNames.ADMIN).isEqualTo(org.camunda.bpm.engine.authorization.Groups.CAMUNDA_ADMIN);
    for (BpmnModelInstance model : models()) {
      for (UserTask task : model.getModelElementsByType(UserTask.class)) {
        for (String group : task.getCamundaCandidateGroups().split(",")) {
          if (!group.contains("{")) {
            assertThat(GroupNames.FIXED).as("candidate group of %s", task.getId()).contains(group.trim());
          }
        }
      }
      for (CamundaOutputParameter output : model.getModelElementsByType(CamundaOutputParameter.class)) {
        String value = output.getTextContent().trim();
        if (!value.contains("{")) {
          assertThat(AnswerValues.of(output.getCamundaName())).as("value %s set on %s", value,
              output.getCamundaName()).contains(value);
        }
      }
    }
  }

  @Test
  void everyOptionOfEveryFormIsTheRegistrysOrTheDatas() throws Exception {
    ObjectMapper json = new ObjectMapper();
    Set<String> variables = knownVariables();
    List<String> problemAreas = List.copyOf(spring.getBean(dk.enplan.course.ProblemAreas.class).problemAreas()
        .keySet());
    List<String> lifeDomains = Stream.of(dk.enplan.plan.LifeDomain.values()).map(dk.enplan.plan.LifeDomain::key)
        .toList();
    Set<String> answerFieldsOffered = new HashSet<>();
    int options = 0;
    for (Map.Entry<String, com.fasterxml.jackson.databind.JsonNode> form : deployedForms().entrySet()) {
      List<com.fasterxml.jackson.databind.JsonNode> fields = new ArrayList<>();
      collectFields(form.getValue(), fields);
      for (com.fasterxml.jackson.databind.JsonNode field : fields) {
        String key = field.path("key").asText();
        String where = form.getKey().replaceAll(".*/", "") + " " + key;
        if (!field.has("values") && !field.has("valuesKey")) {
          continue;
        }
        if (field.has("valuesKey")) {
          assertThat(variables).as("options variable of %s", where).contains(field.path("valuesKey").asText());
          options++;
          continue;
        }
        List<String> values = new ArrayList<>();
        field.path("values").forEach(v -> values.add(v.path("value").asText()));
        if (key.equals("problemAreas")) {
          assertThat(values).as(where + ": the configured problem areas").containsExactlyElementsOf(problemAreas);
        } else if (key.matches("goal\\d+LifeDomain")) {
          assertThat(values).as(where + ": the life domains").containsExactlyElementsOf(lifeDomains);
        } else {
          assertThat(AnswerValues.FORM_OPTIONS).as("%s: an answer field of the registry", where).containsKey(key);
          assertThat(values).as(where).containsExactlyElementsOf(AnswerValues.FORM_OPTIONS.get(key));
          answerFieldsOffered.add(key);
        }
        options++;
      }
    }
    assertThat(options).as("fields with options").isGreaterThan(10);
    assertThat(answerFieldsOffered).as("every answer field of the registry is offered by a form")
        .containsExactlyInAnyOrderElementsOf(AnswerValues.FORM_OPTIONS.keySet());
  }

  @Test
  void theParallelInstancesOfEveryMultiInstanceCallActivityJoinInAnExclusiveJob() {
    List<String> joins = new ArrayList<>();
    for (BpmnModelInstance model : models()) {
      for (CallActivity call : model.getModelElementsByType(CallActivity.class)) {
        if (call.getLoopCharacteristics() instanceof MultiInstanceLoopCharacteristics loop) {
          assertThat(loop.isSequential()).as("%s runs its instances in parallel", call.getId()).isFalse();
          assertThat(loop.isCamundaAsyncAfter()).as("asyncAfter on the instances of %s", call.getId()).isTrue();
          assertThat(loop.isCamundaExclusive()).as("exclusive job after the instances of %s", call.getId())
              .isTrue();
          joins.add(call.getId());
        }
      }
    }
    assertThat(joins).containsExactlyInAnyOrderElementsOf(CourseProcess.Elements.JOINS);
  }

  /** {@code sectorCatalog.get(_).name()} from the head and the rest of a chain as the model writes it. */
  private static String chainEntry(String head, String rest) {
    StringBuilder entry = new StringBuilder(head);
    Matcher step = STEP.matcher(rest);
    while (step.find()) {
      entry.append('.').append(step.group(1));
      if (step.group(2) != null) {
        String arguments = step.group(3).trim();
        int count = arguments.isEmpty() ? 0 : arguments.split(",").length;
        entry.append('(').append(String.join(",", java.util.Collections.nCopies(count, "_"))).append(')');
      }
    }
    return entry.toString();
  }

  /** Each step of the entry is a public method (or a getter, for a property) of what the step before returns. */
  private void assertResolves(String entry) {
    String[] steps = entry.split("\\.");
    Class<?> type = steps[0].equals("execution") ? org.camunda.bpm.engine.delegate.DelegateExecution.class
        : org.springframework.aop.support.AopUtils.getTargetClass(spring.getBean(steps[0]));
    for (int i = 1; i < steps.length; i++) {
      String step = steps[i];
      boolean call = step.endsWith(")");
      String name = call ? step.substring(0, step.indexOf('(')) : "get" + Character.toUpperCase(step.charAt(0))
          + step.substring(1);
      String arguments = call ? step.substring(step.indexOf('(') + 1, step.length() - 1) : "";
      int count = arguments.isEmpty() ? 0 : arguments.split(",").length;
      java.lang.reflect.Method method = Stream.of(type.getMethods())
          .filter(m -> m.getName().equals(name) && m.getParameterCount() == count).findFirst().orElse(null);
      assertThat(method).as("%s: public method %s with %d argument(s) on %s", entry, name, count, type.getName())
          .isNotNull();
      type = method.getReturnType();
    }
  }

  /** Every expression in every deployed model: attributes and texts of every element. */
  private List<ModelExpression> expressions() throws Exception {
    List<ModelExpression> found = new ArrayList<>();
    for (BpmnModelInstance model : models()) {
      String process = model.getModelElementsByType(Process.class).iterator().next().getId();
      org.w3c.dom.Document document = javax.xml.parsers.DocumentBuilderFactory.newDefaultNSInstance()
          .newDocumentBuilder().parse(new java.io.ByteArrayInputStream(
              org.camunda.bpm.model.bpmn.Bpmn.convertToString(model).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
      collectExpressions(process, document.getDocumentElement(), found);
    }
    return found;
  }

  private static void collectExpressions(String process, org.w3c.dom.Element element, List<ModelExpression> found) {
    String where = element.getLocalName() + (element.hasAttribute("id") ? " '" + element.getAttribute("id") + "'"
        : "");
    org.w3c.dom.NamedNodeMap attributes = element.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      org.w3c.dom.Node attribute = attributes.item(i);
      Matcher expression = EXPRESSION_IN_TEXT.matcher(attribute.getNodeValue());
      while (expression.find()) {
        found.add(new ModelExpression(process, where, attribute.getLocalName() == null ? attribute.getNodeName()
            : attribute.getLocalName(), expression.group(1)));
      }
    }
    org.w3c.dom.NodeList children = element.getChildNodes();
    for (int i = 0; i < children.getLength(); i++) {
      org.w3c.dom.Node child = children.item(i);
      if (child instanceof org.w3c.dom.Element nested) {
        collectExpressions(process, nested, found);
      } else if (child.getNodeType() == org.w3c.dom.Node.TEXT_NODE
          || child.getNodeType() == org.w3c.dom.Node.CDATA_SECTION_NODE) {
        Matcher expression = EXPRESSION_IN_TEXT.matcher(child.getNodeValue());
        while (expression.find()) {
          found.add(new ModelExpression(process, where, "text", expression.group(1)));
        }
      }
    }
  }

  /**
   * The variables somebody declares: the code (every static {@code ProcessVariable}, {@code StringListVariable} or
   * options-variable name of the application), the deployed forms (their field keys) and the models themselves
   * (result variables, element variables, the variables handed to a called process, input and output parameters).
   */
  private Set<String> knownVariables() throws Exception {
    Set<String> names = new HashSet<>(ENGINE_OBJECTS);
    for (com.tngtech.archunit.core.domain.JavaClass type : new com.tngtech.archunit.core.importer.ClassFileImporter()
        .withImportOption(com.tngtech.archunit.core.importer.ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("dk.enplan")) {
      for (com.tngtech.archunit.core.domain.JavaField field : type.getFields()) {
        if (!field.getModifiers().contains(com.tngtech.archunit.core.domain.JavaModifier.STATIC)) {
          continue;
        }
        String fieldType = field.getRawType().getName();
        boolean variable = fieldType.equals(dk.enplan.process.ProcessVariable.class.getName())
            || fieldType.equals(dk.enplan.process.StringListVariable.class.getName());
        boolean optionsName = fieldType.equals(String.class.getName()) && field.getName().endsWith("_OPTIONS");
        if (variable || optionsName) {
          Field reflected = field.reflect();
          reflected.setAccessible(true);
          Object value = reflected.get(null);
          names.add(value instanceof String text ? text : (String) value.getClass().getMethod("name").invoke(value));
        }
      }
    }
    for (com.fasterxml.jackson.databind.JsonNode form : deployedForms().values()) {
      List<com.fasterxml.jackson.databind.JsonNode> fields = new ArrayList<>();
      collectFields(form, fields);
      fields.forEach(field -> names.add(field.path("key").asText()));
      collectKeys(form, names);
    }
    for (BpmnModelInstance model : models()) {
      model.getModelElementsByType(BusinessRuleTask.class).forEach(t -> names.add(t.getCamundaResultVariable()));
      model.getModelElementsByType(MultiInstanceLoopCharacteristics.class)
          .forEach(loop -> names.add(loop.getCamundaElementVariable()));
      model.getModelElementsByType(CamundaIn.class).stream().map(CamundaIn::getCamundaTarget)
          .filter(java.util.Objects::nonNull).forEach(names::add);
      model.getModelElementsByType(CamundaOutputParameter.class).forEach(p -> names.add(p.getCamundaName()));
      model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter.class)
          .forEach(p -> names.add(p.getCamundaName()));
      model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.ErrorEventDefinition.class).stream()
          .map(e -> e.getCamundaErrorMessageVariable()).filter(java.util.Objects::nonNull).forEach(names::add);
    }
    names.remove(null);
    return names;
  }

  /** The fields of a form that hold a value (a key), groups descended into. */
  private static void collectFields(com.fasterxml.jackson.databind.JsonNode node,
                                    List<com.fasterxml.jackson.databind.JsonNode> fields) {
    for (com.fasterxml.jackson.databind.JsonNode component : node.path("components")) {
      if (component.has("key")) {
        fields.add(component);
      }
      collectFields(component, fields);
    }
  }

  /** Other names a form reads from the process: its {@code valuesKey}s. */
  private static void collectKeys(com.fasterxml.jackson.databind.JsonNode node, Set<String> names) {
    node.findValues("valuesKey").forEach(key -> names.add(key.asText()));
  }

  private Map<String, com.fasterxml.jackson.databind.JsonNode> deployedForms() throws IOException {
    Map<String, com.fasterxml.jackson.databind.JsonNode> forms = new java.util.TreeMap<>();
    ObjectMapper json = new ObjectMapper();
    String deploymentId = repository.createProcessDefinitionQuery().processDefinitionKey(CourseProcess.KEY)
        .latestVersion().singleResult().getDeploymentId();
    for (String resource : repository.getDeploymentResourceNames(deploymentId)) {
      if (resource.endsWith(".form")) {
        forms.put(resource, json.readTree(repository.getResourceAsStream(deploymentId, resource)));
      }
    }
    return forms;
  }

  private Set<String> deployedFormIds() throws IOException {
    Set<String> ids = new HashSet<>();
    ObjectMapper json = new ObjectMapper();
    String deploymentId = repository.createProcessDefinitionQuery().processDefinitionKey(CourseProcess.KEY)
        .latestVersion().singleResult().getDeploymentId();
    for (String resource : repository.getDeploymentResourceNames(deploymentId)) {
      if (resource.endsWith(".form")) {
        ids.add(json.readTree(repository.getResourceAsStream(deploymentId, resource)).path("id").asText());
      }
    }
    return ids;
  }

  private static Collection<String> constants(Class<?> holder) throws IllegalAccessException {
    List<String> values = new ArrayList<>();
    for (Field field : holder.getFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
        values.add((String) field.get(null));
      }
    }
    return values;
  }
}
