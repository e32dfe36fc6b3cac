package dk.enplan.plan;

import static dk.enplan.course.CourseProcess.Elements.ASSESS_CHANGED_CIRCUMSTANCES;
import static dk.enplan.course.CourseProcess.Elements.COMBINED_DECISION;
import static dk.enplan.course.CourseProcess.Elements.DISCUSS_WITHDRAWAL;
import static dk.enplan.course.CourseProcess.Elements.FOLLOW_UP;
import static dk.enplan.course.CourseProcess.Elements.PLAN_MEETING;
import static dk.enplan.course.CourseProcess.Elements.RECONSIDER_DECISION;
import static dk.enplan.course.CourseVariables.CHANGE_ASSESSMENT;
import static dk.enplan.course.CourseVariables.CITIZEN_AGREES;
import static dk.enplan.course.CourseVariables.COMPLAINT_GUIDANCE_GIVEN;
import static dk.enplan.course.CourseVariables.COMPLAINT_UPHELD;
import static dk.enplan.course.CourseVariables.DECISION_TEXT;
import static dk.enplan.course.CourseVariables.FOLLOW_UP_DECISION;
import static dk.enplan.course.CourseVariables.FOLLOW_UP_NOTE;
import static dk.enplan.course.CourseVariables.MEETING_NOTE;
import static dk.enplan.course.CourseVariables.RECONSIDERATION_NOTE;
import static dk.enplan.course.CourseVariables.REVISION_REQUESTED;
import static dk.enplan.course.CourseVariables.WITHDRAWAL_FOLLOW_UP;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Each decision is made anew: a coordinator task that comes round again (every follow-up, a new plan meeting, the
 * decision on a revised plan, a second complaint …) opens without the previous round's answers. Camunda Forms fill a
 * field from the process variable of the same key, so on creation the task's answers of the last round are removed
 * from the process; the gateways and listeners that read them have done so by then, what the plan needs is in the
 * plan store, and the engine's history keeps every answer given.
 */
@Component("freshAnswers")
class FreshAnswers implements TaskListener {

  /** Per task: the form fields that are answers of one round (a decision, an agreement, a confirmation, a note). */
  static final Map<String, List<String>> ANSWERS = Map.of(
      FOLLOW_UP, followUpAnswers(),
      PLAN_MEETING, List.of(CITIZEN_AGREES.name(), MEETING_NOTE.name()),
      COMBINED_DECISION, List.of(DECISION_TEXT.name(), COMPLAINT_GUIDANCE_GIVEN.name()),
      RECONSIDER_DECISION, List.of(COMPLAINT_UPHELD.name(), RECONSIDERATION_NOTE.name()),
      ASSESS_CHANGED_CIRCUMSTANCES, List.of(CHANGE_ASSESSMENT.name(), REVISION_REQUESTED.name()),
      DISCUSS_WITHDRAWAL, List.of(WITHDRAWAL_FOLLOW_UP.name()));

  @Override
  public void notify(DelegateTask task) {
    ANSWERS.getOrDefault(task.getTaskDefinitionKey(), List.of()).forEach(task.getExecution()::removeVariable);
  }

  private static List<String> followUpAnswers() {
    List<String> answers = new ArrayList<>(List.of(FOLLOW_UP_DECISION.name(), FOLLOW_UP_NOTE.name()));
    Arrays.stream(LifeDomain.values()).map(LifeDomain::progressionField).forEach(answers::add);
    return List.copyOf(answers);
  }
}
