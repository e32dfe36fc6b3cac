package dk.enplan.deployment;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * Puts {@link DeploymentGate} in front of the engine's deployers, so no deployment (REST, Camunda Modeler, the
 * application's own at start) reaches the engine unchecked. See docs/deployment-rules.md.
 */
@Component
class DeploymentRulesPlugin extends AbstractProcessEnginePlugin {

  private final ApplicationContext context;

  DeploymentRulesPlugin(ApplicationContext context) {
    this.context = context;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<Deployer> preDeployers = configuration.getCustomPreDeployers() == null ? new ArrayList<>()
        : new ArrayList<>(configuration.getCustomPreDeployers());
    preDeployers.add(new DeploymentGate(ApplicationBeans.of(context)));
    configuration.setCustomPreDeployers(preDeployers);
  }
}
