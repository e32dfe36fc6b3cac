package dk.enplan.taskcard;

import dk.enplan.course.CourseProcess.Elements;
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
public enum CoursePhase {
  VISITATION("Visitation", Elements.VISITATION),
  CONSENT("Samtykke", Elements.OBTAIN_CONSENT),
  JOINT_ASSESSMENT("Fælles udredning", Elements.JOINT_ASSESSMENT, Elements.REMIND_COORDINATOR,
      Elements.PREPARE_PLAN_MEETING),
  PLAN_MEETING("Planmøde", Elements.PLAN_MEETING, Elements.SAVE_PLAN_VERSION),
  DECISION("Samlet afgørelse", Elements.COMBINED_DECISION),
  DISTRIBUTION("Videregivelse af planen", Elements.DISTRIBUTE_PLAN),
  INTERVENTION("Indsats og opfølgning", Elements.INTERVENTION_PHASE, Elements.SECTOR_INTERVENTIONS,
      Elements.FOLLOW_UP_DUE, Elements.FOLLOW_UP),
  CLOSURE("Afslutning", Elements.CLOSE_WITH_CITIZEN, Elements.CLOSE_COURSE, Elements.NOTIFY_CLOSURE),
  MOVE_OUT("Fraflytning", Elements.HAND_OVER_COURSE);

  private final String label;
  private final Set<String> activities;

  CoursePhase(String label, String... activities) {
    this.label = label;
    this.activities = Set.of(activities);
  }

  public String label() {
    return label;
  }

  /** The phase an activity of the course process belongs to (a multi-instance body counts as its activity). */
  public static Optional<CoursePhase> ofActivity(String activityId) {
    String id = activityId.replace("#multiInstanceBody", "");
    return Stream.of(values()).filter(phase -> phase.activities.contains(id)).findFirst();
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
