package dk.enplan.course;

import static dk.enplan.course.CourseVariables.CHOSEN_SECTORS;
import static dk.enplan.course.CourseVariables.CHOSEN_SECTOR_OPTIONS;
import static dk.enplan.course.CourseVariables.COORDINATOR;
import static dk.enplan.course.CourseVariables.COORDINATOR_CONTACT;
import static dk.enplan.course.CourseVariables.TARGET_GROUP_CONFIRMED;
import static dk.enplan.course.CourseVariables.VISITATION_NOTE;
import static dk.enplan.course.CourseVariables.YES;

import dk.enplan.process.ProcessVariable;
import dk.enplan.process.FormOptions;
import dk.enplan.process.InvalidInputException;
import dk.enplan.sector.SectorCatalog;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On completing visitation, the one task whose form declares the course's sectors and coordinator: checks the
 * decision (target group yes/no; if yes, known sectors and a coordinator of the course's municipality), records
 * sectors and coordinator on the course in the plan store, where every later step reads them, and prepares the
 * consent form's options and the coordinator's name, phone and e-mail for every later form. The form's
 * {@code chosenSectors} and {@code coordinator} then leave the process: the plan store is their one home (ADR 0003).
 * The course is the process instance's own ({@link CourseIdentity}), and only a course at visitation can be
 * visitated.
 */
@Component("visitationDecision")
class VisitationDecisionListener implements TaskListener {

  private final CourseService courses;
  private final CourseIdentity identity;
  private final SectorCatalog sectors;
  private final Coordinators coordinators;
  private final ContactPersons contactPersons;

  VisitationDecisionListener(CourseService courses, CourseIdentity identity, SectorCatalog sectors,
                             Coordinators coordinators, ContactPersons contactPersons) {
    this.courses = courses;
    this.identity = identity;
    this.sectors = sectors;
    this.coordinators = coordinators;
    this.contactPersons = contactPersons;
  }

  @Override
  public void notify(DelegateTask task) {
    Course course = identity.of(task);
    if (course.status() != CourseStatus.REFERRED) {
      throw new InvalidInputException(CourseVariables.COURSE_ID.name(), "forløbet er allerede visiteret");
    }
    String confirmed = YesNo.require(TARGET_GROUP_CONFIRMED, task);
    VISITATION_NOTE.text(task, ProcessVariable.TEXT_MAX);
    if (!YES.equals(confirmed)) {
      return;
    }
    List<String> chosen = CHOSEN_SECTORS.from(task);
    if (chosen.isEmpty()) {
      throw new InvalidInputException(CHOSEN_SECTORS.name(), "vælg mindst én sektor");
    }
    sectors.require(CHOSEN_SECTORS.name(), chosen);
    String coordinator = COORDINATOR.from(task);
    if (!coordinators.isCoordinatorIn(coordinator, course.tenantId())) {
      throw new InvalidInputException(COORDINATOR.name(),
          "'" + coordinator + "' er ikke koordinerende kontaktperson i kommunen");
    }
    FormOptions.set(task, CHOSEN_SECTOR_OPTIONS, sectors.options(chosen));
    COORDINATOR_CONTACT.set(task, contactPersons.of(coordinator).line());
    courses.visitated(course.id(), chosen, coordinator);
    task.getExecution().removeVariable(CHOSEN_SECTORS.name());
    task.getExecution().removeVariable(COORDINATOR.name());
  }
}
