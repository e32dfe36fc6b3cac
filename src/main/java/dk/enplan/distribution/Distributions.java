package dk.enplan.distribution;

import dk.enplan.course.Course;
import dk.enplan.course.CourseService;
import dk.enplan.courseevent.CourseEvent;
import dk.enplan.distribution.DistributionProperties.SpecialistSystem;
import dk.enplan.municipality.Municipality;
import dk.enplan.municipality.MunicipalityCatalog;
import dk.enplan.plan.PlanStore;
import dk.enplan.plan.PlanVersion;
import dk.enplan.process.InvalidInputException;
import dk.enplan.sector.Sector;
import dk.enplan.sector.SectorCatalog;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deliveries to the specialist systems: one record per idempotency key, the mode per municipality × sector (never
 * FULL without the citizen's consent for that sector, checked again at the moment of sending), and the payload.
 */
@Service
@Transactional
public class Distributions {

  static final String STATEMENT = "Borgeren modtager indsats efter Én Plan og hovedloven. Planen findes i Én Plan; "
      + "kontakt den koordinerende kontaktperson.";

  /** Counter of delivery attempts on this node by outcome (delivered, rejected, failed). */
  public static final String DELIVERY_ATTEMPTS = "enplan.delivery.attempts";

  private final DistributionRecordRepository records;
  private final SpecialistSystems systems;
  private final CourseService courses;
  private final PlanStore plans;
  private final SectorCatalog sectors;
  private final MunicipalityCatalog municipalities;
  private final MeterRegistry meters;
  private final ApplicationEventPublisher events;

  Distributions(DistributionRecordRepository records, SpecialistSystems systems, CourseService courses,
                PlanStore plans, SectorCatalog sectors, MunicipalityCatalog municipalities, MeterRegistry meters,
                ApplicationEventPublisher events) {
    this.records = records;
    this.systems = systems;
    this.courses = courses;
    this.plans = plans;
    this.sectors = sectors;
    this.municipalities = municipalities;
    this.meters = meters;
    this.events = events;
  }

  /** The record of this delivery, created on first call; the same record for the same idempotency key. */
  DistributionRecord prepare(String courseId, String sector, DeliveryKind kind, Integer planVersion) {
    Course course = courses.get(courseId);
    sectors.get(sector);
    if (kind == DeliveryKind.PLAN && planVersion == null) {
      throw new InvalidInputException("planVersion", "en plan kan kun leveres i en bestemt version");
    }
    String key = courseId + ":" + (kind == DeliveryKind.PLAN ? String.valueOf(planVersion)
        : kind.name().toLowerCase()) + ":" + sector;
    Optional<SpecialistSystem> system = systems.of(course.tenantId(), sector);
    return records.findByIdempotencyKey(key).orElseGet(() -> records.save(new DistributionRecord(courseId, sector,
        kind, kind == DeliveryKind.PLAN ? planVersion : null, mode(course, sector, kind, system), key,
        system.isPresent(), now())));
  }

  /** What the specialist system receives for this record, in the mode allowed now. */
  @Transactional(readOnly = true)
  public Delivery delivery(long recordId) {
    DistributionRecord record = record(recordId);
    Course course = courses.get(record.courseId());
    SpecialistSystem system = systems.of(course.tenantId(), record.sector()).orElseThrow(() ->
        new IllegalStateException("No specialist system for " + course.tenantId() + "/" + record.sector()));
    DeliveryMode mode = mode(course, record.sector(), record.kind(), Optional.of(system));
    return new Delivery(system, mode, record.idempotencyKey(), payload(record, course, mode));
  }

  void delivered(long recordId, DeliveryMode mode) {
    record(recordId).delivered(mode, now());
    attempt("delivered");
  }

  void rejected(long recordId, String reason) {
    DistributionRecord record = record(recordId);
    record.rejected(reason);
    attempt("rejected");
    publish(CourseEvent.Kind.DELIVERY_REJECTED, "delivery-rejected:", record);
  }

  void failed(long recordId, String error) {
    DistributionRecord record = record(recordId);
    record.failed(error);
    attempt("failed");
    publish(CourseEvent.Kind.DELIVERY_FAILED, "delivery-failed:", record);
  }

  /** For the KPIs (docs/kpi.md): a delivery counts once as failed however often it is retried. */
  private void publish(CourseEvent.Kind kind, String keyPrefix, DistributionRecord record) {
    events.publishEvent(CourseEvent.of(kind, keyPrefix + record.id(), record.courseId(), record.sector(), now()));
  }

  /** Counts an attempt on this node ({@code enplan_delivery_attempts_total}, docs/operations.md). */
  private void attempt(String outcome) {
    meters.counter(DELIVERY_ATTEMPTS, "outcome", outcome).increment();
  }

  @Transactional(readOnly = true)
  public List<DistributionRecord> forCourse(String courseId) {
    return records.findByCourseIdOrderById(courseId);
  }

  private DistributionRecord record(long id) {
    return records.findById(id).orElseThrow(() -> new IllegalStateException("No distribution record " + id));
  }

  private DeliveryMode mode(Course course, String sector, DeliveryKind kind, Optional<SpecialistSystem> system) {
    boolean consent = courses.consents(course.id()).stream().anyMatch(c -> c.isActive() && c.sector().equals(sector));
    boolean full = kind == DeliveryKind.PLAN && consent
        && system.map(SpecialistSystem::mode).orElse(DeliveryMode.REFERENCE) == DeliveryMode.FULL;
    return full ? DeliveryMode.FULL : DeliveryMode.REFERENCE;
  }

  private Map<String, Object> payload(DistributionRecord record, Course course, DeliveryMode mode) {
    Municipality municipality = municipalities.byTenant(course.tenantId()).orElseThrow();
    Sector sector = sectors.get(record.sector());
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("idempotencyKey", record.idempotencyKey());
    payload.put("kind", record.kind().name());
    payload.put("mode", mode.name());
    payload.put("planId", course.id());
    payload.put("planVersion", record.planVersion());
    payload.put("cpr", course.cpr().digits());
    payload.put("citizenName", course.citizenName());
    payload.put("municipality", Map.of("code", municipality.code(), "name", municipality.name()));
    payload.put("sector", Map.of("key", sector.key(), "name", sector.name(), "law", sector.law()));
    payload.put("contactPerson", course.coordinator());
    payload.put("link", "/api/courses/" + course.id() + "/plan");
    payload.put("statement", switch (record.kind()) {
      case PLAN -> STATEMENT;
      case CLOSURE -> "Forløbet efter Én Plan er afsluttet (" + course.closureReason() + "). Borgeren modtager ikke "
          + "længere indsats efter hovedloven.";
      case WITHDRAWAL -> "Borgeren har trukket sit samtykke tilbage for " + sector.name() + ". Oplysninger fra Én "
          + "Plan må ikke længere bruges.";
    });
    if (mode == DeliveryMode.FULL) {
      PlanVersion plan = plans.history(course.id()).stream().filter(v -> v.version() == record.planVersion())
          .findFirst().orElseThrow();
      payload.put("citizenGoals", plan.citizenGoals());
      payload.put("goals", plan.goals().stream().map(g -> Map.of("lifeDomain", g.lifeDomain().key(),
          "citizenWords", g.citizenWords(), "goal", g.goal(), "subGoals", g.subGoals() == null ? "" : g.subGoals()))
          .toList());
      payload.put("interventions", plan.interventions().stream().filter(i -> i.sector().equals(sector.key()))
          .map(i -> Map.of("sequence", i.sequence(), "description", i.description(), "responsible", i.responsible(),
              "plannedStart", i.plannedStart().toString(),
              "plannedEnd", i.plannedEnd() == null ? "" : i.plannedEnd().toString()))
          .toList());
    }
    return payload;
  }

  private static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  /** A delivery ready to send. */
  public record Delivery(SpecialistSystem system, DeliveryMode mode, String idempotencyKey,
                         Map<String, Object> payload) {
  }
}
