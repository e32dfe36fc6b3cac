package dk.enplan.distribution;

import dk.enplan.distribution.DistributionProperties.SpecialistSystem;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Which specialist system, if any, receives a municipality's deliveries for a sector. */
@Component
public class SpecialistSystems {

  private final DistributionProperties properties;

  SpecialistSystems(DistributionProperties properties) {
    this.properties = properties;
  }

  public Optional<SpecialistSystem> of(String municipality, String sector) {
    return properties.systems().stream()
        .filter(s -> s.municipality().equals(municipality) && s.sector().equals(sector)).findFirst();
  }

  /** The external-task topics the worker subscribes to, one per integration. */
  public List<String> topics() {
    return properties.systems().stream().map(SpecialistSystem::topic).distinct().toList();
  }
}
