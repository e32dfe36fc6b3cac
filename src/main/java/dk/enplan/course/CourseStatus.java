package dk.enplan.course;

/** Where a course stands, as the plan store records it. */
public enum CourseStatus {
  REFERRED, NOT_IN_TARGET_GROUP, AWAITING_CONSENT, NO_CONSENT, ACTIVE, CLOSED
}
