package dk.enplan.course;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The citizen's consent for one sector: when it was given and, if so, when it was withdrawn. */
@Entity
@Table(name = "consent_scope")
public class ConsentScope {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  @Column(name = "course_id", nullable = false, updatable = false)
  private String courseId;
  @Column(nullable = false, updatable = false)
  private String sector;
  @Column(name = "given_at", nullable = false, updatable = false)
  private Instant givenAt;
  @Column(name = "withdrawn_at")
  private Instant withdrawnAt;

  protected ConsentScope() {
  }

  ConsentScope(String courseId, String sector, Instant givenAt) {
    this.courseId = courseId;
    this.sector = sector;
    this.givenAt = givenAt;
  }

  void withdraw(Instant now) {
    this.withdrawnAt = now;
  }

  public boolean isActive() {
    return withdrawnAt == null;
  }

  public String sector() {
    return sector;
  }

  public Instant givenAt() {
    return givenAt;
  }

  public Instant withdrawnAt() {
    return withdrawnAt;
  }
}
