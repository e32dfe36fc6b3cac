package dk.enplan.course;

import static dk.enplan.course.CourseVariables.CLOSURE_REASON;

import dk.enplan.names.AnswerValues;
import dk.enplan.process.CompletingUser;
import dk.enplan.process.InvalidInputException;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On closing with the citizen: one of the closure reasons the closure form offers (they are reported on), and the
 * course records who closed it, the user completing this task (a covering coordinator too), before the closure
 * itself runs in the background.
 */
@Component("closureCheck")
class ClosureCheck implements TaskListener {

  private final CourseService courses;
  private final CourseIdentity identity;

  ClosureCheck(CourseService courses, CourseIdentity identity) {
    this.courses = courses;
    this.identity = identity;
  }

  static final Set<String> REASONS = Set.copyOf(AnswerValues.CLOSURE_REASONS);

  @Override
  public void notify(DelegateTask task) {
    if (!REASONS.contains(CLOSURE_REASON.from(task))) {
      throw new InvalidInputException(CLOSURE_REASON.name(), "skal være en af " + REASONS);
    }
    courses.closingBy(identity.of(task).id(), CompletingUser.of(task));
  }
}
