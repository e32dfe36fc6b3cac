package dk.enplan.course;

import static dk.enplan.course.CourseVariables.MUNICIPALITY;

import java.time.Duration;
import java.time.Period;
import java.time.ZonedDateTime;
import java.util.Date;
import dk.enplan.process.InvalidInputException;
import dk.enplan.process.WithoutUserChecks;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * A course's deadlines and follow-up interval, from the decision table {@code frister}: every caseworker task has a
 * due date (Tasklist sorts by it), the assessment and a complaint's reconsideration their own, every other task the
 * general task deadline. A municipality that has deployed its own version of the table (under its tenant) gets
 * that; every other course gets the shared one.
 * Timers and due dates in the models read it as {@code ${courseDeadlines.followUpInterval(execution)}} and so on.
 */
@Component("courseDeadlines")
public class CourseDeadlines {

  private final DecisionService decisions;
  private final RepositoryService repository;

  CourseDeadlines(DecisionService decisions, RepositoryService repository) {
    this.decisions = decisions;
    this.repository = repository;
  }

  public String assessmentDeadline(DelegateExecution execution) {
    return rule(execution, "assessmentDeadline");
  }

  public Date assessmentDueDate(DelegateExecution execution) {
    return fromNow(assessmentDeadline(execution));
  }

  public String followUpInterval(DelegateExecution execution) {
    return rule(execution, "followUpInterval");
  }

  public String complaintDeadline(DelegateExecution execution) {
    return rule(execution, "complaintDeadline");
  }

  public Date complaintDueDate(DelegateExecution execution) {
    return fromNow(complaintDeadline(execution));
  }

  /** Every other caseworker task: the municipality's case-processing deadline for a task. */
  public String taskDeadline(DelegateExecution execution) {
    return rule(execution, "taskDeadline");
  }

  public Date taskDueDate(DelegateExecution execution) {
    return fromNow(taskDeadline(execution));
  }

  private String rule(DelegateExecution execution, String output) {
    return WithoutUserChecks.get(() -> evaluate(execution, output));
  }

  private String evaluate(DelegateExecution execution, String output) {
    String municipality = execution.getTenantId();
    if (municipality == null) {
      throw new InvalidInputException(MUNICIPALITY.name(), "forløbet hører ikke til en kommune");
    }
    var evaluation = decisions.evaluateDecisionByKey(CourseProcess.Decisions.DEADLINES)
        .variables(Variables.putValue(MUNICIPALITY.name(), municipality));
    boolean ownTable = repository.createDecisionDefinitionQuery()
        .decisionDefinitionKey(CourseProcess.Decisions.DEADLINES).tenantIdIn(municipality).count() > 0;
    evaluation = ownTable ? evaluation.decisionDefinitionTenantId(municipality) : evaluation.decisionDefinitionWithoutTenantId();
    DmnDecisionResultEntries result = evaluation.evaluate().getSingleResult();
    String value = result == null ? null : result.getEntry(output);
    if (value == null) {
      throw new IllegalStateException("Decision table 'frister' gives no " + output + " for " + municipality);
    }
    return value;
  }

  /** Now plus an ISO-8601 duration such as {@code P28D}, {@code P3M} or {@code PT12H}. */
  static Date fromNow(String isoDuration) {
    ZonedDateTime now = ClockUtil.getCurrentTime().toInstant().atZone(DanishDates.DANISH_TIME);
    ZonedDateTime due = isoDuration.contains("T")
        ? now.plus(Duration.parse(isoDuration))
        : now.plus(Period.parse(isoDuration));
    return Date.from(due.toInstant());
  }
}
