package dk.enplan.municipality;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/** Installs {@link MunicipalityTenantIdProvider} in the engine. */
@Component
class TenantIdProviderPlugin extends AbstractProcessEnginePlugin {

  private final MunicipalityTenantIdProvider provider;

  TenantIdProviderPlugin(MunicipalityTenantIdProvider provider) {
    this.provider = provider;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setTenantIdProvider(provider);
  }
}
