package dk.enplan.plan;

import java.time.LocalDate;
import java.util.List;

/** What the coordinator and the citizen agreed at the plan meeting, validated, before it becomes a version. */
public record AgreedPlan(String citizenGoals, List<Goal> goals, List<Intervention> interventions,
                         String meetingNote) {

  public AgreedPlan {
    goals = List.copyOf(goals);
    interventions = List.copyOf(interventions);
  }

  /** A goal in the citizen's own words, on one life domain. */
  public record Goal(LifeDomain lifeDomain, String citizenWords, String goal, String subGoals) {
  }

  /** An intervention in the order it is planned. */
  public record Intervention(String sector, String law, String description, String responsible,
                             LocalDate plannedStart, LocalDate plannedEnd) {
  }
}
