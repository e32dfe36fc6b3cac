package dk.enplan.plan;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A score (0–10) on one life domain, measured with the citizen at a follow-up or at closure. */
@Entity
@Table(name = "progression_measurement")
public class ProgressionMeasurement {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  @Column(name = "course_id", nullable = false)
  private String courseId;
  @Column(name = "life_domain", nullable = false)
  private String lifeDomain;
  @Column(nullable = false)
  private int score;
  @Column(name = "measured_at", nullable = false)
  private Instant measuredAt;

  protected ProgressionMeasurement() {
  }

  ProgressionMeasurement(String courseId, String lifeDomain, int score, Instant measuredAt) {
    this.courseId = courseId;
    this.lifeDomain = lifeDomain;
    this.score = score;
    this.measuredAt = measuredAt;
  }

  public Long id() {
    return id;
  }

  public String courseId() {
    return courseId;
  }

  public String lifeDomain() {
    return lifeDomain;
  }

  public int score() {
    return score;
  }

  public Instant measuredAt() {
    return measuredAt;
  }
}
