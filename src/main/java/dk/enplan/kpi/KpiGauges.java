package dk.enplan.kpi;

import dk.enplan.municipality.Municipality;
import dk.enplan.municipality.MunicipalityCatalog;
import dk.enplan.operations.CountedGauge;
import dk.enplan.taskcard.CoursePhase;
import io.micrometer.core.instrument.Tags;
import java.sql.Timestamp;
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
 * date by municipality (an index range on the open ones).
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
  CountedGauge kpiLateWork(JdbcTemplate jdbc, MunicipalityCatalog municipalities) {
    return CountedGauge.of("enplan.kpi.late", "Assessments and follow-ups open past their due date, by municipality", () -> {
      Map<String, Long> counts = new HashMap<>();
      jdbc.query("select tenant_id, kind, count(*) from kpi_due where is_open and due_at < ? group by tenant_id,"
          + " kind", rs -> {
            counts.put(rs.getString(1) + "/" + rs.getString(2), rs.getLong(3));
          }, Timestamp.from(ClockUtil.getCurrentTime().toInstant()));
      Map<Tags, Number> values = new LinkedHashMap<>();
      for (Municipality municipality : municipalities.all()) {
        for (String kind : new String[] {KpiEnginePlugin.ASSESSMENT, KpiEnginePlugin.FOLLOW_UP}) {
          values.put(Tags.of("municipality", municipality.tenant(), "kind", kind),
              counts.getOrDefault(municipality.tenant() + "/" + kind, 0L));
        }
      }
      return values;
    });
  }
}
