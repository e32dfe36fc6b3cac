package dk.enplan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.enplan.course.CourseProcess;
import dk.enplan.testing.EngineOnlyTest;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * What Modeler, Tasklist and the engine need of every deployed model, checked on what the engine actually deployed:
 * a diagram shape for every element, history time to live, candidate groups and a deployed form for every user
 * task, every service task bound to an existing bean, and the names in {@link CourseProcess} present in the models.
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
