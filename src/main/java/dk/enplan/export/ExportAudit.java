package dk.enplan.export;

import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.oplog.UserOperationLogContext;
import org.camunda.bpm.engine.impl.oplog.UserOperationLogContextEntryBuilder;
import org.camunda.bpm.engine.impl.persistence.entity.PropertyChange;
import org.springframework.stereotype.Component;

/**
 * Records every export in the audit trail, Camunda's user operation log (docs/security.md, Audit): who (the
 * authenticated user), when, and what — municipality, period and format — as entry {@value #OPERATION} of entity type
 * {@value #ENTITY_TYPE}, category Operator. Written before the first row is sent, so an export broken off midway is
 * recorded too. The entry belongs to no course, so history cleanup never removes it.
 */
@Component
class ExportAudit {

  static final String OPERATION = "Export";
  static final String ENTITY_TYPE = "EnPlanCourseExport";

  private final ProcessEngineConfigurationImpl engine;

  ExportAudit(ProcessEngine engine) {
    this.engine = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
  }

  void record(ExportRequest request) {
    engine.getCommandExecutorTxRequired().execute(command -> {
      UserOperationLogContext log = new UserOperationLogContext();
      log.addEntry(UserOperationLogContextEntryBuilder.entry(OPERATION, ENTITY_TYPE)
          .category(UserOperationLogEntry.CATEGORY_OPERATOR)
          .propertyChanges(List.of(
              new PropertyChange("municipality", null, request.municipality().tenant()),
              new PropertyChange("from", null, request.from().toString()),
              new PropertyChange("to", null, request.to().toString()),
              new PropertyChange("format", null, request.format().extension())))
          .create());
      command.getOperationLogManager().logUserOperations(log);
      return null;
    });
  }
}
