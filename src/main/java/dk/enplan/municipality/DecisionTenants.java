package dk.enplan.municipality;

import dk.enplan.process.WithoutUserChecks;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Which version of a decision table a course uses: its municipality's own, if the municipality has deployed one
 * under its tenant, otherwise the shared one. Business rule tasks ask it through
 * {@code camunda:decisionRefTenantId="${decisionTenants.of(execution, 'maalgruppe')}"} (null = shared).
 */
@Component("decisionTenants")
public class DecisionTenants {

  private final RepositoryService repository;

  DecisionTenants(RepositoryService repository) {
    this.repository = repository;
  }

  public String of(DelegateExecution execution, String decisionKey) {
    String tenant = execution.getTenantId();
    if (tenant == null) {
      return null;
    }
    long own = WithoutUserChecks.get(() -> repository.createDecisionDefinitionQuery().decisionDefinitionKey(decisionKey)
        .tenantIdIn(tenant).count());
    return own > 0 ? tenant : null;
  }
}
