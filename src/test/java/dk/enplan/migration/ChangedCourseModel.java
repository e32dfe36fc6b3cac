package dk.enplan.migration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * processes/en-plan.bpmn as it is in the repository, changed as an analyst would change it in Camunda Modeler (with
 * the BPMN model API, at test time, so the tests follow the real model).
 */
final class ChangedCourseModel {

  static final Path EN_PLAN = Path.of("processes", "en-plan.bpmn");

  private final BpmnModelInstance model;

  private ChangedCourseModel(BpmnModelInstance model) {
    this.model = model;
  }

  static ChangedCourseModel fromRepository() {
    try {
      return new ChangedCourseModel(Bpmn.readModelFromStream(Files.newInputStream(EN_PLAN)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A task renamed (a compatible change). */
  ChangedCourseModel rename(String taskId, String name) {
    model.<FlowNode>getModelElementById(taskId).setName(name);
    return this;
  }

  /** A user task of the coordinator added on the flow {@code flowId}, before the flow's target (compatible). */
  ChangedCourseModel addCoordinatorTaskOn(String flowId, String taskId, String name, String formRef) {
    SequenceFlow flow = model.getModelElementById(flowId);
    FlowNode target = flow.getTarget();
    UserTask task = model.newInstance(UserTask.class);
    task.setId(taskId);
    task.setName(name);
    task.setCamundaCandidateGroups("koordinator");
    task.setCamundaAssignee("${courseRoles.coordinator(execution)}");
    task.setCamundaFormRef(formRef);
    task.setCamundaFormRefBinding("deployment");
    flow.getParentElement().addChildElement(task);
    SequenceFlow onward = model.newInstance(SequenceFlow.class);
    onward.setId(taskId + "Done");
    flow.getParentElement().addChildElement(onward);
    onward.setSource(task);
    onward.setTarget(target);
    target.getIncoming().remove(flow);
    target.getIncoming().add(onward);
    flow.setTarget(task);
    task.getIncoming().add(flow);
    task.getOutgoing().add(onward);
    return this;
  }

  /** A waiting activity removed, its incoming flow led past it to where it went (an incompatible change). */
  ChangedCourseModel remove(String taskId) {
    FlowNode task = model.getModelElementById(taskId);
    SequenceFlow in = task.getIncoming().iterator().next();
    SequenceFlow out = task.getOutgoing().iterator().next();
    FlowNode next = out.getTarget();
    next.getIncoming().remove(out);
    next.getIncoming().add(in);
    in.setTarget(next);
    for (String id : List.of(taskId, out.getId())) {
      model.getModelElementsByType(BpmnShape.class).stream().filter(shape -> shape.getBpmnElement() != null
          && id.equals(shape.getBpmnElement().getId())).toList().forEach(ChangedCourseModel::delete);
      model.getModelElementsByType(BpmnEdge.class).stream().filter(edge -> edge.getBpmnElement() != null
          && id.equals(edge.getBpmnElement().getId())).toList().forEach(ChangedCourseModel::delete);
    }
    delete(out);
    delete(task);
    return this;
  }

  String xml() {
    return Bpmn.convertToString(model);
  }

  private static void delete(ModelElementInstance element) {
    element.getParentElement().removeChildElement(element);
  }
}
