package dk.enplan.privacy;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricExternalTaskLogEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricFormPropertyEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricIncidentEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricJobLogEvent;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.UserOperationLogEntryEventEntity;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.history.producer.CacheAwareHistoryEventProducer;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobCommandFactory;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.stereotype.Component;

/**
 * Keeps full CPR numbers out of Camunda's history (docs/design.md §7). The start form submits the number as variable
 * {@value #CPR_VARIABLE}; registration moves it to the plan store and removes the variable in the same transaction,
 * so it never reaches the runtime tables, but the engine has already produced history for it. This plugin:
 *
 * <ul>
 *   <li>wraps the engine's final history event handler in {@code postInit}, so that it sits in front of the default
 *       database handler <em>and</em> of any custom handlers ({@code customHistoryEventHandlers} are siblings of the
 *       database handler and could not filter it), and drops every variable update, variable detail and
 *       form-property event of the variable {@value #CPR_VARIABLE}: no {@code ACT_HI_VARINST} or
 *       {@code ACT_HI_DETAIL} row is ever written for it. Every other event passes, with full CPR numbers masked
 *       ({@code 010190-xxxx}) in the free text history copies from elsewhere: user operation log values and
 *       annotations, job log, incident and external-task error messages, business keys;
 *   <li>masks a failed job's exception before the engine copies its message and stack trace into the job
 *       ({@code ACT_RU_JOB}, {@code ACT_GE_BYTEARRAY}), the incident and the job log (failed-job command factory
 *       and history event producer).
 * </ul>
 *
 * Our own validation messages never echo the value they reject; this is the net under that rule.
 */
@Component
public class CprHistoryFilter extends AbstractProcessEnginePlugin {

  /** The start form's field and process variable with the full CPR number ({@code CourseVariables.CPR}). */
  public static final String CPR_VARIABLE = "cpr";

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getHistoryEventProducer() == null) {
      configuration.setHistoryEventProducer(new MaskingHistoryEventProducer());
    }
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    if (!(configuration.getHistoryEventProducer() instanceof MaskingHistoryEventProducer)) {
      throw new IllegalStateException("another history event producer ("
          + configuration.getHistoryEventProducer().getClass().getName() + ") is configured: CPR numbers in failed "
          + "jobs' stack traces would reach the job log; extend " + MaskingHistoryEventProducer.class.getName());
    }
    if (!(configuration.getHistoryEventHandler() instanceof Filter)) {
      configuration.setHistoryEventHandler(new Filter(configuration.getHistoryEventHandler()));
    }
    if (!(configuration.getFailedJobCommandFactory() instanceof MaskingFailedJobCommandFactory)) {
      configuration.setFailedJobCommandFactory(
          new MaskingFailedJobCommandFactory(configuration.getFailedJobCommandFactory()));
    }
  }

  /** The event as it may be stored, or {@code null} if it must not be stored at all. */
  static HistoryEvent filter(HistoryEvent event) {
    if (event instanceof HistoricVariableUpdateEventEntity variable && isCpr(variable.getVariableName())) {
      return null;
    }
    if (event instanceof HistoricFormPropertyEventEntity formProperty && isCpr(formProperty.getPropertyId())) {
      return null;
    }
    if (event instanceof UserOperationLogEntryEventEntity entry) {
      if (isCpr(entry.getProperty())) {
        entry.setOrgValue(null);
        entry.setNewValue(null);
      }
      entry.setOrgValue(CprText.mask(entry.getOrgValue()));
      entry.setNewValue(CprText.mask(entry.getNewValue()));
      entry.setAnnotation(CprText.mask(entry.getAnnotation()));
    } else if (event instanceof HistoricJobLogEvent jobLog) {
      jobLog.setJobExceptionMessage(CprText.mask(jobLog.getJobExceptionMessage()));
    } else if (event instanceof HistoricIncidentEventEntity incident) {
      incident.setIncidentMessage(CprText.mask(incident.getIncidentMessage()));
    } else if (event instanceof HistoricExternalTaskLogEntity externalTask) {
      externalTask.setErrorMessage(CprText.mask(externalTask.getErrorMessage()));
    } else if (event instanceof HistoricProcessInstanceEventEntity processInstance) {
      processInstance.setBusinessKey(CprText.mask(processInstance.getBusinessKey()));
    }
    return event;
  }

  private static boolean isCpr(String name) {
    return CPR_VARIABLE.equalsIgnoreCase(name);
  }

  /** In front of the engine's history event handler (the default database handler and any custom ones). */
  static final class Filter implements HistoryEventHandler {

    private final HistoryEventHandler next;

    Filter(HistoryEventHandler next) {
      this.next = next;
    }

    @Override
    public void handleEvent(HistoryEvent event) {
      HistoryEvent kept = filter(event);
      if (kept != null) {
        next.handleEvent(kept);
      }
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
      List<HistoryEvent> kept = new ArrayList<>(events.size());
      for (HistoryEvent event : events) {
        HistoryEvent filtered = filter(event);
        if (filtered != null) {
          kept.add(filtered);
        }
      }
      if (!kept.isEmpty()) {
        next.handleEvents(kept);
      }
    }
  }

  /**
   * The engine's own producer, except that a failed job's exception is masked before its message and stack trace
   * are copied into the job log (the stack trace goes to {@code ACT_GE_BYTEARRAY} here, before any handler).
   */
  public static class MaskingHistoryEventProducer extends CacheAwareHistoryEventProducer {

    @Override
    public HistoryEvent createHistoricJobLogFailedEvt(Job job, Throwable exception) {
      return super.createHistoricJobLogFailedEvt(job, CprText.scrub(exception));
    }
  }

  /** The engine's failed-job handling, with the exception masked before it is stored on the job and incident. */
  static final class MaskingFailedJobCommandFactory implements FailedJobCommandFactory {

    private final FailedJobCommandFactory next;

    MaskingFailedJobCommandFactory(FailedJobCommandFactory next) {
      this.next = next;
    }

    @Override
    public Command<Object> getCommand(String jobId, Throwable exception) {
      return next.getCommand(jobId, CprText.scrub(exception));
    }
  }
}
