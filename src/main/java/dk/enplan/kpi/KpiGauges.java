package dk.enplan.kpi;

import dk.enplan.municipality.Municipality;
import dk.enplan.municipality.MunicipalityCatalog;
import dk.enplan.operations.CountedGauge;
import dk.enplan.taskcard.CoursePhase;
import io.micrometer.core.instrument.Tags;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two KPIs as Prometheus gauges (docs/operations.md, docs/kpi.md), from the read model: the courses not ended by
 * municipality and phase (the counters of "now", a few rows), and the assessments and follow-ups open past their due
 * date by municipality (as the summary counts them, {@link KpiQueries#lateNow}).
 */
@Configuration
class KpiGauges {

  @Bean
  CountedGauge kpiActiveCourses(JdbcTemplate jdbc, MunicipalityCatalog municipalities) {
    return CountedGauge.of("enplan.kpi.courses.active", "Courses not ended, by municipality and phase (KPI read model)", () -> {
      Map<String, Long> counts = new HashMap<>();
      jdbc.query("select tenant_id, item, sum(amount) from kpi_month where yyyymm = 0 and metric = ?"
          + " group by tenant_id, item", rs -> {
            counts.put(rs.getString(1) + "/" + rs.getString(2), rs.getLong(3));
          }, KpiMetric.ACTIVE);
      Map<Tags, Number> values = new LinkedHashMap<>();
      for (Municipality municipality : municipalities.all()) {
        for (CoursePhase phase : CoursePhase.values()) {
          values.put(Tags.of("municipality", municipality.tenant(), "phase", phase.name()),
              counts.getOrDefault(municipality.tenant() + "/" + phase.name(), 0L));
        }
      }
      return values;
    });
  }

  @Bean
  CountedGauge kpiLateWork(KpiQueries queries, MunicipalityCatalog municipalities) {
    return CountedGauge.of("enplan.kpi.late", "Assessments and follow-ups open past their due date, by municipality", () -> {
      Instant now = ClockUtil.getCurrentTime().toInstant();
      Map<Tags, Number> values = new LinkedHashMap<>();
      for (Municipality municipality : municipalities.all()) {
        KpiSummary.LateCount late = queries.lateNow(municipality.tenant(), now);
        values.put(Tags.of("municipality", municipality.tenant(), "kind", KpiEnginePlugin.ASSESSMENT),
            late.assessments());
        values.put(Tags.of("municipality", municipality.tenant(), "kind", KpiEnginePlugin.FOLLOW_UP),
            late.followUps());
      }
      return values;
    });
  }
}
