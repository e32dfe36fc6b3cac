package dk.enplan.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.repository.ResourceTypes;
import org.camunda.bpm.engine.impl.repository.ResourceDefinitionEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Completes a deployment with the models its processes reference with binding {@code deployment}: Camunda Forms
 * ({@code camunda:formRef}) and called processes ({@code calledElement}). Camunda Modeler deploys one diagram at a
 * time, and with {@code deploy-changed-only} the engine drops every unchanged file as well; a process deployed so
 * would find none of its forms or called processes ("Form failure"). A reference the deployment does not hold is
 * filled with the model deployed now for the deployment's municipality (its own, else the shared one), copied
 * unchanged into the new deployment, so new courses get the forms and sector processes they have today. Running
 * courses keep their own deployment's. A reference found nowhere is a finding: the deployment is refused.
 */
final class ReferencedModels {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String DEPLOYMENT_BINDING = "deployment";

  /** Adds what is missing to the deployment (inserted with it) and returns the references found nowhere. */
  List<Finding> complete(CommandContext command, DeploymentEntity deployment) {
    List<Finding> findings = new ArrayList<>();
    Set<String> forms = new HashSet<>();
    Set<String> processes = new HashSet<>();
    Deque<ResourceEntity> bpmn = new ArrayDeque<>();
    for (ResourceEntity resource : List.copyOf(deployment.getResources().values())) {
      String name = resource.getName().toLowerCase(Locale.ROOT);
      if (name.endsWith(".form")) {
        formId(resource.getBytes()).ifPresent(forms::add);
      } else if (isBpmn(name)) {
        bpmn.add(resource);
      }
    }
    bpmn.forEach(resource -> processes.addAll(processIds(XmlResource.parse(resource.getBytes()))));
    while (!bpmn.isEmpty()) {
      ResourceEntity resource = bpmn.poll();
      Document document = XmlResource.parse(resource.getBytes());
      if (document == null) {
        continue; // the rules report it
      }
      for (Element element : XmlResource.elements(document)) {
        String form = reference(element, "formRef", "formRefBinding");
        if (form != null && forms.add(form)) {
          ResourceDefinitionEntity<?> deployed = latest(deployment.getTenantId(), tenant ->
              command.getCamundaFormDefinitionManager().findLatestDefinitionByKeyAndTenantId(form, tenant));
          if (deployed == null) {
            findings.add(new Finding(resource.getName(), XmlResource.describe(element), "camunda:formRef",
                "formularen '" + form + "' findes hverken i udrulningen eller blandt de udrullede formularer for "
                    + municipality(deployment) + "; udrul " + form + ".form sammen med diagrammet"));
          } else if (copy(command, deployment, deployed) == null) {
            findings.add(nameTaken(resource, element, "camunda:formRef", deployed));
          }
        }
        String called = "callActivity".equals(element.getLocalName())
            ? reference(element, null, "calledElementBinding") : null;
        if (called != null && processes.add(called)) {
          ResourceDefinitionEntity<?> deployed = latest(deployment.getTenantId(), tenant ->
              command.getProcessDefinitionManager().findLatestProcessDefinitionByKeyAndTenantId(called, tenant));
          if (deployed == null) {
            findings.add(new Finding(resource.getName(), XmlResource.describe(element), "calledElement",
                "den kaldte proces '" + called + "' findes hverken i udrulningen eller blandt de udrullede "
                    + "processer for " + municipality(deployment) + "; udrul den sammen med diagrammet"));
          } else {
            ResourceEntity copied = copy(command, deployment, deployed);
            if (copied == null) {
              findings.add(nameTaken(resource, element, "calledElement", deployed));
            } else {
              processes.addAll(processIds(XmlResource.parse(copied.getBytes())));
              bpmn.add(copied);
            }
          }
        }
      }
    }
    return findings;
  }

  /** The referenced key if the element references it with binding deployment (no expression), else null. */
  private static String reference(Element element, String attribute, String binding) {
    String key = attribute == null ? element.getAttribute("calledElement") : camunda(element, attribute);
    if (key == null || key.isBlank() || key.contains("${") || key.contains("#{")) {
      return null;
    }
    String bound = camunda(element, binding);
    return DEPLOYMENT_BINDING.equals(bound) ? key : null;
  }

  private static String camunda(Element element, String attribute) {
    String value = element.getAttributeNS(XmlResource.CAMUNDA_BPMN, attribute);
    return value.isEmpty() ? element.getAttributeNS(XmlResource.ACTIVITI_BPMN, attribute) : value;
  }

  private interface Lookup {
    ResourceDefinitionEntity<?> find(String tenantId);
  }

  /** The municipality's own model, else the shared one. */
  private static ResourceDefinitionEntity<?> latest(String tenantId, Lookup lookup) {
    ResourceDefinitionEntity<?> own = tenantId == null ? null : lookup.find(tenantId);
    return own != null ? own : lookup.find(null);
  }

  private static Finding nameTaken(ResourceEntity resource, Element element, String where,
                                   ResourceDefinitionEntity<?> deployed) {
    return new Finding(resource.getName(), XmlResource.describe(element), where, "'" + deployed.getKey()
        + "' kan ikke tilføjes udrulningen, fordi filnavnet " + deployed.getResourceName() + " allerede er brugt "
        + "til noget andet; giv filen sit eget navn eller udrul '" + deployed.getKey() + "' sammen med diagrammet");
  }

  /** The deployed model's file, copied into the new deployment under its own name (null if that name is taken). */
  private static ResourceEntity copy(CommandContext command, DeploymentEntity deployment,
                                     ResourceDefinitionEntity<?> deployed) {
    ResourceEntity original = command.getResourceManager()
        .findResourceByDeploymentIdAndResourceName(deployed.getDeploymentId(), deployed.getResourceName());
    if (original == null || deployment.getResource(original.getName()) != null) {
      return null;
    }
    ResourceEntity copy = new ResourceEntity();
    copy.setName(original.getName());
    copy.setBytes(original.getBytes());
    copy.setDeploymentId(deployment.getId());
    copy.setTenantId(deployment.getTenantId());
    copy.setType(ResourceTypes.REPOSITORY.getValue());
    copy.setCreateTime(ClockUtil.getCurrentTime());
    deployment.addResource(copy);
    command.getResourceManager().insertResource(copy);
    return copy;
  }

  private static Set<String> processIds(Document document) {
    Set<String> ids = new HashSet<>();
    if (document != null) {
      for (Element element : XmlResource.elements(document)) {
        if ("process".equals(element.getLocalName()) && !element.getAttribute("id").isEmpty()) {
          ids.add(element.getAttribute("id"));
        }
      }
    }
    return ids;
  }

  private static java.util.Optional<String> formId(byte[] bytes) {
    try {
      JsonNode form = JSON.readTree(bytes);
      return form != null && form.hasNonNull("id") ? java.util.Optional.of(form.get("id").asText())
          : java.util.Optional.empty();
    } catch (Exception e) {
      return java.util.Optional.empty(); // the rules report it
    }
  }

  private static boolean isBpmn(String name) {
    return name.endsWith(".bpmn") || name.endsWith(".bpmn20.xml");
  }

  private static String municipality(DeploymentEntity deployment) {
    return deployment.getTenantId() == null ? "alle kommuner (fælles)" : deployment.getTenantId();
  }
}
