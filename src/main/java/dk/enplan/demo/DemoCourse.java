package dk.enplan.demo;

import java.util.List;

/**
 * One demo course: whose it is, in which municipality, which sectors take part, and the phase it waits in.
 *
 * @param sectors chosen at visitation and covered by the consent, in order
 */
record DemoCourse(String tenant, DemoCitizen citizen, List<String> sectors, Phase phase) {

  /** Where a demo course is left waiting, in the order a course passes them. */
  enum Phase {
    /** Referred and screened; the visitation task is open. */
    VISITATION,
    /** Visitated; the coordinator's consent task is open. */
    CONSENT,
    /** Consent given; the first sector has delivered its assessment, the others are open. */
    JOINT_ASSESSMENT,
    /** All sectors have assessed; the coordinator's plan meeting task is open. */
    PLAN_MEETING,
    /** Plan agreed, decided and distributed; the sectors' interventions start and the follow-up timer waits. */
    INTERVENTION
  }

  DemoCourse {
    sectors = List.copyOf(sectors);
    if (phase != Phase.VISITATION && sectors.isEmpty()) {
      throw new IllegalArgumentException("A course past visitation needs its sectors: " + citizen.name());
    }
    if (phase == Phase.INTERVENTION && (citizen.ownGoals() == null || citizen.planGoals() == null)) {
      throw new IllegalArgumentException("A course past the plan meeting needs the citizen's goals: " + citizen.name());
    }
  }

  boolean isPast(Phase other) {
    return phase.compareTo(other) > 0;
  }
}
