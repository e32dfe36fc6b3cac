package dk.enplan.course;

import dk.enplan.names.AnswerValues;
import dk.enplan.process.ProcessVariable;
import dk.enplan.process.StringListVariable;

/**
 * The variables of a course, each declared once with its type. The process carries ids, the citizen's name and
 * masked CPR and the flags its gateways read; the plan itself lives in the plan store.
 */
public final class CourseVariables {

  // referral (start form)
  public static final ProcessVariable<String> CITIZEN_NAME = ProcessVariable.string("citizenName");
  public static final ProcessVariable<String> CPR = ProcessVariable.string("cpr");
  public static final ProcessVariable<String> REFERRING_UNIT = ProcessVariable.string("referringUnit");
  public static final StringListVariable PROBLEM_AREAS = new StringListVariable("problemAreas");
  public static final ProcessVariable<String> REFERRAL_REASON = ProcessVariable.string("referralReason");
  public static final ProcessVariable<String> HOUSEHOLD_MEMBERS = ProcessVariable.string("householdMembers");

  // registration
  public static final ProcessVariable<String> COURSE_ID = ProcessVariable.string("courseId");
  public static final ProcessVariable<String> CITIZEN_MASKED_CPR = ProcessVariable.string("citizenMaskedCpr");
  public static final ProcessVariable<String> MUNICIPALITY = ProcessVariable.string("municipality");
  public static final ProcessVariable<String> MUNICIPALITY_NAME = ProcessVariable.string("municipalityName");
  public static final String SECTOR_OPTIONS = "sectorOptions";
  public static final String COORDINATOR_OPTIONS = "coordinatorOptions";

  // screening and visitation
  public static final ProcessVariable<Boolean> TARGET_GROUP_SUGGESTED = ProcessVariable.bool("targetGroupSuggested");
  public static final StringListVariable SUGGESTED_SECTORS = new StringListVariable("suggestedSectors");
  public static final ProcessVariable<String> TARGET_GROUP_CONFIRMED = ProcessVariable.string("targetGroupConfirmed");
  public static final StringListVariable CHOSEN_SECTORS = new StringListVariable("chosenSectors");
  public static final ProcessVariable<String> COORDINATOR = ProcessVariable.string("coordinator");
  /** What the forms show of the coordinator: name, phone and e-mail ({@link ContactPerson#line()}). */
  public static final ProcessVariable<String> COORDINATOR_CONTACT = ProcessVariable.string("coordinatorContact");
  public static final ProcessVariable<String> VISITATION_NOTE = ProcessVariable.string("visitationNote");
  public static final String CHOSEN_SECTOR_OPTIONS = "chosenSectorOptions";

  // consent
  public static final ProcessVariable<String> CONSENT_GIVEN = ProcessVariable.string("consentGiven");
  public static final StringListVariable CONSENTED_SECTORS = new StringListVariable("consentedSectors");
  public static final ProcessVariable<Boolean> CONSENT_INFORMED = ProcessVariable.bool("consentInformed");
  public static final String PARTICIPATING_SECTOR_OPTIONS = "participatingSectorOptions";
  public static final StringListVariable WITHDRAWN_SECTORS = new StringListVariable("withdrawnSectors");
  public static final StringListVariable WITHDRAWN_SECTOR_KEYS = new StringListVariable("withdrawnSectorKeys");
  public static final ProcessVariable<String> WITHDRAWN_SECTOR_NAMES = ProcessVariable.string("withdrawnSectorNames");
  public static final ProcessVariable<Boolean> CONSENT_REMAINING = ProcessVariable.bool("consentRemaining");

  // sector work (called processes)
  public static final ProcessVariable<String> SECTOR = ProcessVariable.string("sector");
  public static final ProcessVariable<String> ASSESSMENT_SUMMARY = ProcessVariable.string("assessmentSummary");
  public static final ProcessVariable<String> ASSESSMENT_RECOMMENDATION =
      ProcessVariable.string("assessmentRecommendation");
  public static final ProcessVariable<String> OUTSTANDING_SECTORS = ProcessVariable.string("outstandingSectors");
  public static final ProcessVariable<String> INTERVENTION_RESPONSIBLE =
      ProcessVariable.string("interventionResponsible");
  public static final ProcessVariable<String> INTERVENTION_START = ProcessVariable.string("interventionStart");
  public static final ProcessVariable<String> SECTOR_INTERVENTIONS = ProcessVariable.string("sectorInterventions");
  public static final ProcessVariable<String> INTERVENTION_OUTCOME = ProcessVariable.string("interventionOutcome");
  public static final ProcessVariable<String> INTERVENTION_OUTCOME_NOTE =
      ProcessVariable.string("interventionOutcomeNote");

  // plan
  public static final ProcessVariable<String> ASSESSMENT_OVERVIEW = ProcessVariable.string("assessmentOverview");
  public static final ProcessVariable<String> CITIZEN_GOALS = ProcessVariable.string("citizenGoals");
  public static final ProcessVariable<String> PLAN_GOALS = ProcessVariable.string("planGoals");
  public static final ProcessVariable<String> PLANNED_INTERVENTIONS = ProcessVariable.string("plannedInterventions");
  public static final ProcessVariable<String> CITIZEN_AGREES = ProcessVariable.string("citizenAgrees");
  public static final ProcessVariable<String> MEETING_NOTE = ProcessVariable.string("meetingNote");
  public static final ProcessVariable<Integer> PREVIOUS_PLAN_VERSION = ProcessVariable.integer("previousPlanVersion");
  public static final ProcessVariable<Integer> PLAN_VERSION = ProcessVariable.integer("planVersion");
  public static final ProcessVariable<String> DECISION_TEXT = ProcessVariable.string("decisionText");
  public static final ProcessVariable<Boolean> COMPLAINT_GUIDANCE_GIVEN = ProcessVariable.bool("complaintGuidanceGiven");

  // follow-up and closure
  public static final ProcessVariable<String> FOLLOW_UP_DECISION = ProcessVariable.string("followUpDecision");
  public static final ProcessVariable<String> FOLLOW_UP_NOTE = ProcessVariable.string("followUpNote");
  public static final ProcessVariable<String> PROGRESSION_SO_FAR = ProcessVariable.string("progressionSoFar");
  public static final ProcessVariable<String> CLOSURE_REASON = ProcessVariable.string("closureReason");

  // events
  public static final ProcessVariable<String> CHANGE_DESCRIPTION = ProcessVariable.string("changeDescription");
  public static final ProcessVariable<String> COMPLAINT_TEXT = ProcessVariable.string("complaintText");
  public static final ProcessVariable<String> COMPLAINT_UPHELD = ProcessVariable.string("complaintUpheld");
  public static final ProcessVariable<String> RECONSIDERATION_NOTE = ProcessVariable.string("reconsiderationNote");
  public static final ProcessVariable<String> CHANGE_ASSESSMENT = ProcessVariable.string("changeAssessment");
  public static final ProcessVariable<String> REVISION_REQUESTED = ProcessVariable.string("revisionRequested");
  public static final ProcessVariable<String> WITHDRAWAL_FOLLOW_UP = ProcessVariable.string("withdrawalFollowUp");
  public static final ProcessVariable<String> MOVE_NOTICE = ProcessVariable.string("moveNotice");
  public static final ProcessVariable<String> NEW_MUNICIPALITY = ProcessVariable.string("newMunicipality");
  public static final ProcessVariable<String> HANDOVER_NOTE = ProcessVariable.string("handoverNote");

  public static final String YES = AnswerValues.YES;
  public static final String NO = AnswerValues.NO;

  private CourseVariables() {
  }
}
