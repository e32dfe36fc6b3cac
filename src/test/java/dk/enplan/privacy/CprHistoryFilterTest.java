package dk.enplan.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.history.HistoricFormField;
import org.camunda.bpm.engine.history.HistoricJobLog;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link CprHistoryFilter} on a plain engine of its own (history level full, in-memory H2): what it drops, what it
 * masks, and that everything else is still recorded. A process that receives {@code cpr} through a start form,
 * removes it the way registration does, and then fails in an asynchronous service task whose exception names the
 * number.
 */
class CprHistoryFilterTest {

  static final String CPR = "0503774821";
  static final String CPR_DASHED = "050377-4821";
  static final String MASKED = "050377-xxxx";

  static ProcessEngine engine;
  static DataSource dataSource;

  @BeforeAll
  static void startEngine() {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl)
        ProcessEngineConfiguration.createStandaloneInMemProcessEngineConfiguration();
    configuration.setProcessEngineName("cpr-history-filter-test");
    configuration.setJdbcUrl("jdbc:h2:mem:cpr-history-filter-test;DB_CLOSE_DELAY=-1");
    configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
    configuration.setJobExecutorActivate(false);
    configuration.setProcessEnginePlugins(List.of(new CprHistoryFilter()));
    configuration.setBeans(Map.of("lookUpCitizen", (JavaDelegate) execution -> {
      throw new IllegalStateException("opslag i CPR-registret fejlede",
          new IllegalArgumentException("ingen borger med cpr " + CPR_DASHED + " (" + CPR + ")"));
    }));
    engine = configuration.buildProcessEngine();
    dataSource = configuration.getDataSource();
    BpmnModelInstance referral = Bpmn.createExecutableProcess("referral").camundaHistoryTimeToLive(1)
        .startEvent()
        .serviceTask("register").camundaExpression("${execution.removeVariable('cpr')}")
        .userTask("review")
        .serviceTask("lookUp").camundaAsyncBefore().camundaDelegateExpression("${lookUpCitizen}")
        .endEvent().done();
    engine.getRepositoryService().createDeployment().addModelInstance("referral.bpmn", referral).deploy();
  }

  @AfterAll
  static void closeEngine() {
    engine.close();
  }

  @Test
  void theFilterSitsInFrontOfTheWholeHistoryHandlerAndTheFailedJobHandling() {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();

    assertThat(configuration.getHistoryEventHandler()).isInstanceOf(CprHistoryFilter.Filter.class);
    assertThat(configuration.getHistoryEventProducer())
        .isInstanceOf(CprHistoryFilter.MaskingHistoryEventProducer.class);
    assertThat(configuration.getFailedJobCommandFactory())
        .isInstanceOf(CprHistoryFilter.MaskingFailedJobCommandFactory.class);
  }

  @Test
  void noFullCprInRuntimeOrHistoryTablesWhileEverythingElseIsRecorded() throws Exception {
    String definitionId = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey("referral").singleResult().getId();
    engine.getIdentityService().setAuthenticatedUserId("visitation.allerod");
    ProcessInstance instance;
    try {
      instance = engine.getFormService().submitStartForm(definitionId,
          Map.of("citizenName", "Ahmad Rasuli", "cpr", CPR, "citizenMaskedCpr", MASKED));
      Task review = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult();
      engine.getTaskService().complete(review.getId(), Map.of("reviewNote", "ok"));
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    Job job = engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).singleResult();
    engine.getManagementService().setJobRetries(job.getId(), 1);

    assertThatThrownBy(() -> engine.getManagementService().executeJob(job.getId()))
        .as("the caller still gets the original exception").hasStackTraceContaining(CPR_DASHED);

    Job failed = engine.getManagementService().createJobQuery().jobId(job.getId()).singleResult();
    assertThat(failed.getRetries()).isZero();
    assertThat(failed.getExceptionMessage()).isEqualTo("opslag i CPR-registret fejlede");
    assertThat(engine.getManagementService().getJobExceptionStacktrace(job.getId()))
        .contains("java.lang.IllegalStateException: opslag i CPR-registret fejlede")
        .contains("Caused by: java.lang.IllegalArgumentException: ingen borger med cpr " + MASKED + " (" + MASKED + ")")
        .doesNotContain(CPR).doesNotContain(CPR_DASHED);
    Incident incident = engine.getRuntimeService().createIncidentQuery().processInstanceId(instance.getId())
        .singleResult();
    assertThat(incident.getIncidentMessage()).isEqualTo("opslag i CPR-registret fejlede");
    HistoricJobLog failure = engine.getHistoryService().createHistoricJobLogQuery().jobId(job.getId())
        .failureLog().singleResult();
    assertThat(engine.getHistoryService().getHistoricJobLogExceptionStacktrace(failure.getId()))
        .contains("Caused by: java.lang.IllegalArgumentException: ingen borger med cpr " + MASKED)
        .doesNotContain(CPR).doesNotContain(CPR_DASHED);

    CamundaTableScan.Result scan = CamundaTableScan.scan(dataSource, List.of(CPR, CPR_DASHED, MASKED));
    System.out.println("CprHistoryFilterTest: " + scan.summary() + "; hits: " + scan.hits());
    assertThat(scan.hitsOf(CPR, CPR_DASHED)).as(scan.summary()).isEmpty();
    assertThat(scan.hitsOf(MASKED)).extracting(CamundaTableScan.Hit::table)
        .contains("ACT_HI_VARINST", "ACT_HI_DETAIL", "ACT_RU_VARIABLE", "ACT_GE_BYTEARRAY");

    assertThat(engine.getHistoryService().createHistoricDetailQuery().formFields().processInstanceId(instance.getId())
        .list()).extracting(detail -> ((HistoricFormField) detail).getFieldId())
        .containsExactlyInAnyOrder("citizenName", "citizenMaskedCpr");
    assertThat(engine.getHistoryService().createHistoricDetailQuery().variableUpdates()
        .processInstanceId(instance.getId()).list()).extracting(detail -> ((HistoricVariableUpdate) detail).getVariableName())
        .containsExactlyInAnyOrder("citizenName", "citizenMaskedCpr", "reviewNote");
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
        .list()).extracting(v -> v.getName())
        .containsExactlyInAnyOrder("citizenName", "citizenMaskedCpr", "reviewNote");
    assertThat(engine.getHistoryService().createUserOperationLogQuery().processInstanceId(instance.getId())
        .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE).count()).isEqualTo(1);
  }

  @Test
  void operationLogValuesAreMasked() throws Exception {
    Task task = engine.getTaskService().newTask();
    task.setName("Ring til borgeren");
    engine.getTaskService().saveTask(task);
    engine.getIdentityService().setAuthenticatedUserId("koordinator.allerod");
    try {
      engine.getTaskService().setAssignee(task.getId(), "2412851237");
      engine.getTaskService().setOwner(task.getId(), "borger 241285-1237");
    } finally {
      engine.getIdentityService().clearAuthentication();
    }

    List<UserOperationLogEntry> entries = engine.getHistoryService().createUserOperationLogQuery()
        .taskId(task.getId()).list();
    assertThat(entries).extracting(UserOperationLogEntry::getNewValue)
        .contains("241285-xxxx", "borger 241285-xxxx");
    CamundaTableScan.Result opLog = CamundaTableScan.scan(dataSource, table -> table.equals("ACT_HI_OP_LOG"),
        List.of("2412851237", "241285-1237"));
    assertThat(opLog.rows()).isPositive();
    assertThat(opLog.hits()).isEmpty();
    engine.getTaskService().deleteTask(task.getId(), true);
  }
}
