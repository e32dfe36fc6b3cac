package dk.enplan.plan;

import dk.enplan.process.InvalidInputException;
import java.util.Arrays;

/** The life domains the citizen's goals and progression are measured on; keys as the forms write them. */
public enum LifeDomain {
  ARBEJDE("arbejde", "Arbejde og uddannelse", "progressionWork"),
  HELBRED("helbred", "Helbred", "progressionHealth"),
  BOLIG("bolig", "Bolig", "progressionHousing"),
  OEKONOMI("oekonomi", "Økonomi", "progressionEconomy"),
  NETVAERK("netvaerk", "Familie og netværk", "progressionNetwork");

  private final String key;
  private final String label;
  private final String progressionField;

  LifeDomain(String key, String label, String progressionField) {
    this.key = key;
    this.label = label;
    this.progressionField = progressionField;
  }

  public String key() {
    return key;
  }

  public String label() {
    return label;
  }

  /** The follow-up form's score field for this domain. */
  public String progressionField() {
    return progressionField;
  }

  public static LifeDomain of(String field, String key) {
    return Arrays.stream(values()).filter(d -> d.key.equals(key)).findFirst()
        .orElseThrow(() -> new InvalidInputException(field, "ukendt livsområde '" + key + "'"));
  }
}
