package dk.enplan.planapi;

import dk.enplan.course.CourseStatus;
import dk.enplan.plan.PlanIntervention;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The JSON the plan API answers: the Én Plan as the plan store holds it, never the full CPR number. */
public final class PlanViews {

  private PlanViews() {
  }

  @Schema(name = "CurrentPlan", description = "The course's current agreed Én Plan with the course's context: "
      + "municipality, status, coordinating contact person and the citizen's consent per sector.")
  public record CurrentPlan(
      @Schema(description = "The course id (the process instance's business key)") String courseId,
      Municipality municipality,
      @Schema(description = "Where the course stands") CourseStatus status,
      Citizen citizen,
      ContactPerson contactPerson,
      @Schema(description = "The version number of this plan, from 1; a revision is a new version", example = "1")
      int planVersion,
      @Schema(description = "When the citizen agreed to this version") Instant agreedAt,
      @Schema(description = "The user id of the caseworker who completed the plan meeting (the coordinator or one covering)") String agreedBy,
      @Schema(description = "The citizen's own words: what they want from the course") String citizenGoals,
      List<Goal> goals,
      List<Intervention> interventions,
      @Schema(description = "The combined decision on this version; null until it is made") Decision decision,
      @Schema(description = "The citizen's consent per sector, given and withdrawn, in the order given")
      List<Consent> consents) {
  }

  @Schema(name = "PlanVersion", description = "One agreed version of the plan, as agreed; later versions never change "
      + "it (only an intervention's status follows the sector's work).")
  public record Version(
      String courseId,
      @Schema(example = "1") int planVersion,
      Instant agreedAt,
      String agreedBy,
      @Schema(description = "The citizen's own words") String citizenGoals,
      List<Goal> goals,
      List<Intervention> interventions,
      @Schema(description = "The combined decision on this version; null until it is made") Decision decision) {
  }

  @Schema(description = "The combined decision on all interventions of a plan version, with complaint guidance given")
  public record Decision(
      @Schema(description = "The decision as the coordinator wrote it") String text,
      Instant decidedAt,
      @Schema(description = "The user id of the caseworker who completed the decision (the coordinator or one covering)") String decidedBy) {
  }

  @Schema(name = "PlanHistory", description = "Every agreed version of the course's plan, oldest first")
  public record History(String courseId, List<Version> versions) {
  }

  @Schema(description = "The course's municipality (Camunda tenant)")
  public record Municipality(
      @Schema(example = "allerod") String tenant,
      @Schema(description = "Official municipality code", example = "201") Integer code,
      @Schema(example = "Allerød") String name) {
  }

  @Schema(description = "The citizen; the CPR number only masked")
  public record Citizen(
      String name,
      @Schema(description = "Birth date part and a masked serial", example = "010190-xxxx") String maskedCpr) {
  }

  @Schema(description = "The coordinating contact person: the citizen's one contact in the municipality")
  public record ContactPerson(
      @Schema(example = "koordinator.allerod") String userId,
      @Schema(description = "First and last name from the identity service, if known", example = "Mette Holm")
      String name,
      @Schema(description = "The phone number the citizen calls, from configuration, if known",
          example = "48 10 00 01") String phone,
      @Schema(description = "E-mail from the identity service, if known", example = "mette.holm@allerod.dk")
      String email) {
  }

  @Schema(description = "A goal on one life domain")
  public record Goal(
      @Schema(example = "1") int sequence,
      LifeDomain lifeDomain,
      @Schema(description = "The citizen's own words") String citizenWords,
      String goal,
      String subGoals) {
  }

  @Schema(description = "A life domain: key and Danish label")
  public record LifeDomain(@Schema(example = "arbejde") String key,
                           @Schema(example = "Arbejde og uddannelse") String label) {
  }

  @Schema(description = "An intervention, in the order planned")
  public record Intervention(
      @Schema(example = "1") int sequence,
      Sector sector,
      @Schema(description = "The sector law the intervention is given under") String law,
      String description,
      @Schema(description = "Who is responsible") String responsible,
      LocalDate plannedStart,
      LocalDate plannedEnd,
      @Schema(description = "Where the sector's work stands: PLANNED until the sector starts it, STARTED, then the "
          + "sector's outcome (COMPLETED, DISCONTINUED, NOT_STARTED) or, when the course closed first, "
          + "STOPPED_AT_CLOSURE / NOT_STARTED_AT_CLOSURE; in an older version, REPLACED_BY_REVISION if it was still "
          + "open when the next version was agreed") PlanIntervention.Status status,
      @Schema(description = "The status in Danish, as the citizen's page shows it", example = "I gang")
      String statusText,
      @Schema(description = "When the sector started it; null while planned") LocalDate actualStart,
      @Schema(description = "When it ended, by the sector or with the course; null while planned or under way")
      LocalDate actualEnd) {
  }

  @Schema(description = "A sector: key and Danish name")
  public record Sector(@Schema(example = "beskaeftigelse") String key, @Schema(example = "Jobcenter") String name) {
  }

  @Schema(description = "The citizen's consent for one sector")
  public record Consent(
      Sector sector,
      Instant givenAt,
      @Schema(description = "When the consent was withdrawn; null while in force") Instant withdrawnAt,
      @Schema(description = "True while the consent is in force") boolean active) {
  }
}
