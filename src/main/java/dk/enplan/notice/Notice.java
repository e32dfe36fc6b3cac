package dk.enplan.notice;

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
 * A message the course sends to someone outside it (the referrer, a specialist system, the appeals board, the
 * new municipality), kept in the plan store so it is visible and can be delivered by an integration.
 */
@Entity
@Table(name = "notice")
public class Notice {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  @Column(name = "course_id", nullable = false)
  private String courseId;
  @Enumerated(EnumType.STRING)
  @Column(name = "recipient_kind", nullable = false)
  private RecipientKind recipientKind;
  @Column(nullable = false)
  private String recipient;
  @Column(nullable = false)
  private String subject;
  @Column(nullable = false)
  private String body;
  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected Notice() {
  }

  Notice(String courseId, RecipientKind kind, String recipient, String subject, String body, Instant createdAt) {
    this.courseId = courseId;
    this.recipientKind = kind;
    this.recipient = recipient;
    this.subject = subject;
    this.body = body;
    this.createdAt = createdAt;
  }

  public String courseId() {
    return courseId;
  }

  public RecipientKind recipientKind() {
    return recipientKind;
  }

  public String recipient() {
    return recipient;
  }

  public String subject() {
    return subject;
  }

  public String body() {
    return body;
  }

  public Instant createdAt() {
    return createdAt;
  }

  /** Who a notice is for. */
  public enum RecipientKind {
    REFERRER, SECTOR_SYSTEM, APPEALS_BOARD, NEW_MUNICIPALITY
  }
}
