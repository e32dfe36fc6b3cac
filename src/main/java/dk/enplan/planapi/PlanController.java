package dk.enplan.planapi;

import dk.enplan.course.Course;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The citizen's Én Plan over REST: the current plan, its history, one version, and the printable page. */
@RestController
@RequestMapping("/api/courses/{courseId}")
@Tag(name = "Plan", description = "Read a course's Én Plan. Allowed: members of koordinator, visitation, leder or "
    + "analytiker in the course's municipality, and a sector's caseworkers (sektor-<key>) while the citizen's "
    + "consent for their sector is in force. A course of another municipality answers 404 like an unknown one. "
    + "Read only.")
@ApiResponse(responseCode = "401", description = "No or wrong HTTP Basic credentials", content = @Content)
@ApiResponse(responseCode = "403", description = "The caller is in none of the groups allowed",
    content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ApiError.class)))
@ApiResponse(responseCode = "404", description = "Unknown course, or a course of another municipality (field "
    + "courseId); for a version, no such version (field version)",
    content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ApiError.class)))
class PlanController {

  static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);
  /** The printable page has no scripts and loads nothing: only its own inline style. */
  static final String HTML_POLICY = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; "
      + "form-action 'none'; frame-ancestors 'none'";

  private final PlanApiAccess access;
  private final PlanViewAssembler views;

  PlanController(PlanApiAccess access, PlanViewAssembler views) {
    this.access = access;
    this.views = views;
  }

  @GetMapping(value = "/plan", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "The current agreed plan",
      description = "The latest agreed version of the Én Plan with the course's municipality, status, coordinating "
          + "contact person and consent scopes. The citizen's CPR number appears only masked (ddmmyy-xxxx). 404 "
          + "(field courseId) while no plan has been agreed yet.")
  @ApiResponse(responseCode = "200", description = "The current plan")
  PlanViews.CurrentPlan current(@Parameter(description = "The course id") @PathVariable String courseId) {
    return views.current(access.planOf(courseId));
  }

  @GetMapping(value = "/plan/versions", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "Every version of the plan",
      description = "The plan's history: every agreed version, oldest first, each as it was agreed. Empty while no "
          + "plan has been agreed yet.")
  @ApiResponse(responseCode = "200", description = "The versions")
  PlanViews.History versions(@Parameter(description = "The course id") @PathVariable String courseId) {
    return views.history(access.planOf(courseId));
  }

  @GetMapping(value = "/plan/versions/{version}", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "One version of the plan", description = "One agreed version, as it was agreed.")
  @ApiResponse(responseCode = "200", description = "The version")
  @ApiResponse(responseCode = "400", description = "version is not a whole number from 1 (field version)",
      content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ApiError.class)))
  PlanViews.Version version(@Parameter(description = "The course id") @PathVariable String courseId,
                            @Parameter(description = "The version number, from 1", example = "1")
                            @PathVariable int version) {
    Course course = access.planOf(courseId);
    return views.version(course, version);
  }

  @GetMapping(value = "/plan.html")
  @Operation(summary = "The plan as a printable page for the citizen",
      description = "The current plan as an HTML page in plain Danish, written for the citizen: their own words "
          + "first, their goals, what will happen and who is responsible, their contact person, their consent and "
          + "how to complain. Print-friendly; every value HTML-escaped; no scripts. Same access as the JSON plan.")
  @ApiResponse(responseCode = "200", description = "The page",
      content = @Content(mediaType = "text/html", schema = @Schema(type = "string")))
  ResponseEntity<String> printable(@Parameter(description = "The course id") @PathVariable String courseId) {
    String page = PlanHtmlPage.render(views.current(access.planOf(courseId)), ClockUtil.getCurrentTime().toInstant());
    return ResponseEntity.ok().contentType(HTML)
        .header("Content-Security-Policy", HTML_POLICY).header("X-Content-Type-Options", "nosniff")
        .body(page);
  }
}
