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
 * Runs before the engine's own deployers on every new deployment (not when the engine only rebuilds its cache) and
 * refuses it, with every finding in one {@link DeploymentRefusedException}, if the caller may not deploy for that
 * tenant or a resource breaks the rules. Thrown inside the deploy command, it rolls the whole deployment back.
 */
final class DeploymentGate implements Deployer {

  private final TenantRule tenants = new TenantRule();
  private final ResourceRules resources;

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
