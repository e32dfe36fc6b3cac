package dk.enplan.plan;

import static dk.enplan.course.CourseVariables.ASSESSMENT_RECOMMENDATION;
import static dk.enplan.course.CourseVariables.ASSESSMENT_SUMMARY;
import static dk.enplan.course.CourseVariables.COURSE_ID;
import static dk.enplan.course.CourseVariables.SECTOR;

import dk.enplan.process.ProcessVariable;
import dk.enplan.plan.SectorReport.Kind;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Stores one sector's assessment in the plan store (called process {@code sektor-udredning}). */
@Component("recordAssessment")
class RecordAssessmentDelegate implements JavaDelegate {

  private final PlanStore store;

  RecordAssessmentDelegate(PlanStore store) {
    this.store = store;
  }

  @Override
  public void execute(DelegateExecution execution) {
    store.report(COURSE_ID.from(execution), SECTOR.from(execution), Kind.ASSESSMENT,
        ASSESSMENT_SUMMARY.text(execution, ProcessVariable.TEXT_MAX),
        ASSESSMENT_RECOMMENDATION.text(execution, ProcessVariable.TEXT_MAX),
        CompletingUser.of(execution));
  }
}
