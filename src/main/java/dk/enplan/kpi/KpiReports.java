package dk.enplan.kpi;

import dk.enplan.course.DanishDates;
import dk.enplan.municipality.Municipality;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Service;

/**
 * The KPIs for the caller the identity service holds (HTTP Basic on {@code /api/kpi}, or a Cockpit session in a
 * Cockpit plugin's resource): access checked first ({@link KpiAccess}), then the parameters, then the read model.
 * Refusals are {@link dk.enplan.process.RequestRefusedException} with status, field and Danish message.
 */
@Service
public class KpiReports {

  static final String NETWORK_NAME = "Hele netværket";

  private final KpiAccess access;
  private final KpiQueries queries;
  private final KpiDrillDown drillDown;

  KpiReports(KpiAccess access, KpiQueries queries, KpiDrillDown drillDown) {
    this.access = access;
    this.queries = queries;
    this.drillDown = drillDown;
  }

  /** Every KPI of the municipality (a leader's own by default) or, for the network role, network-wide. */
  public KpiSummary summary(String municipality, String from, String to) {
    Optional<Municipality> scope = access.summaryScope(municipality);
    KpiPeriod period = KpiPeriod.parse(from, to);
    Instant now = now();
    KpiSummary.Scope described = new KpiSummary.Scope(scope.map(Municipality::tenant).orElse(null),
        scope.map(Municipality::name).orElse(NETWORK_NAME), period.from().toString(), period.to().toString(),
        LocalDate.ofInstant(now, DanishDates.DANISH_TIME).toString());
    return queries.summary(described, scope.map(Municipality::tenant).orElse(null), period, now);
  }

  /** One page of the courses behind one KPI of the leader's own municipality ({@code after}: the page before's next). */
  public KpiCourses courses(String kpi, String from, String to, String municipality, String key, String after) {
    Municipality scope = access.drillDownScope(municipality);
    KpiPeriod period = KpiPeriod.parse(from, to);
    return drillDown.courses(kpi, key, scope.tenant(), period, after, now());
  }

  private static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }
}
