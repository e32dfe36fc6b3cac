package dk.enplan.course;

import java.util.List;

/**
 * The names in the models that code and tests rely on (docs/design.md §6). A test checks every constant here against
 * the deployed models, so a renamed element fails the build instead of a running course.
 */
public final class CourseProcess {

  public static final String KEY = "en-plan";
  public static final String SECTOR_ASSESSMENT_KEY = "sektor-udredning";
  public static final String SECTOR_INTERVENTION_KEY = "sektor-indsats";

  private CourseProcess() {
  }

  /** Message names of the events that can happen at any time after consent. */
  public static final class Messages {
    public static final String CHANGED_CIRCUMSTANCES = "AendredeForhold";
    public static final String CONSENT_WITHDRAWN = "SamtykkeTilbagekaldt";
    public static final String COMPLAINT = "Klage";
    public static final String MOVED_OUT = "Fraflytning";

    private Messages() {
    }
  }

  /** Element ids of {@code en-plan}. */
  public static final class Elements {
    public static final String REFERRAL_RECEIVED = "referralReceived";
    public static final String REGISTER_COURSE = "registerCourse";
    public static final String SCREEN_TARGET_GROUP = "screenTargetGroup";
    public static final String SUGGEST_SECTORS = "suggestSectors";
    public static final String VISITATION = "visitation";
    public static final String NOTIFY_REFERRER = "notifyReferrer";
    public static final String NOT_IN_TARGET_GROUP = "notInTargetGroup";
    public static final String OBTAIN_CONSENT = "obtainConsent";
    public static final String RETURN_TO_SECTOR_HANDLING = "returnToSectorHandling";
    public static final String NO_CONSENT = "noConsent";
    public static final String ACTIVE_COURSE = "activeCourse";
    public static final String JOINT_ASSESSMENT = "jointAssessment";
    public static final String ASSESSMENT_LATE = "assessmentLate";
    public static final String REMIND_COORDINATOR = "remindCoordinator";
    public static final String PREPARE_PLAN_MEETING = "preparePlanMeeting";
    public static final String PLAN_MEETING = "planMeeting";
    public static final String SAVE_PLAN_VERSION = "savePlanVersion";
    public static final String COMBINED_DECISION = "combinedDecision";
    public static final String DISTRIBUTE_PLAN = "distributePlan";
    public static final String INTERVENTION_PHASE = "interventionPhase";
    public static final String SECTOR_INTERVENTIONS = "sectorInterventions";
    public static final String FOLLOW_UP_DUE = "followUpDue";
    public static final String FOLLOW_UP = "followUp";
    public static final String INTERVENTION_PHASE_ENDED = "interventionPhaseEnded";
    public static final String CLOSE_WITH_CITIZEN = "closeWithCitizen";
    public static final String ASSESS_CHANGED_CIRCUMSTANCES = "assessChangedCircumstances";
    public static final String STOP_SHARING = "stopSharing";
    public static final String SEND_WITHDRAWAL_NOTICES = "sendWithdrawalNotices";
    public static final String DISCUSS_WITHDRAWAL = "discussWithdrawal";
    public static final String CONSENT_FULLY_WITHDRAWN = "consentFullyWithdrawn";
    public static final String CONSENT_WITHDRAWN_BOUNDARY = "consentWithdrawnBoundary";
    public static final String RECONSIDER_DECISION = "reconsiderDecision";
    public static final String RECONSIDERATION_OVERDUE = "reconsiderationOverdue";
    public static final String COMPLAINT_UPHELD_END = "complaintUpheldEnd";
    public static final String FORWARD_TO_APPEALS_BOARD = "forwardToAppealsBoard";
    public static final String HAND_OVER_COURSE = "handOverCourse";
    public static final String CLOSE_COURSE = "closeCourse";
    public static final String NOTIFY_CLOSURE = "notifyClosure";
    public static final String COURSE_CLOSED = "courseClosed";

    /**
     * The multi-instance call activities whose parallel instances join the course: each has an asynchronous
     * continuation after every instance ({@code camunda:asyncAfter} on its {@code multiInstanceLoopCharacteristics},
     * an exclusive job at the element's id), so the join, where concurrent instances all update the waiting course,
     * runs in a job the job executor retries after an optimistic-locking conflict, never in a caseworker's or a
     * worker's transaction.
     */
    public static final List<String> JOINS = List.of(JOINT_ASSESSMENT, DISTRIBUTE_PLAN, SECTOR_INTERVENTIONS,
        SEND_WITHDRAWAL_NOTICES, NOTIFY_CLOSURE);

    private Elements() {
    }
  }

  /** Element ids of the called sector processes. */
  public static final class SectorElements {
    public static final String ASSESS_SECTOR = "assessSector";
    public static final String RECORD_ASSESSMENT = "recordAssessment";
    public static final String START_INTERVENTION = "startIntervention";
    public static final String COMPLETE_INTERVENTION = "completeIntervention";
    public static final String RECORD_INTERVENTION_OUTCOME = "recordInterventionOutcome";

    private SectorElements() {
    }
  }

  /** Decision keys in {@code processes/*.dmn}. */
  public static final class Decisions {
    public static final String TARGET_GROUP = "maalgruppe";
    public static final String SECTOR_SUGGESTION = "sektorforslag";
    public static final String DEADLINES = "frister";

    private Decisions() {
    }
  }
}
