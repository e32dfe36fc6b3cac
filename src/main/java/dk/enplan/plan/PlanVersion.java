package dk.enplan.plan;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One agreed version of a citizen's Én Plan. Immutable: a revision is a new version. */
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
  @Column(nullable = false, updatable = false)
  private String goals;
  @Column(name = "planned_interventions", nullable = false, updatable = false)
  private String plannedInterventions;
  @Column(name = "agreed_by", nullable = false, updatable = false)
  private String agreedBy;
  @Column(name = "agreed_at", nullable = false, updatable = false)
  private Instant agreedAt;

  protected PlanVersion() {
  }

  PlanVersion(String courseId, int version, String citizenGoals, String goals, String plannedInterventions,
              String agreedBy, Instant agreedAt) {
    this.courseId = courseId;
    this.version = version;
    this.citizenGoals = citizenGoals;
    this.goals = goals;
    this.plannedInterventions = plannedInterventions;
    this.agreedBy = agreedBy;
    this.agreedAt = agreedAt;
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

  public String goals() {
    return goals;
  }

  public String plannedInterventions() {
    return plannedInterventions;
  }

  public String agreedBy() {
    return agreedBy;
  }

  public Instant agreedAt() {
    return agreedAt;
  }
}
