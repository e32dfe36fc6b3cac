package dk.enplan.distribution;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One delivery to one sector's specialist system, identified by its idempotency key ({@code planId:version:sector}
 * for a plan version): what was sent, in which mode, and how it went.
 */
@Entity
@Table(name = "distribution_record")
public class DistributionRecord {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  @Column(name = "course_id", nullable = false, updatable = false)
  private String courseId;
  @Column(nullable = false, updatable = false)
  private String sector;
  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false)
  private DeliveryKind kind;
  @Column(name = "plan_version", updatable = false)
  private Integer planVersion;
  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private DeliveryMode mode;
  @Column(name = "idempotency_key", nullable = false, unique = true, updatable = false)
  private String idempotencyKey;
  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Status status;
  @Column(nullable = false)
  private int attempts;
  @Column(name = "last_error")
  private String lastError;
  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;
  @Column(name = "delivered_at")
  private Instant deliveredAt;

  protected DistributionRecord() {
  }

  DistributionRecord(String courseId, String sector, DeliveryKind kind, Integer planVersion, DeliveryMode mode,
                     String idempotencyKey, boolean hasEndpoint, Instant now) {
    this.courseId = courseId;
    this.sector = sector;
    this.kind = kind;
    this.planVersion = planVersion;
    this.mode = mode;
    this.idempotencyKey = idempotencyKey;
    this.status = hasEndpoint ? Status.PENDING : Status.KEPT_LOCALLY;
    this.createdAt = now;
  }

  void attempted(String error) {
    attempts++;
    lastError = error == null ? null : error.substring(0, Math.min(error.length(), 1000));
  }

  void delivered(DeliveryMode sentMode, Instant now) {
    attempted(null);
    mode = sentMode;
    status = Status.DELIVERED;
    deliveredAt = now;
  }

  void rejected(String reason) {
    attempted(reason);
    status = Status.REJECTED;
  }

  void failed(String error) {
    attempted(error);
    status = Status.FAILING;
  }

  public Long id() {
    return id;
  }

  public String courseId() {
    return courseId;
  }

  public String sector() {
    return sector;
  }

  public DeliveryKind kind() {
    return kind;
  }

  public Integer planVersion() {
    return planVersion;
  }

  public DeliveryMode mode() {
    return mode;
  }

  public String idempotencyKey() {
    return idempotencyKey;
  }

  public Status status() {
    return status;
  }

  public int attempts() {
    return attempts;
  }

  public String lastError() {
    return lastError;
  }

  public Instant deliveredAt() {
    return deliveredAt;
  }

  /** Where a delivery stands. */
  public enum Status {
    /** Waiting for the worker. */
    PENDING,
    /** The last attempt failed; the worker retries (an incident in Cockpit when retries run out). */
    FAILING,
    /** Accepted by the specialist system. */
    DELIVERED,
    /** Permanently rejected (4xx); the coordinator has a task. */
    REJECTED,
    /** No specialist system configured: kept in the plan store, visible, not sent. */
    KEPT_LOCALLY
  }
}
