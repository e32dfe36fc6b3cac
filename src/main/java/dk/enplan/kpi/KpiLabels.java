package dk.enplan.kpi;

import dk.enplan.plan.LifeDomain;
import dk.enplan.taskcard.CoursePhase;
import java.util.LinkedHashMap;
import java.util.Map;

/** The Danish words for the codes the read model stores. */
final class KpiLabels {

  /** Closure reasons in the order the page shows them (docs/export.md lists the same codes). */
  static final Map<String, String> CLOSURE_REASONS = new LinkedHashMap<>();

  static {
    CLOSURE_REASONS.put("maal_naaet", "Mål nået");
    CLOSURE_REASONS.put("ikke_laengere_behov", "Ikke længere behov");
    CLOSURE_REASONS.put("borger_oensker_ophoer", "Borgeren ønsker ophør");
    CLOSURE_REASONS.put("fraflytning", "Fraflytning");
    CLOSURE_REASONS.put("samtykke_tilbagekaldt", "Samtykket tilbagekaldt");
    CLOSURE_REASONS.put("intet_samtykke", "Intet samtykke");
    CLOSURE_REASONS.put("ikke_i_maalgruppen", "Ikke i målgruppen");
    CLOSURE_REASONS.put("andet", "Andet");
  }

  private KpiLabels() {
  }

  static String closureReason(String code) {
    return CLOSURE_REASONS.getOrDefault(code, code);
  }

  static String lifeDomain(String key) {
    if ("samlet".equals(key)) {
      return "Samlet vurdering";
    }
    for (LifeDomain domain : LifeDomain.values()) {
      if (domain.key().equals(key)) {
        return domain.label();
      }
    }
    return key;
  }

  /** The phase of an open course, or what an ended one ended as. */
  static String phase(String status, String phase) {
    return switch (status) {
      case "CLOSED" -> "Afsluttet";
      case "NO_CONSENT" -> "Intet samtykke";
      case "NOT_IN_TARGET_GROUP" -> "Ikke i målgruppen";
      default -> phase == null ? "Henvist" : CoursePhase.valueOf(phase).label();
    };
  }
}
