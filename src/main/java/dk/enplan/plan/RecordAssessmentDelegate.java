package dk.enplan.plan;

import static dk.enplan.course.CourseVariables.ASSESSMENT_RECOMMENDATION;
import static dk.enplan.course.CourseVariables.ASSESSMENT_SUMMARY;

import dk.enplan.course.CourseIdentity;
import dk.enplan.process.CompletingUser;
import dk.enplan.process.ProcessVariable;
import dk.enplan.plan.SectorReport.Kind;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Stores one sector's assessment in the plan store (called process {@code sektor-udredning}). */
@Component("recordAssessment")
class RecordAssessmentDelegate implements JavaDelegate {

  private final PlanStore store;
  private final CourseIdentity identity;

  RecordAssessmentDelegate(PlanStore store, CourseIdentity identity) {
    this.store = store;
    this.identity = identity;
  }

  @Override
  public void execute(DelegateExecution execution) {
    store.report(identity.of(execution).id(), identity.sectorOf(execution), Kind.ASSESSMENT,
        ASSESSMENT_SUMMARY.text(execution, ProcessVariable.TEXT_MAX),
        ASSESSMENT_RECOMMENDATION.text(execution, ProcessVariable.TEXT_MAX),
        CompletingUser.of(execution));
  }
}
