package dk.enplan.postgres;

import dk.enplan.course.CourseProcess;
import java.util.ArrayList;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutorContext;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Test-only hooks of the node that {@link ClusterIT} runs in a child JVM and kills with SIGKILL; only that node
 * sets {@code enplan.test.slow-job-millis} (no other test and no application configuration does), so in every
 * other context this bean does not exist.
 *
 * <ul>
 *   <li>The follow-up timer's job takes that long when the job executor runs it: an end listener on
 *       {@code followUpDue} sleeps inside the job's transaction. The node is thus killed mid-run, holding locked
 *       jobs of which some are executing, and it logs a line per such job ({@code slow job <id> locked by <lock
 *       owner>}) so the test knows which.
 *   <li>With {@code enplan.test.parent-pid}, the node halts when that process (the test JVM) has ended, so it never
 *       outlives a test run that was itself killed.
 * </ul>
 */
@Component
@ConditionalOnProperty("enplan.test.slow-job-millis")
class KilledNodeHooks extends AbstractProcessEnginePlugin {

  static final String SLOW_JOB = "slow job ";

  private static final Logger LOG = LoggerFactory.getLogger(KilledNodeHooks.class);

  private final long slowJobMillis;

  KilledNodeHooks(@Value("${enplan.test.slow-job-millis}") long slowJobMillis,
                  @Value("${enplan.test.parent-pid:}") String parentPid) {
    this.slowJobMillis = slowJobMillis;
    if (!parentPid.isBlank()) {
      ProcessHandle.of(Long.parseLong(parentPid)).ifPresentOrElse(
          parent -> parent.onExit().thenRun(() -> Runtime.getRuntime().halt(1)),
          () -> Runtime.getRuntime().halt(1));
    }
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
    }
    configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
      @Override
      public void parseIntermediateCatchEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
        if (CourseProcess.Elements.FOLLOW_UP_DUE.equals(activity.getId())) {
          activity.addListener(ExecutionListener.EVENTNAME_END, (ExecutionListener) execution -> slowDown());
        }
      }
    });
  }

  private void slowDown() throws InterruptedException {
    JobExecutorContext context = Context.getJobExecutorContext();
    if (context == null || context.getCurrentJob() == null) {
      return;
    }
    JobEntity job = context.getCurrentJob();
    LOG.info("{}{} locked by {} until {}: sleeping {} ms", SLOW_JOB, job.getId(), job.getLockOwner(),
        job.getLockExpirationTime(), slowJobMillis);
    Thread.sleep(slowJobMillis);
  }
}
