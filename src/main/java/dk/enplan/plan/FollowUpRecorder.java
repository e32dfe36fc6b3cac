package dk.enplan.plan;

import static dk.enplan.course.CourseVariables.FOLLOW_UP_DECISION;
import static dk.enplan.course.CourseVariables.FOLLOW_UP_NOTE;

import dk.enplan.course.CourseIdentity;
import dk.enplan.names.AnswerValues;
import dk.enplan.process.InvalidInputException;
import dk.enplan.process.ProcessVariable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On completing a follow-up: checks the decision and the progression scores (0–10 per life domain) and stores the
 * scores, so progression from first to latest measurement can be reported.
 */
@Component("followUpRecorder")
class FollowUpRecorder implements TaskListener {

  static final Set<String> DECISIONS = Set.copyOf(AnswerValues.FOLLOW_UP_DECISIONS);

  private final PlanStore store;
  private final CourseIdentity identity;

  FollowUpRecorder(PlanStore store, CourseIdentity identity) {
    this.store = store;
    this.identity = identity;
  }

  @Override
  public void notify(DelegateTask task) {
    String decision = FOLLOW_UP_DECISION.from(task);
    if (!DECISIONS.contains(decision)) {
      throw new InvalidInputException(FOLLOW_UP_DECISION.name(), "skal være en af " + DECISIONS);
    }
    FOLLOW_UP_NOTE.text(task, ProcessVariable.TEXT_MAX);
    Map<String, Integer> scores = new LinkedHashMap<>();
    for (LifeDomain domain : LifeDomain.values()) {
      scores.put(domain.key(), score(ProcessVariable.number(domain.progressionField()), task));
    }
    store.measure(identity.of(task).id(), scores);
  }

  /** A progression score: a whole number from 0 to 10. */
  static int score(ProcessVariable<Number> variable, DelegateTask task) {
    Number score = variable.from(task);
    if (score.doubleValue() != Math.rint(score.doubleValue()) || score.intValue() < 0 || score.intValue() > 10) {
      throw new InvalidInputException(variable.name(), "skal være et helt tal fra 0 til 10");
    }
    return score.intValue();
  }
}
