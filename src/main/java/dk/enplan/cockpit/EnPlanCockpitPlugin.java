package dk.enplan.cockpit;

import java.util.Set;
import org.camunda.bpm.cockpit.plugin.spi.impl.AbstractCockpitPlugin;

/**
 * The "Én Plan" page inside Camunda Cockpit: a Cockpit plugin in Camunda's own plugin mechanism, found by Cockpit
 * through {@code META-INF/services/org.camunda.bpm.cockpit.plugin.spi.CockpitPlugin}. Cockpit loads its client part,
 * {@code plugin-webapp/en-plan/app/plugin.js}, itself (with its own pages); the page reads the KPIs through
 * {@link EnPlanCockpitResource} with the Cockpit login. docs/webapps.md, section "Én Plan in Cockpit".
 */
public class EnPlanCockpitPlugin extends AbstractCockpitPlugin {

  public static final String ID = "en-plan";

  @Override
  public String getId() {
    return ID;
  }

  @Override
  public Set<Class<?>> getResourceClasses() {
    return Set.of(EnPlanCockpitResource.class);
  }
}
