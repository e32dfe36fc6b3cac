package dk.enplan.plan;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** What a sector contributed to the course: its assessment, the start of its intervention, its outcome. */
@Entity
@Table(name = "sector_report")
public class SectorReport {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  @Column(name = "course_id", nullable = false)
  private String courseId;
  @Column(nullable = false)
  private String sector;
  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Kind kind;
  @Column(nullable = false)
  private String summary;
  private String detail;
  @Column(name = "reported_by")
  private String reportedBy;
  @Column(name = "reported_at", nullable = false)
  private Instant reportedAt;

  protected SectorReport() {
  }

  SectorReport(String courseId, String sector, Kind kind, String summary, String detail, String reportedBy,
               Instant reportedAt) {
    this.courseId = courseId;
    this.sector = sector;
    this.kind = kind;
    this.summary = summary;
    this.detail = detail;
    this.reportedBy = reportedBy;
    this.reportedAt = reportedAt;
  }

  public String courseId() {
    return courseId;
  }

  public String sector() {
    return sector;
  }

  public Kind kind() {
    return kind;
  }

  public String summary() {
    return summary;
  }

  public String detail() {
    return detail;
  }

  public Instant reportedAt() {
    return reportedAt;
  }

  /** What kind of contribution a report is. */
  public enum Kind {
    ASSESSMENT, INTERVENTION_STARTED, INTERVENTION_OUTCOME
  }
}
