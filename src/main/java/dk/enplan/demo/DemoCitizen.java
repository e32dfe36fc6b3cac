package dk.enplan.demo;

import java.util.List;

/**
 * A fictitious citizen of the demo: the referral as the start form would submit it, and what the citizen wants to
 * achieve in their own words and as agreed goals, for courses that reach the plan meeting.
 */
record DemoCitizen(String name, String cpr, String referringUnit, List<String> problemAreas, String referralReason,
                   String householdMembers, String ownGoals, String planGoals) {

  String firstName() {
    return name.split(" ")[0];
  }
}
