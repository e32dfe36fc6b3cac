package dk.enplan.plan;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.CascadeType;
import jakarta.persistence.FetchType;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.Fetch;
import org.hibernate.annotations.FetchMode;

/**
 * One agreed version of a citizen's Én Plan: the citizen's own words, goals and interventions in sequence, the
 * minutes of the meeting and the combined decision made on it. What was agreed is immutable: a revision is a new
 * version.
 */
@Entity
@Table(name = "plan_version")
public class PlanVersion {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  @Column(name = "course_id", nullable = false, updatable = false)
  private String courseId;
  @Column(nullable = false, updatable = false)
  private int version;
  @Column(name = "citizen_goals", nullable = false, updatable = false)
  private String citizenGoals;
  @OneToMany(mappedBy = "planVersion", cascade = CascadeType.PERSIST, fetch = FetchType.EAGER)
  @Fetch(FetchMode.SUBSELECT)
  @OrderBy("sequence")
  private List<PlanGoal> goals = new ArrayList<>();
  @OneToMany(mappedBy = "planVersion", cascade = CascadeType.PERSIST, fetch = FetchType.EAGER)
  @Fetch(FetchMode.SUBSELECT)
  @OrderBy("sequence")
  private List<PlanIntervention> interventions = new ArrayList<>();
  @Column(name = "agreed_by", nullable = false, updatable = false)
  private String agreedBy;
  @Column(name = "agreed_at", nullable = false, updatable = false)
  private Instant agreedAt;
  @Column(name = "meeting_note", updatable = false)
  private String meetingNote;
  @Column(name = "decision_text")
  private String decisionText;
  @Column(name = "decided_by")
  private String decidedBy;
  @Column(name = "decided_at")
  private Instant decidedAt;

  protected PlanVersion() {
  }

  PlanVersion(String courseId, int version, String citizenGoals, String meetingNote, String agreedBy,
              Instant agreedAt) {
    this.courseId = courseId;
    this.version = version;
    this.citizenGoals = citizenGoals;
    this.meetingNote = meetingNote;
    this.agreedBy = agreedBy;
    this.agreedAt = agreedAt;
  }

  /** The combined decision on this version's interventions (made once per version, after the citizen agreed). */
  void decide(String text, String by, Instant at) {
    this.decisionText = text;
    this.decidedBy = by;
    this.decidedAt = at;
  }

  void add(PlanGoal goal) {
    goals.add(goal);
  }

  void add(PlanIntervention intervention) {
    interventions.add(intervention);
  }

  public String courseId() {
    return courseId;
  }

  public int version() {
    return version;
  }

  public String citizenGoals() {
    return citizenGoals;
  }

  public List<PlanGoal> goals() {
    return List.copyOf(goals);
  }

  public List<PlanIntervention> interventions() {
    return List.copyOf(interventions);
  }

  /** The minutes of the plan meeting where this version was agreed; null if none were written. */
  public String meetingNote() {
    return meetingNote;
  }

  /** The combined decision made on this version; null until it is made. */
  public String decisionText() {
    return decisionText;
  }

  public String decidedBy() {
    return decidedBy;
  }

  public Instant decidedAt() {
    return decidedAt;
  }

  public String agreedBy() {
    return agreedBy;
  }

  public Instant agreedAt() {
    return agreedAt;
  }
}
