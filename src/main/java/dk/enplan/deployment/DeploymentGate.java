package dk.enplan.deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;

/**
 * Runs before the engine's own deployers on every new deployment (not when the engine only rebuilds its cache):
 * completes it with the forms and called processes its processes reference but do not bring
 * ({@link ReferencedModels}), and refuses it, with every finding in one {@link DeploymentRefusedException}, if the
 * caller may not deploy for that tenant, a reference is found nowhere, or a resource breaks the rules. Thrown inside
 * the deploy command, it rolls the whole deployment back.
 */
final class DeploymentGate implements Deployer {

  private final TenantRule tenants = new TenantRule();
  private final ResourceRules resources;
  private final ReferencedModels references = new ReferencedModels();

  DeploymentGate(ApplicationBeans beans) {
    this.resources = new ResourceRules(beans);
  }

  @Override
  public void deploy(DeploymentEntity deployment) {
    if (!deployment.isNew()) {
      return;
    }
    CommandContext command = Context.getCommandContext();
    Authentication caller = command == null ? null : command.getAuthentication();
    Optional<Finding> tenant = tenants.check(caller, deployment.getTenantId(), deployment.getName());
    List<Finding> findings = new ArrayList<>();
    tenant.ifPresent(findings::add);
    if (tenant.isEmpty() && command != null && deployment.getResources() != null) {
      findings.addAll(references.complete(command, deployment));
    }
    Map<String, ResourceEntity> deployed = deployment.getResources();
    if (deployed != null) {
      deployed.values().forEach(resource -> findings.addAll(resources.check(resource.getName(), resource.getBytes())));
    }
    if (!findings.isEmpty()) {
      throw new DeploymentRefusedException(tenant.isPresent() && findings.size() == 1 ? "tenant-id" : "deployment",
          findings);
    }
  }
}
