package dk.enplan.taskcard;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The phases of a course (docs/process.md), each with the Danish label a task card shows and the activities of the
 * course process ({@code en-plan}) that are active while the course is in it. Tasks of the event sub-processes
 * (changed circumstances, consent withdrawal, complaint) belong to no phase of their own: they show the phase the
 * course is in.
 */
enum CoursePhase {
  VISITATION("Visitation", "visitation"),
  CONSENT("Samtykke", "obtainConsent"),
  JOINT_ASSESSMENT("Fælles udredning", "jointAssessment", "remindCoordinator", "preparePlanMeeting"),
  PLAN_MEETING("Planmøde", "planMeeting", "savePlanVersion"),
  DECISION("Samlet afgørelse", "combinedDecision"),
  DISTRIBUTION("Videregivelse af planen", "distributePlan"),
  INTERVENTION("Indsats og opfølgning", "interventionPhase", "sectorInterventions", "followUpDue", "followUp"),
  CLOSURE("Afslutning", "closeWithCitizen", "closeCourse", "notifyClosure"),
  MOVE_OUT("Fraflytning", "handOverCourse");

  private final String label;
  private final Set<String> activities;

  CoursePhase(String label, String... activities) {
    this.label = label;
    this.activities = Set.of(activities);
  }

  String label() {
    return label;
  }

  /**
   * The phase of a course whose process has these activities active (a multi-instance body counts as its
   * activity); the latest phase wins where two are active at once. Empty if none of them is a phase's.
   */
  static Optional<CoursePhase> of(Collection<String> activeActivityIds) {
    List<String> ids = activeActivityIds.stream().map(id -> id.replace("#multiInstanceBody", "")).toList();
    return Stream.of(values()).filter(phase -> ids.stream().anyMatch(phase.activities::contains))
        .reduce((earlier, later) -> later);
  }
}
