package dk.enplan.course;

import dk.enplan.privacy.CprConverter;
import jakarta.persistence.Column;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** One citizen's coherent course: the application's own record, outside Camunda and the specialist systems. */
@Entity
@Table(name = "course")
public class Course {

  @Id
  private String id;
  @Column(name = "tenant_id", nullable = false)
  private String tenantId;
  @Column(name = "citizen_name", nullable = false)
  private String citizenName;
  /** The full CPR number; encrypted in the column (docs/design.md §7, docs/privacy.md). */
  @Convert(converter = CprConverter.class)
  @Column(name = "cpr", nullable = false)
  private String cpr;
  /** Keyed hash of the CPR number, to find a citizen's courses without decrypting. */
  @Column(name = "cpr_hash")
  private String cprHash;
  @Column(name = "referring_unit", nullable = false)
  private String referringUnit;
  @Column(name = "referral_reason", nullable = false)
  private String referralReason;
  /** The referral's problem areas, one row each in the order given (table {@code course_problem_area}). */
  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "course_problem_area", joinColumns = @JoinColumn(name = "course_id"))
  @OrderColumn(name = "sequence")
  @Column(name = "problem_area", nullable = false)
  private List<String> problemAreas = new ArrayList<>();
  @Column(name = "household_members")
  private String householdMembers;
  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private CourseStatus status;
  /** The coordinating contact person chosen at visitation; the process keeps no copy (ADR 0003). */
  private String coordinator;
  /** The sectors chosen at visitation, one row each in the order chosen (table {@code course_sector}). */
  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "course_sector", joinColumns = @JoinColumn(name = "course_id"))
  @OrderColumn(name = "sequence")
  @Column(name = "sector", nullable = false)
  private List<String> chosenSectors = new ArrayList<>();
  @Column(name = "closure_reason")
  private String closureReason;
  @Column(name = "process_instance_id", nullable = false)
  private String processInstanceId;
  @Column(name = "created_at", nullable = false)
  private Instant createdAt;
  @Column(name = "consent_at")
  private Instant consentAt;
  @Column(name = "closed_at")
  private Instant closedAt;
  /** The user who completed the step that closed the course (null until then, or when no user did). */
  @Column(name = "closed_by")
  private String closedBy;

  protected Course() {
  }

  Course(String tenantId, Referral referral, String cprHash, String processInstanceId, Instant now) {
    this.id = UUID.randomUUID().toString();
    this.tenantId = tenantId;
    this.citizenName = referral.citizenName();
    this.cpr = referral.cpr().digits();
    this.cprHash = cprHash;
    this.referringUnit = referral.referringUnit();
    this.referralReason = referral.referralReason();
    referral.problemAreas().stream().distinct().forEach(this.problemAreas::add);
    this.householdMembers = referral.householdMembers();
    this.status = CourseStatus.REFERRED;
    this.processInstanceId = processInstanceId;
    this.createdAt = now;
  }

  void visitated(List<String> sectors, String coordinator) {
    this.chosenSectors.clear();
    sectors.stream().distinct().forEach(this.chosenSectors::add);
    this.coordinator = coordinator;
    this.status = CourseStatus.AWAITING_CONSENT;
  }

  void consented(Instant now) {
    this.consentAt = now;
    this.status = CourseStatus.ACTIVE;
  }

  /** The user whose completed task (or message) closes the course; kept when the closure itself runs later. */
  void closingBy(String userId) {
    this.closedBy = userId;
  }

  void end(CourseStatus endStatus, String reason, Instant now) {
    this.status = endStatus;
    this.closureReason = reason;
    this.closedAt = now;
  }

  public String id() {
    return id;
  }

  public String tenantId() {
    return tenantId;
  }

  public String citizenName() {
    return citizenName;
  }

  public CprNumber cpr() {
    return new CprNumber(cpr);
  }

  public String referringUnit() {
    return referringUnit;
  }

  /** The referral's problem areas, in the order given. */
  public List<String> problemAreas() {
    return List.copyOf(problemAreas);
  }

  public CourseStatus status() {
    return status;
  }

  public String coordinator() {
    return coordinator;
  }

  /** The sectors chosen at visitation, in the order chosen; empty before visitation. */
  public List<String> chosenSectors() {
    return List.copyOf(chosenSectors);
  }

  public String closureReason() {
    return closureReason;
  }

  public String processInstanceId() {
    return processInstanceId;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant closedAt() {
    return closedAt;
  }

  /** Who closed the course: the user who completed the closure with the citizen or withdrew the last consent. */
  public String closedBy() {
    return closedBy;
  }
}
