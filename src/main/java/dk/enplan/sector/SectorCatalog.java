package dk.enplan.sector;

import dk.enplan.process.InvalidInputException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The sectors taking part in Én Plan, read from configuration ({@code enplan.sectors}); adding a sector is a
 * configuration change, not a code change. Models reach it as {@code ${sectorCatalog.get(sector)}}.
 */
@Component("sectorCatalog")
public class SectorCatalog {

  private final Map<String, Sector> sectors;

  public SectorCatalog(SectorProperties properties) {
    if (properties.sectors().isEmpty()) {
      throw new IllegalStateException("No sectors configured (enplan.sectors)");
    }
    this.sectors = properties.sectors().stream()
        .collect(Collectors.toMap(Sector::key, s -> s, (a, b) -> {
          throw new IllegalStateException("Sector configured twice: " + a.key());
        }, LinkedHashMap::new));
  }

  public Collection<Sector> all() {
    return sectors.values();
  }

  public Sector get(String key) {
    Sector sector = sectors.get(key);
    if (sector == null) {
      throw new InvalidInputException("sector", "ukendt sektor '" + key + "'");
    }
    return sector;
  }

  /** Checks every key in {@code keys}; the error names {@code field} and the unknown key. */
  public List<Sector> require(String field, List<String> keys) {
    return keys.stream().map(key -> {
      Sector sector = sectors.get(key);
      if (sector == null) {
        throw new InvalidInputException(field, "ukendt sektor '" + key + "'");
      }
      return sector;
    }).toList();
  }

  /** Value → Danish name, for the options of a form field. */
  public Map<String, String> options(Collection<String> keys) {
    Map<String, String> options = new LinkedHashMap<>();
    keys.forEach(key -> options.put(key, get(key).name()));
    return options;
  }

  public String names(Collection<String> keys) {
    return keys.stream().map(key -> get(key).name()).collect(Collectors.joining(", "));
  }

  @ConfigurationProperties("enplan")
  public record SectorProperties(List<Sector> sectors) {
    public SectorProperties {
      sectors = sectors == null ? List.of() : List.copyOf(sectors);
    }
  }
}
