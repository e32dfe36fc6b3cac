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
  @Column(name = "actual_start")
  private LocalDate actualStart;
  @Column(name = "actual_end")
  private LocalDate actualEnd;

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

  /** The sector started the intervention on {@code date}. */
  void start(LocalDate date) {
    this.status = Status.STARTED;
    this.actualStart = date;
  }

  /** The sector ended the intervention ({@code outcome}) on {@code date}. */
  void end(Status outcome, LocalDate date) {
    this.status = outcome;
    this.actualEnd = date;
  }

  /**
   * The course was closed on {@code date} before the sector ended the intervention; one the sector set to start
   * after that day never began.
   */
  void closeWithCourse(LocalDate date) {
    if (status == Status.PLANNED || (status == Status.STARTED && actualStart != null && actualStart.isAfter(date))) {
      this.status = Status.NOT_STARTED_AT_CLOSURE;
    } else if (status == Status.STARTED) {
      this.status = Status.STOPPED_AT_CLOSURE;
      this.actualEnd = date;
    }
  }

  /** A revised plan was agreed on {@code date} while this intervention of the older version was still open. */
  void replaceByRevision(LocalDate date) {
    if (status == Status.STARTED) {
      this.actualEnd = date;
    }
    this.status = Status.REPLACED_BY_REVISION;
  }

  boolean isOpen() {
    return status == Status.PLANNED || status == Status.STARTED;
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

  /** When the sector started it; null while planned. */
  public LocalDate actualStart() {
    return actualStart;
  }

  /** When it ended (by the sector, or with the course); null while planned or under way. */
  public LocalDate actualEnd() {
    return actualEnd;
  }

  /** Where the sector's work on an intervention stands, with the words the citizen and caseworkers read. */
  public enum Status {
    PLANNED("Ikke startet endnu"),
    STARTED("I gang"),
    COMPLETED("Gennemført"),
    DISCONTINUED("Afbrudt"),
    NOT_STARTED("Blev ikke startet"),
    STOPPED_AT_CLOSURE("Afbrudt ved forløbets afslutning"),
    NOT_STARTED_AT_CLOSURE("Ikke startet før forløbets afslutning"),
    REPLACED_BY_REVISION("Afløst af en ny version af planen");

    private final String label;

    Status(String label) {
      this.label = label;
    }

    /** The Danish status word. */
    public String label() {
      return label;
    }
  }
}
