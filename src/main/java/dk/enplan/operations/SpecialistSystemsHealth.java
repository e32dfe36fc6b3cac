package dk.enplan.operations;

import dk.enplan.distribution.DistributionProperties;
import dk.enplan.distribution.DistributionProperties.SpecialistSystem;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Health component {@code specialistSystems}: for every configured specialist system (municipality and sector) its
 * last delivery in the plan store. {@code DEGRADED} (still HTTP 200) when the last delivery to some system is failing,
 * so that monitoring sees it; never part of readiness, because a node cannot help a specialist system that is down.
 * Read once per {@value #CACHE_SECONDS} seconds at most, however often the endpoint is polled.
 */
@Component("specialistSystemsHealthIndicator")
class SpecialistSystemsHealth extends AbstractHealthIndicator {

  static final Status DEGRADED = new Status("DEGRADED");
  static final int CACHE_SECONDS = 10;
  private static final String LAST_DELIVERY = """
      select d.status, d.created_at, d.delivered_at from distribution_record d join course c on c.id = d.course_id
      where c.tenant_id = ? and d.sector = ? order by d.id desc fetch first 1 rows only""";
  private static final String LAST_DELIVERED = """
      select max(d.delivered_at) from distribution_record d join course c on c.id = d.course_id
      where c.tenant_id = ? and d.sector = ? and d.status = 'DELIVERED'""";

  private final DistributionProperties distribution;
  private final JdbcTemplate jdbc;
  private final CachedValue<Health> health;

  SpecialistSystemsHealth(DistributionProperties distribution, JdbcTemplate jdbc) {
    this.distribution = distribution;
    this.jdbc = jdbc;
    this.health = new CachedValue<>(Duration.ofSeconds(CACHE_SECONDS), this::read);
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    Health current = health.get();
    builder.status(current.getStatus()).withDetails(current.getDetails());
  }

  private Health read() {
    boolean failing = false;
    Map<String, Object> systems = new LinkedHashMap<>();
    for (SpecialistSystem system : distribution.systems()) {
      Map<String, Object> detail = new LinkedHashMap<>();
      List<Map<String, Object>> last = jdbc.queryForList(LAST_DELIVERY, system.municipality(), system.sector());
      if (last.isEmpty()) {
        detail.put("lastStatus", "NONE");
      } else {
        String status = (String) last.get(0).get("status");
        failing |= "FAILING".equals(status);
        detail.put("lastStatus", status);
        detail.put("lastCreatedAt", instant(last.get(0).get("created_at")));
      }
      Object delivered = jdbc.queryForObject(LAST_DELIVERED, Object.class, system.municipality(), system.sector());
      if (delivered != null) {
        detail.put("lastDeliveredAt", instant(delivered));
      }
      systems.put(system.municipality() + "/" + system.sector(), detail);
    }
    return Health.status(failing ? DEGRADED : Status.UP).withDetails(systems).build();
  }

  private static String instant(Object value) {
    if (value instanceof Timestamp timestamp) {
      return timestamp.toInstant().toString();
    }
    if (value instanceof java.time.OffsetDateTime offset) {
      return offset.toInstant().toString();
    }
    return String.valueOf(value);
  }
}
