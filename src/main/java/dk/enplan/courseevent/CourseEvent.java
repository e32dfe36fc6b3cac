package dk.enplan.courseevent;

import java.time.Instant;
import java.util.Objects;

/**
 * Something that happened in a course, published (Spring's synchronous application events, so in the same
 * transaction) where the plan store changes: the KPI read model (dk.enplan.kpi) records it. {@code key} identifies
 * the event for good: the same event published twice (two nodes, a retry, a rebuild) is counted once.
 *
 * @param tenantId the municipality when the publisher knows it (the referral); otherwise null, looked up by course
 * @param item     what the event is about: a reason, a sector, a life domain, a user, a version (never null)
 * @param amount   a number that goes with it (a score), or null
 * @param dueAt    a due date (for {@link Kind#DUE}), or null
 */
public record CourseEvent(Kind kind, String key, String courseId, String tenantId, String item, Integer amount,
                          Instant dueAt, Instant at) {

  public CourseEvent {
    Objects.requireNonNull(kind);
    Objects.requireNonNull(key);
    Objects.requireNonNull(courseId);
    Objects.requireNonNull(at);
    item = item == null ? "" : item;
  }

  public static CourseEvent of(Kind kind, String key, String courseId, String item, Instant at) {
    return new CourseEvent(kind, key, courseId, null, item, null, null, at);
  }

  public enum Kind {
    /** Referral registered; tenant and item (the citizen's CPR hash) given. */
    REFERRED,
    /** A contact person (coordinator) of the course: chosen at visitation or taking over a coordinator task. */
    CONTACT_PERSON,
    CONSENT_GIVEN,
    CONSENT_REFUSED,
    /** A plan version agreed; item is the version number. */
    PLAN_AGREED,
    /** The course ended; item is the closure reason. */
    ENDED,
    /** A progression score; item is the life domain, amount the score. */
    PROGRESSION,
    /** A delivery to a specialist system failed (at least once); item is the sector. */
    DELIVERY_FAILED,
    /** A delivery rejected by the specialist system; item is the sector. */
    DELIVERY_REJECTED,
    COMPLAINT,
    /** A complaint's outcome; item is {@code medhold} or {@code videresendt}. */
    COMPLAINT_OUTCOME,
    /** The course entered a phase; item is the phase's name. */
    PHASE,
    /** An assessment or follow-up became due at {@code dueAt}; item is {@code assessment} or {@code followUp}. */
    DUE,
    /** That assessment or follow-up was done (or cancelled); item as for DUE. */
    DONE
  }
}
