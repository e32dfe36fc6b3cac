package dk.enplan.planapi;

import dk.enplan.course.Course;
import dk.enplan.course.CourseService;
import dk.enplan.course.CourseStatus;
import dk.enplan.course.CprNumber;
import dk.enplan.plan.PlanStore;
import dk.enplan.plan.PlanVersion;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * For the specialist systems: does this citizen have an active Én Plan in my municipality, and who is the contact
 * person? Reference data only. POST, so the CPR number never appears in a URL or an access log.
 */
@RestController
@Tag(name = "Lookup", description = "For specialist systems (fagsystemer): a reference to the citizen's Én Plan")
class LookupController {

  static final String DESCRIPTION = """
      Does the citizen with this CPR number have an active Én Plan in the caller's municipality, and who is the \
      coordinating contact person? Answers reference data only: never goals, interventions, problem areas or the \
      CPR number.

      **Active** means: a course of the caller's own municipality (tenant) with status ACTIVE (the citizen has \
      consented and the course is neither closed nor ended) that has at least one agreed plan version. A course \
      awaiting consent, in joint assessment before the first plan meeting, or closed, does not count; neither does \
      a course of another municipality, which is answered exactly like no course at all. If the citizen has several \
      such courses (there should be one), the newest counts.

      Allowed: members of fagsystem, koordinator or visitation; others get 403. The CPR number is 10 digits, with or \
      without a dash after the sixth (010190-1234); anything else is 400 naming the field cpr. The body may be at \
      most 10 kB (413 naming body). The CPR number is sent in the body, never in the URL, so it does not reach \
      access logs.""";

  private final PlanApiAccess access;
  private final CourseService courses;
  private final PlanStore plans;
  private final PlanViewAssembler views;

  LookupController(PlanApiAccess access, CourseService courses, PlanStore plans, PlanViewAssembler views) {
    this.access = access;
    this.courses = courses;
    this.plans = plans;
    this.views = views;
  }

  @PostMapping(value = "/api/lookup", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "Does this citizen have an active Én Plan?", description = DESCRIPTION)
  @ApiResponse(responseCode = "200", description = "The answer; when activePlan is false every other field is null")
  @ApiResponse(responseCode = "400", description = "Invalid CPR number (field cpr), or a missing or malformed body "
      + "(field body)", content = @Content(mediaType = "application/problem+json",
      schema = @Schema(implementation = ApiError.class)))
  @ApiResponse(responseCode = "401", description = "No or wrong HTTP Basic credentials", content = @Content)
  @ApiResponse(responseCode = "403", description = "The caller is not in fagsystem, koordinator or visitation",
      content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ApiError.class)))
  @ApiResponse(responseCode = "413", description = "The body is larger than 10 kB (field body)",
      content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ApiError.class)))
  LookupResponse lookup(@RequestBody LookupRequest request) {
    Caller caller = access.lookupCaller();
    CprNumber cpr = CprNumber.parse(request.cpr());
    List<Course> candidates = courses.findByCpr(cpr).stream()
        .filter(course -> caller.belongsTo(course.tenantId()) && course.status() == CourseStatus.ACTIVE)
        .toList();
    for (int i = candidates.size() - 1; i >= 0; i--) {
      Course course = candidates.get(i);
      Optional<PlanVersion> plan = plans.current(course.id());
      if (plan.isPresent()) {
        return new LookupResponse(true, course.id(), views.municipality(course.tenantId()), plan.get().version(),
            views.contactPerson(course.coordinator()), "/api/courses/" + course.id() + "/plan");
      }
    }
    return LookupResponse.NONE;
  }

  @Schema(description = "The citizen to look up")
  record LookupRequest(
      @Schema(description = "The CPR number: 10 digits, a dash after the sixth allowed", example = "010190-1234",
          requiredMode = Schema.RequiredMode.REQUIRED)
      String cpr) {
  }

  @Schema(description = "A reference to the citizen's Én Plan, or activePlan false. Nothing about goals, "
      + "interventions or problems, and never the CPR number.")
  record LookupResponse(
      @Schema(description = "True if the citizen has an active Én Plan in the caller's municipality")
      boolean activePlan,
      @Schema(description = "The course id; null when activePlan is false") String courseId,
      @Schema(description = "The course's municipality; null when activePlan is false")
      PlanViews.Municipality municipality,
      @Schema(description = "The current plan version; null when activePlan is false", example = "1")
      Integer planVersion,
      @Schema(description = "The coordinating contact person; null when activePlan is false")
      PlanViews.ContactPerson contactPerson,
      @Schema(description = "Where the plan is read (needs a plan reader's group); null when activePlan is false",
          example = "/api/courses/3f2b.../plan")
      String link) {

    static final LookupResponse NONE = new LookupResponse(false, null, null, null, null, null);
  }
}
