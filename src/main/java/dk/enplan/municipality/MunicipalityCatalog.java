package dk.enplan.municipality;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/** The municipalities (tenants) of the network, read from configuration ({@code enplan.municipalities}). */
@Component
public class MunicipalityCatalog {

  private final Map<String, Municipality> byTenant = new LinkedHashMap<>();

  public MunicipalityCatalog(MunicipalityProperties properties) {
    if (properties.municipalities().isEmpty()) {
      throw new IllegalStateException("No municipalities configured (enplan.municipalities)");
    }
    properties.municipalities().forEach(m -> {
      if (byTenant.put(m.tenant(), m) != null) {
        throw new IllegalStateException("Municipality configured twice: " + m.tenant());
      }
    });
  }

  public Collection<Municipality> all() {
    return byTenant.values();
  }

  public Optional<Municipality> byTenant(String tenant) {
    return Optional.ofNullable(tenant).map(byTenant::get);
  }

  @ConfigurationProperties("enplan")
  public record MunicipalityProperties(List<Municipality> municipalities) {
    public MunicipalityProperties {
      municipalities = municipalities == null ? List.of() : List.copyOf(municipalities);
    }
  }
}
