package dk.enplan.kpi;

import dk.enplan.course.CourseProcess;
import dk.enplan.course.CourseProcess.Elements;
import dk.enplan.course.CourseProcess.SectorElements;
import dk.enplan.courseevent.CourseEvent;
import dk.enplan.courseevent.CourseEvent.Kind;
import dk.enplan.taskcard.CoursePhase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.task.IdentityLink;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * The course events only the engine sees, recorded at parse time on the course's models (whatever version an analyst
 * deploys): the phase a course enters (the start of an element of {@link CoursePhase}), each sector assessment and
 * follow-up with its due date and when it is done, a complaint and its outcome, a coordinator taking over a
 * coordinator task (a contact person). Each listener runs in the engine's transaction.
 */
@Component
class KpiEnginePlugin extends AbstractProcessEnginePlugin {

  static final String ASSESSMENT = "assessment";
  static final String FOLLOW_UP = "followUp";
  static final String COORDINATOR_GROUP = "koordinator";
  private static final String COMPLAINT_SUB_PROCESS = "complaint";
  private static final String COMPLAINT_FORWARDED_END = "complaintForwarded";

  private final KpiLedger ledger;

  KpiEnginePlugin(@Lazy KpiLedger ledger) {
    this.ledger = ledger;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null ? new ArrayList<>()
        : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
    listeners.add(new AbstractBpmnParseListener() {
      @Override
      public void parseProcess(Element processElement, ProcessDefinitionEntity definition) {
        if (CourseProcess.KEY.equals(definition.getKey())) {
          walk(definition, KpiEnginePlugin.this::courseActivity);
        } else if (CourseProcess.SECTOR_ASSESSMENT_KEY.equals(definition.getKey())) {
          walk(definition, activity -> {
            if (SectorElements.ASSESS_SECTOR.equals(activity.getId())) {
              dueAndDone(activity, ASSESSMENT);
            }
          });
        }
      }
    });
    configuration.setCustomPostBPMNParseListeners(listeners);
  }

  private static void walk(ScopeImpl scope, java.util.function.Consumer<ActivityImpl> visit) {
    for (ActivityImpl activity : scope.getActivities()) {
      visit.accept(activity);
      walk(activity, visit);
    }
  }

  private void courseActivity(ActivityImpl activity) {
    String id = activity.getId();
    if (!id.endsWith("#multiInstanceBody")) {
      CoursePhase.ofActivity(id).ifPresent(phase -> activity.addBuiltInListener(ExecutionListener.EVENTNAME_START,
          (ExecutionListener) execution -> record(execution, Kind.PHASE, "phase:" + execution.getActivityInstanceId(), phase.name())));
    }
    if (Elements.FOLLOW_UP.equals(id)) {
      dueAndDone(activity, FOLLOW_UP);
    }
    if (COMPLAINT_SUB_PROCESS.equals(id)) {
      activity.addBuiltInListener(ExecutionListener.EVENTNAME_START,
          (ExecutionListener) execution -> record(execution, Kind.COMPLAINT, "complaint:" + execution.getActivityInstanceId(), ""));
    }
    if (Elements.COMPLAINT_UPHELD_END.equals(id) || COMPLAINT_FORWARDED_END.equals(id)) {
      String outcome = Elements.COMPLAINT_UPHELD_END.equals(id) ? "medhold" : "videresendt";
      activity.addBuiltInListener(ExecutionListener.EVENTNAME_START, (ExecutionListener) execution -> record(execution,
          Kind.COMPLAINT_OUTCOME, "complaint-outcome:" + execution.getParentActivityInstanceId(), outcome));
    }
    if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior task) {
      task.getTaskDefinition().addTaskListener(TaskListener.EVENTNAME_ASSIGNMENT, this::contactPerson);
    }
  }

  private void dueAndDone(ActivityImpl activity, String kind) {
    if (!(activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior)) {
      return;
    }
    behavior.getTaskDefinition().addTaskListener(TaskListener.EVENTNAME_CREATE, task -> {
      if (task.getDueDate() != null && courseId(task) != null) {
        record(task, new CourseEvent(Kind.DUE, "due:" + task.getId(), courseId(task), null, kind, null,
            task.getDueDate().toInstant(), now()));
      }
    });
    TaskListener done = task -> {
      if (courseId(task) != null) {
        record(task, CourseEvent.of(Kind.DONE, "done:" + task.getId(), courseId(task), kind, now()));
      }
    };
    behavior.getTaskDefinition().addTaskListener(TaskListener.EVENTNAME_COMPLETE, done);
    behavior.getTaskDefinition().addTaskListener(TaskListener.EVENTNAME_DELETE, done);
  }

  /** A coordinator task assigned to a coordinator: she is (one of) the course's contact persons. */
  private void contactPerson(DelegateTask task) {
    String assignee = task.getAssignee();
    boolean coordinatorTask = task.getCandidates().stream().map(IdentityLink::getGroupId)
        .anyMatch(COORDINATOR_GROUP::equals);
    if (assignee != null && coordinatorTask && courseId(task) != null) {
      String courseId = courseId(task);
      record(task, CourseEvent.of(Kind.CONTACT_PERSON, "contact:" + courseId + ":" + assignee, courseId, assignee,
          now()));
    }
  }

  private void record(DelegateExecution execution, Kind kind, String key, String item) {
    String courseId = execution.getProcessBusinessKey();
    if (courseId != null) {
      ledger.record(CourseEvent.of(kind, key, courseId, item, now()));
    }
  }

  private void record(DelegateTask task, CourseEvent event) {
    ledger.record(event);
  }

  private static String courseId(DelegateTask task) {
    return task.getExecution().getProcessBusinessKey();
  }

  private static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }
}
