package dk.enplan.municipality;

import java.util.List;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProvider;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderCaseInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderHistoricDecisionInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderProcessInstanceContext;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.context.Context;
import org.springframework.stereotype.Component;

/**
 * Tags every course with its municipality's tenant, while the process definitions stay shared. A course started
 * by a caseworker belongs to the caseworker's municipality; a start by a user without exactly one municipality
 * (the administrator, a network-wide system) must name it in the variable {@code municipality}. Called processes
 * inherit the tenant of the course that calls them.
 */
@Component
public class MunicipalityTenantIdProvider implements TenantIdProvider {

  public static final String MUNICIPALITY_VARIABLE = "municipality";

  private final MunicipalityCatalog municipalities;

  public MunicipalityTenantIdProvider(MunicipalityCatalog municipalities) {
    this.municipalities = municipalities;
  }

  @Override
  public String provideTenantIdForProcessInstance(TenantIdProviderProcessInstanceContext ctx) {
    if (ctx.getSuperExecution() != null) {
      return ctx.getSuperExecution().getTenantId();
    }
    Object requested = ctx.getVariables() == null ? null : ctx.getVariables().get(MUNICIPALITY_VARIABLE);
    if (requested instanceof String tenant && municipalities.byTenant(tenant).isPresent()) {
      return tenant;
    }
    if (requested == null) {
      Authentication auth = Context.getCommandContext() == null ? null
          : Context.getCommandContext().getAuthentication();
      List<String> tenants = auth == null || auth.getTenantIds() == null ? List.of() : auth.getTenantIds();
      if (tenants.size() == 1 && municipalities.byTenant(tenants.get(0)).isPresent()) {
        return tenants.get(0);
      }
    }
    return null; // registration rejects a course without a known municipality, naming the field
  }

  @Override
  public String provideTenantIdForCaseInstance(TenantIdProviderCaseInstanceContext ctx) {
    return null;
  }

  @Override
  public String provideTenantIdForHistoricDecisionInstance(TenantIdProviderHistoricDecisionInstanceContext ctx) {
    return ctx.getExecution() == null ? null : ctx.getExecution().getTenantId();
  }
}
