package dk.enplan.kpi;

import dk.enplan.municipality.Municipality;
import dk.enplan.municipality.MunicipalityCatalog;
import dk.enplan.process.RequestRefusedException;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Who sees which KPIs: a leader ({@value #LEADER}) her own municipality only, drill-down to its courses included; the
 * network role ({@value #NETWORK}) every municipality and the network as a whole, but no course lists (no citizen of a
 * municipality); everybody else nothing. The caller is the one the HTTP Basic filter left with the identity service.
 */
@Component
class KpiAccess {

  static final String LEADER = "leder";
  static final String NETWORK = "netvaerk";

  private final IdentityService identity;
  private final MunicipalityCatalog municipalities;

  KpiAccess(IdentityService identity, MunicipalityCatalog municipalities) {
    this.identity = identity;
    this.municipalities = municipalities;
  }

  /** The municipality the summary is for, empty network-wide. */
  Optional<Municipality> summaryScope(String requested) {
    Authentication caller = caller();
    boolean network = groups(caller).contains(NETWORK);
    if (!network && !groups(caller).contains(LEADER)) {
      throw refused("nøgletallene kan kun ses af grupperne " + LEADER + " og " + NETWORK);
    }
    Optional<Municipality> asked = requested(requested);
    if (network) {
      return asked;
    }
    Municipality own = ownMunicipality(caller);
    if (asked.isPresent() && !asked.get().tenant().equals(own.tenant())) {
      throw new RequestRefusedException(HttpStatus.FORBIDDEN, "municipality",
          "en leder ser kun nøgletal for sin egen kommune (" + own.tenant() + ")");
    }
    return Optional.of(own);
  }

  /** The municipality whose courses a drill-down lists: the leader's own. */
  Municipality drillDownScope(String requested) {
    Authentication caller = caller();
    if (!groups(caller).contains(LEADER)) {
      throw refused("forløbene bag et nøgletal kan kun ses af en leder (gruppen " + LEADER
          + ") i sin egen kommune");
    }
    Optional<Municipality> asked = requested(requested);
    Municipality own = ownMunicipality(caller);
    if (asked.isPresent() && !asked.get().tenant().equals(own.tenant())) {
      throw new RequestRefusedException(HttpStatus.FORBIDDEN, "municipality",
          "en leder ser kun forløb i sin egen kommune (" + own.tenant() + ")");
    }
    return own;
  }

  private Optional<Municipality> requested(String requested) {
    if (requested == null || requested.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(municipalities.byTenant(requested).orElseThrow(() -> new RequestRefusedException(
        HttpStatus.BAD_REQUEST, "municipality", "ukendt kommune '" + RequestRefusedException.shorten(requested)
        + "'; angiv kommunens tenant-id, fx allerod")));
  }

  private Municipality ownMunicipality(Authentication caller) {
    List<Municipality> own = (caller.getTenantIds() == null ? List.<String>of() : caller.getTenantIds()).stream()
        .map(municipalities::byTenant).flatMap(Optional::stream).toList();
    if (own.size() != 1) {
      throw refused("en leder skal høre til præcis én kommune for at se dens nøgletal");
    }
    return own.get(0);
  }

  private Authentication caller() {
    Authentication caller = identity.getCurrentAuthentication();
    if (caller == null || caller.getUserId() == null) {
      throw new RequestRefusedException(HttpStatus.UNAUTHORIZED, null, "log ind med HTTP Basic");
    }
    return caller;
  }

  private static List<String> groups(Authentication caller) {
    return caller.getGroupIds() == null ? List.of() : caller.getGroupIds();
  }

  private static RequestRefusedException refused(String message) {
    return new RequestRefusedException(HttpStatus.FORBIDDEN, null, message);
  }
}
