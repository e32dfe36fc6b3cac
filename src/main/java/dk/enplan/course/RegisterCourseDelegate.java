package dk.enplan.course;

import static dk.enplan.course.CourseVariables.CITIZEN_MASKED_CPR;
import static dk.enplan.course.CourseVariables.COORDINATOR_OPTIONS;
import static dk.enplan.course.CourseVariables.COURSE_ID;
import static dk.enplan.course.CourseVariables.CPR;
import static dk.enplan.course.CourseVariables.MUNICIPALITY;
import static dk.enplan.course.CourseVariables.MUNICIPALITY_NAME;
import static dk.enplan.course.CourseVariables.PROBLEM_AREAS;
import static dk.enplan.course.CourseVariables.SECTOR_OPTIONS;

import dk.enplan.municipality.Municipality;
import dk.enplan.municipality.MunicipalityCatalog;
import dk.enplan.process.FormOptions;
import dk.enplan.process.InvalidInputException;
import dk.enplan.sector.Sector;
import dk.enplan.sector.SectorCatalog;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Validates the referral, creates the course in the plan store and gives the process the course id as business
 * key. The full CPR number goes to the store only; the process keeps the masked form. Runs in the start
 * transaction, so an invalid referral leaves no process instance and no course behind.
 */
@Component("registerCourse")
class RegisterCourseDelegate implements JavaDelegate {

  private final CourseService courses;
  private final MunicipalityCatalog municipalities;
  private final SectorCatalog sectors;
  private final Coordinators coordinators;
  private final ProblemAreas problemAreas;

  RegisterCourseDelegate(CourseService courses, MunicipalityCatalog municipalities, SectorCatalog sectors,
                         Coordinators coordinators, ProblemAreas problemAreas) {
    this.courses = courses;
    this.municipalities = municipalities;
    this.sectors = sectors;
    this.coordinators = coordinators;
    this.problemAreas = problemAreas;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Municipality municipality = municipalities.byTenant(execution.getTenantId())
        .orElseThrow(() -> new InvalidInputException(MUNICIPALITY.name(),
            "ukendt eller manglende kommune: start forløbet som medarbejder i kommunen, eller angiv kommunen"));
    Referral referral = Referral.from(execution, problemAreas.problemAreas().keySet());
    Course course = courses.register(municipality.tenant(), referral, execution.getProcessInstanceId());

    execution.setProcessBusinessKey(course.id());
    execution.removeVariable(CPR.name());
    COURSE_ID.set(execution, course.id());
    CITIZEN_MASKED_CPR.set(execution, referral.cpr().masked());
    MUNICIPALITY.set(execution, municipality.tenant());
    MUNICIPALITY_NAME.set(execution, municipality.name());
    PROBLEM_AREAS.set(execution, referral.problemAreas());
    FormOptions.set(execution, SECTOR_OPTIONS, sectors.options(sectors.all().stream().map(Sector::key).toList()));
    FormOptions.set(execution, COORDINATOR_OPTIONS, coordinators.in(municipality.tenant()));
  }
}
