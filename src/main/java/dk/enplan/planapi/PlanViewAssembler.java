package dk.enplan.planapi;

import dk.enplan.course.ConsentScope;
import dk.enplan.course.ContactPerson;
import dk.enplan.course.ContactPersons;
import dk.enplan.course.Course;
import dk.enplan.course.CourseService;
import dk.enplan.municipality.MunicipalityCatalog;
import dk.enplan.plan.PlanGoal;
import dk.enplan.plan.PlanIntervention;
import dk.enplan.plan.PlanStore;
import dk.enplan.plan.PlanVersion;
import dk.enplan.sector.SectorCatalog;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/** Reads the plan store into the API's views. Reads only. */
@Component
class PlanViewAssembler {

  private final PlanStore plans;
  private final CourseService courses;
  private final MunicipalityCatalog municipalities;
  private final SectorCatalog sectors;
  private final ContactPersons contactPersons;

  PlanViewAssembler(PlanStore plans, CourseService courses, MunicipalityCatalog municipalities,
                    SectorCatalog sectors, ContactPersons contactPersons) {
    this.plans = plans;
    this.courses = courses;
    this.municipalities = municipalities;
    this.sectors = sectors;
    this.contactPersons = contactPersons;
  }

  PlanViews.CurrentPlan current(Course course) {
    PlanVersion version = plans.current(course.id()).orElseThrow(() -> new PlanApiException(HttpStatus.NOT_FOUND,
        "courseId", "forløbet har endnu ingen aftalt plan"));
    List<PlanViews.Consent> consents = courses.consents(course.id()).stream().map(this::consent).toList();
    return new PlanViews.CurrentPlan(course.id(), municipality(course.tenantId()), course.status(),
        new PlanViews.Citizen(course.citizenName(), course.cpr().masked()), contactPerson(course.coordinator()),
        version.version(), version.agreedAt(), version.agreedBy(), version.citizenGoals(), goals(version),
        interventions(version), decision(version), consents);
  }

  PlanViews.History history(Course course) {
    return new PlanViews.History(course.id(), plans.history(course.id()).stream().map(this::version).toList());
  }

  PlanViews.Version version(Course course, int number) {
    if (number < 1) {
      throw new PlanApiException(HttpStatus.BAD_REQUEST, "version", "skal være et helt tal fra 1");
    }
    return plans.history(course.id()).stream().filter(v -> v.version() == number).findFirst().map(this::version)
        .orElseThrow(() -> new PlanApiException(HttpStatus.NOT_FOUND, "version",
            "forløbet har ingen planversion " + number));
  }

  PlanViews.Municipality municipality(String tenant) {
    return municipalities.byTenant(tenant).map(m -> new PlanViews.Municipality(m.tenant(), m.code(), m.name()))
        .orElse(new PlanViews.Municipality(tenant, null, tenant));
  }

  PlanViews.ContactPerson contactPerson(String userId) {
    if (userId == null) {
      return null;
    }
    ContactPerson person = contactPersons.of(userId);
    return new PlanViews.ContactPerson(userId, person.name(), person.phone(), person.email());
  }

  private PlanViews.Version version(PlanVersion version) {
    return new PlanViews.Version(version.courseId(), version.version(), version.agreedAt(), version.agreedBy(),
        version.citizenGoals(), goals(version), interventions(version), decision(version));
  }

  private static PlanViews.Decision decision(PlanVersion version) {
    return version.decisionText() == null ? null
        : new PlanViews.Decision(version.decisionText(), version.decidedAt(), version.decidedBy());
  }

  private static List<PlanViews.Goal> goals(PlanVersion version) {
    return version.goals().stream().map(PlanViewAssembler::goal).toList();
  }

  private static PlanViews.Goal goal(PlanGoal goal) {
    return new PlanViews.Goal(goal.sequence(),
        new PlanViews.LifeDomain(goal.lifeDomain().key(), goal.lifeDomain().label()), goal.citizenWords(),
        goal.goal(), goal.subGoals());
  }

  private List<PlanViews.Intervention> interventions(PlanVersion version) {
    return version.interventions().stream().map(this::intervention).toList();
  }

  private PlanViews.Intervention intervention(PlanIntervention i) {
    return new PlanViews.Intervention(i.sequence(), sector(i.sector()), i.law(), i.description(), i.responsible(),
        i.plannedStart(), i.plannedEnd(), i.status(), i.status().label(), i.actualStart(), i.actualEnd());
  }

  private PlanViews.Consent consent(ConsentScope scope) {
    return new PlanViews.Consent(sector(scope.sector()), scope.givenAt(), scope.withdrawnAt(), scope.isActive());
  }

  /** A sector by key; one no longer configured keeps its key as its name rather than failing the read. */
  private PlanViews.Sector sector(String key) {
    return sectors.all().stream().filter(s -> s.key().equals(key)).findFirst()
        .map(s -> new PlanViews.Sector(s.key(), s.name())).orElse(new PlanViews.Sector(key, key));
  }

}
