package dk.enplan.course;

import static dk.enplan.course.CourseVariables.CONSENTED_SECTORS;
import static dk.enplan.course.CourseVariables.CONSENT_GIVEN;
import static dk.enplan.course.CourseVariables.CONSENT_INFORMED;
import static dk.enplan.course.CourseVariables.YES;

import dk.enplan.process.InvalidInputException;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On completing consent, the one task whose form declares the consent's scope: a yes needs an informed citizen and
 * a scope within the sectors chosen at visitation as the plan store records them (not the {@code chosenSectors}
 * variable); the scope is recorded as consent scopes in the plan store, and only these sectors may later receive the
 * plan's content. The form's {@code consentedSectors} then leaves the process: routing, deliveries and the plan API
 * all read the consent scopes in force ({@link CourseService#consentedSectors}), so a withdrawal there stops them all.
 */
@Component("consentDecision")
class ConsentDecisionListener implements TaskListener {

  private final CourseService courses;
  private final CourseIdentity identity;

  ConsentDecisionListener(CourseService courses, CourseIdentity identity) {
    this.courses = courses;
    this.identity = identity;
  }

  @Override
  public void notify(DelegateTask task) {
    Course course = identity.of(task);
    if (course.status() != CourseStatus.AWAITING_CONSENT) {
      throw new InvalidInputException(CourseVariables.COURSE_ID.name(), "forløbet venter ikke på samtykke");
    }
    if (!YES.equals(YesNo.require(CONSENT_GIVEN, task))) {
      return;
    }
    if (!Boolean.TRUE.equals(CONSENT_INFORMED.optionalFrom(task).orElse(false))) {
      throw new InvalidInputException(CONSENT_INFORMED.name(), "borgeren skal være informeret, før samtykket gælder");
    }
    List<String> consented = CONSENTED_SECTORS.from(task);
    if (consented.isEmpty()) {
      throw new InvalidInputException(CONSENTED_SECTORS.name(), "vælg mindst én sektor, samtykket omfatter");
    }
    List<String> chosen = course.chosenSectors();
    consented.stream().filter(sector -> !chosen.contains(sector)).findFirst().ifPresent(sector -> {
      throw new InvalidInputException(CONSENTED_SECTORS.name(),
          "'" + sector + "' deltager ikke i forløbet og kan ikke være omfattet af samtykket");
    });
    courses.consented(course.id(), consented);
    task.getExecution().removeVariable(CONSENTED_SECTORS.name());
  }
}
