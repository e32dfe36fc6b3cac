package dk.enplan.kpi;

import dk.enplan.municipality.Municipality;
import dk.enplan.planapi.ApiError;
import dk.enplan.process.RequestRefusedException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import dk.enplan.course.DanishDates;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The KPIs for leaders and the network (docs/kpi.md): read from the read model, never from Camunda's history. */
@RestController
class KpiController {

  static final String NETWORK_NAME = "Hele netværket";

  private final KpiAccess access;
  private final KpiQueries queries;
  private final KpiDrillDown drillDown;

  KpiController(KpiAccess access, KpiQueries queries, KpiDrillDown drillDown) {
    this.access = access;
    this.queries = queries;
    this.drillDown = drillDown;
  }

  @GetMapping(value = "/api/kpi/summary", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "Every KPI of one municipality or the network for a period of months (leder, netvaerk)")
  ResponseEntity<KpiSummary> summary(
      @Parameter(description = "First month, YYYY-MM") @RequestParam(required = false) String from,
      @Parameter(description = "Last month, YYYY-MM") @RequestParam(required = false) String to,
      @Parameter(description = "Tenant id; a leader's own by default, network-wide for netvaerk")
      @RequestParam(required = false) String municipality) {
    Optional<Municipality> scope = access.summaryScope(municipality);
    KpiPeriod period = KpiPeriod.parse(from, to);
    Instant now = now();
    KpiSummary.Scope described = new KpiSummary.Scope(scope.map(Municipality::tenant).orElse(null),
        scope.map(Municipality::name).orElse(NETWORK_NAME), period.from().toString(), period.to().toString(),
        LocalDate.ofInstant(now, DanishDates.DANISH_TIME).toString());
    return ResponseEntity.ok().cacheControl(CacheControl.noStore())
        .body(queries.summary(described, scope.map(Municipality::tenant).orElse(null), period, now));
  }

  @GetMapping(value = "/api/kpi/courses", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "The courses behind one KPI of the leader's own municipality (leder only)")
  ResponseEntity<KpiCourses> courses(
      @Parameter(description = "The KPI, e.g. daysToFirstPlan") @RequestParam(required = false) String kpi,
      @Parameter(description = "First month, YYYY-MM") @RequestParam(required = false) String from,
      @Parameter(description = "Last month, YYYY-MM") @RequestParam(required = false) String to,
      @Parameter(description = "The leader's own tenant id (default)") @RequestParam(required = false)
      String municipality,
      @Parameter(description = "Phase, closure reason, life domain or sector, by KPI") @RequestParam(required = false)
      String key) {
    Municipality scope = access.drillDownScope(municipality);
    KpiPeriod period = KpiPeriod.parse(from, to);
    return ResponseEntity.ok().cacheControl(CacheControl.noStore())
        .body(drillDown.courses(kpi, key, scope.tenant(), period, now()));
  }

  @ExceptionHandler(RequestRefusedException.class)
  ResponseEntity<ApiError> refused(RequestRefusedException refusal) {
    return ResponseEntity.status(refusal.status()).contentType(MediaType.APPLICATION_JSON)
        .body(new ApiError(refusal.field(), refusal.getMessage()));
  }

  private static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }
}
