package dk.enplan.plan;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.LocalDate;

/**
 * An intervention of one plan version: which sector under which law, what, who is responsible, when, in which
 * order. What was agreed never changes; only its status follows the sector's work.
 */
@Entity
@Table(name = "plan_intervention")
public class PlanIntervention {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  @ManyToOne(optional = false)
  @JoinColumn(name = "plan_version_id", updatable = false)
  private PlanVersion planVersion;
  @Column(nullable = false, updatable = false)
  private int sequence;
  @Column(nullable = false, updatable = false)
  private String sector;
  @Column(nullable = false, updatable = false)
  private String law;
  @Column(nullable = false, updatable = false)
  private String description;
  @Column(nullable = false, updatable = false)
  private String responsible;
  @Column(name = "planned_start", nullable = false, updatable = false)
  private LocalDate plannedStart;
  @Column(name = "planned_end", updatable = false)
  private LocalDate plannedEnd;
  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Status status;

  protected PlanIntervention() {
  }

  PlanIntervention(PlanVersion planVersion, int sequence, String sector, String law, String description,
                   String responsible, LocalDate plannedStart, LocalDate plannedEnd) {
    this.planVersion = planVersion;
    this.sequence = sequence;
    this.sector = sector;
    this.law = law;
    this.description = description;
    this.responsible = responsible;
    this.plannedStart = plannedStart;
    this.plannedEnd = plannedEnd;
    this.status = Status.PLANNED;
  }

  void moveTo(Status next) {
    this.status = next;
  }

  public int sequence() {
    return sequence;
  }

  public String sector() {
    return sector;
  }

  public String law() {
    return law;
  }

  public String description() {
    return description;
  }

  public String responsible() {
    return responsible;
  }

  public LocalDate plannedStart() {
    return plannedStart;
  }

  public LocalDate plannedEnd() {
    return plannedEnd;
  }

  public Status status() {
    return status;
  }

  /** Where the sector's work on an intervention stands. */
  public enum Status {
    PLANNED, STARTED, COMPLETED, DISCONTINUED, NOT_STARTED
  }
}
