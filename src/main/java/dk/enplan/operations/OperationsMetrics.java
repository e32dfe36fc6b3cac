package dk.enplan.operations;

import dk.enplan.course.CourseStatus;
import dk.enplan.distribution.DistributionRecord;
import dk.enplan.municipality.Municipality;
import dk.enplan.municipality.MunicipalityCatalog;
import dk.enplan.sector.Sector;
import dk.enplan.sector.SectorCatalog;
import io.micrometer.core.instrument.Tags;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The operations gauges (docs/operations.md): each one count query on a runtime table of the engine or on the plan
 * store, never on Camunda's history. They count the whole database, so every node of a cluster reports the same
 * values (aggregate with max, not sum).
 */
@Configuration
class OperationsMetrics {

  @Bean
  CountedGauge jobsDue(ManagementService management) {
    return CountedGauge.of("enplan.jobs.due", "Jobs (timers, async continuations) due now with retries left",
        () -> Map.of(Tags.empty(), management.createJobQuery().executable().count()));
  }

  @Bean
  CountedGauge jobsFailed(ManagementService management) {
    return CountedGauge.of("enplan.jobs.failed", "Jobs whose retries are used up (each has an incident in Cockpit)",
        () -> Map.of(Tags.empty(), management.createJobQuery().noRetriesLeft().count()));
  }

  @Bean
  CountedGauge incidents(RuntimeService runtime) {
    return CountedGauge.of("enplan.incidents", "Open incidents by type (failedJob, failedExternalTask)", () -> {
      Map<Tags, Number> counts = new LinkedHashMap<>();
      for (String type : new String[] {Incident.FAILED_JOB_HANDLER_TYPE, Incident.EXTERNAL_TASK_HANDLER_TYPE}) {
        counts.put(Tags.of("type", type), runtime.createIncidentQuery().incidentType(type).count());
      }
      return counts;
    });
  }

  @Bean
  CountedGauge openTasks(JdbcTemplate jdbc) {
    return CountedGauge.of("enplan.tasks.open", "Open user tasks by task (the step of the course) and municipality",
        () -> grouped(jdbc, "select TASK_DEF_KEY_, TENANT_ID_, count(*) from ACT_RU_TASK group by TASK_DEF_KEY_, "
            + "TENANT_ID_", "task", "municipality"));
  }

  /** Every municipality × status, 0 where there is none, so that a dashboard or alert never misses a series. */
  @Bean
  CountedGauge courses(JdbcTemplate jdbc, MunicipalityCatalog municipalities) {
    List<String> tenants = municipalities.all().stream().map(Municipality::tenant).toList();
    List<String> statuses = Arrays.stream(CourseStatus.values()).map(Enum::name).toList();
    return CountedGauge.of("enplan.courses", "Courses in the plan store by municipality and status",
        () -> grouped(jdbc, "select tenant_id, status, count(*) from course group by tenant_id, status",
            "municipality", tenants, "status", statuses));
  }

  /** Every sector × status, 0 where there is none. */
  @Bean
  CountedGauge deliveries(JdbcTemplate jdbc, SectorCatalog sectors) {
    List<String> keys = sectors.all().stream().map(Sector::key).toList();
    List<String> statuses = Arrays.stream(DistributionRecord.Status.values()).map(Enum::name).toList();
    return CountedGauge.of("enplan.deliveries", "Deliveries to specialist systems by sector and status",
        () -> grouped(jdbc, "select sector, status, count(*) from distribution_record group by sector, status",
            "sector", keys, "status", statuses));
  }

  private static Map<Tags, Number> grouped(JdbcTemplate jdbc, String sql, String firstTag, List<String> firstValues,
                                           String secondTag, List<String> secondValues) {
    Map<Tags, Number> counts = new LinkedHashMap<>();
    firstValues.forEach(first -> secondValues.forEach(second ->
        counts.put(Tags.of(firstTag, first, secondTag, second), 0L)));
    counts.putAll(grouped(jdbc, sql, firstTag, secondTag));
    return counts;
  }

  /** Rows of (tag value, tag value, count) as series; a null tag value (a task of no tenant) reads "none". */
  private static Map<Tags, Number> grouped(JdbcTemplate jdbc, String sql, String firstTag, String secondTag) {
    Map<Tags, Number> counts = new LinkedHashMap<>();
    jdbc.query(sql, row -> {
      counts.put(Tags.of(firstTag, orNone(row.getString(1)), secondTag, orNone(row.getString(2))), row.getLong(3));
    });
    return counts;
  }

  private static String orNone(String value) {
    return value == null ? "none" : value;
  }
}
