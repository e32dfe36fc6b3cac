package dk.enplan.planapi;

import dk.enplan.course.Course;
import dk.enplan.course.CourseRepository;
import dk.enplan.course.CourseService;
import dk.enplan.names.GroupNames;
import dk.enplan.sector.Sector;
import dk.enplan.sector.SectorCatalog;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Who may read what. The caller is the user the authentication filter set on the identity service.
 *
 * <ul>
 *   <li>A plan: members of {@code koordinator}, {@code visitation}, {@code leder} or {@code analytiker} in the
 *   course's municipality; a sector's caseworkers ({@code sektor-<key>}) in that municipality only while the citizen's
 *   consent for their sector is in force (docs/design.md §3: no plan data to a sector without consent).</li>
 *   <li>The lookup: members of {@code fagsystem}, {@code koordinator} or {@code visitation}.</li>
 * </ul>
 *
 * Groups are checked first (403, which says nothing about any course); then a course of another municipality is
 * answered exactly like an unknown one (404), so its existence is not revealed.
 */
@Component
class PlanApiAccess {

  static final List<String> PLAN_GROUPS = List.of(GroupNames.COORDINATOR, GroupNames.VISITATION,
      GroupNames.MANAGER, GroupNames.ANALYST);
  static final List<String> LOOKUP_GROUPS = List.of(GroupNames.SPECIALIST_SYSTEM, GroupNames.COORDINATOR,
      GroupNames.VISITATION);

  private final IdentityService identity;
  private final CourseRepository courses;
  private final CourseService courseService;
  private final SectorCatalog sectors;

  PlanApiAccess(IdentityService identity, CourseRepository courses, CourseService courseService,
                SectorCatalog sectors) {
    this.identity = identity;
    this.courses = courses;
    this.courseService = courseService;
    this.sectors = sectors;
  }

  Caller caller() {
    Authentication authentication = identity.getCurrentAuthentication();
    if (authentication == null || authentication.getUserId() == null) {
      throw new PlanApiException(HttpStatus.UNAUTHORIZED, null, "log ind med HTTP Basic");
    }
    return Caller.of(authentication);
  }

  /** The course whose plan the caller may read, or 403/404. */
  Course planOf(String courseId) {
    Caller caller = caller();
    boolean staff = caller.inAnyOf(PLAN_GROUPS);
    Set<String> callerSectors = sectors.all().stream().filter(s -> caller.groups().contains(s.group()))
        .map(Sector::key).collect(Collectors.toSet());
    if (!staff && callerSectors.isEmpty()) {
      throw PlanApiException.forbidden("planen kan kun læses af grupperne " + String.join(", ", PLAN_GROUPS)
          + " og sektor-<nøgle> i forløbets kommune");
    }
    Course course = courses.findById(courseId).filter(c -> caller.belongsTo(c.tenantId()))
        .orElseThrow(() -> PlanApiException.unknownCourse(courseId));
    if (!staff && courseService.consentedSectors(course.id()).stream().noneMatch(callerSectors::contains)) {
      throw PlanApiException.forbidden("borgeren har ikke givet samtykke til, at din sektor ser planen");
    }
    return course;
  }

  /** The caller of the lookup, or 403. */
  Caller lookupCaller() {
    Caller caller = caller();
    if (!caller.inAnyOf(LOOKUP_GROUPS)) {
      throw PlanApiException.forbidden("opslag kræver en af grupperne " + String.join(", ", LOOKUP_GROUPS));
    }
    return caller;
  }
}
