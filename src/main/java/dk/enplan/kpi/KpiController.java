package dk.enplan.kpi;

import dk.enplan.planapi.ApiError;
import dk.enplan.process.RequestRefusedException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
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

  private final KpiReports reports;

  KpiController(KpiReports reports) {
    this.reports = reports;
  }

  @GetMapping(value = "/api/kpi/summary", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "Every KPI of one municipality or the network for a period of months (leder, netvaerk)")
  ResponseEntity<KpiSummary> summary(
      @Parameter(description = "First month, YYYY-MM") @RequestParam(required = false) String from,
      @Parameter(description = "Last month, YYYY-MM") @RequestParam(required = false) String to,
      @Parameter(description = "Tenant id; a leader's own by default, network-wide for netvaerk")
      @RequestParam(required = false) String municipality) {
    return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(reports.summary(municipality, from, to));
  }

  @GetMapping(value = "/api/kpi/courses", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "The courses behind one KPI of the leader's own municipality, 50 a page (leder only)")
  ResponseEntity<KpiCourses> courses(
      @Parameter(description = "The KPI, e.g. daysToFirstPlan") @RequestParam(required = false) String kpi,
      @Parameter(description = "First month, YYYY-MM") @RequestParam(required = false) String from,
      @Parameter(description = "Last month, YYYY-MM") @RequestParam(required = false) String to,
      @Parameter(description = "The leader's own tenant id (default)") @RequestParam(required = false)
      String municipality,
      @Parameter(description = "Phase, closure reason, life domain or sector, by KPI") @RequestParam(required = false)
      String key,
      @Parameter(description = "The next page: the answer's next") @RequestParam(required = false) String after) {
    return ResponseEntity.ok().cacheControl(CacheControl.noStore())
        .body(reports.courses(kpi, from, to, municipality, key, after));
  }
}
