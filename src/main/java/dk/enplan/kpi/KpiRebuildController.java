package dk.enplan.kpi;

import dk.enplan.security.AdministratorsOnly;
import io.swagger.v3.oas.annotations.Hidden;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/admin/kpi/rebuild} for administrators: rebuilds the KPI read model ({@link KpiRebuild}). */
@Hidden
@RestController
class KpiRebuildController {

  static final String PATH = "/api/admin/kpi/rebuild";

  private final KpiRebuild rebuild;
  private final IdentityService identity;

  KpiRebuildController(KpiRebuild rebuild, IdentityService identity) {
    this.rebuild = rebuild;
    this.identity = identity;
  }

  @PostMapping(value = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<?> rebuild() {
    var refused = AdministratorsOnly.refusal(identity, "genopbygger nøgletallene");
    if (refused.isPresent()) {
      return refused.get();
    }
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(rebuild.rebuild());
  }
}
