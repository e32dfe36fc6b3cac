package dk.enplan.migration;

import dk.enplan.course.CourseProcess;
import dk.enplan.migration.MigrationReport.CourseReport;
import dk.enplan.migration.MigrationReport.Version;
import dk.enplan.municipality.MunicipalityCatalog;
import dk.enplan.process.RequestRefusedException;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.TransitionInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves a municipality's running courses from one version of en-plan to a newer one, and with each course the
 * processes it has called (the sector assessments and interventions, the deliveries) to the versions in the new
 * en-plan's deployment. The plan maps every element to the one with the same id (multi-instance bodies, event
 * sub-processes and boundary timers included; timers keep their due dates). Every course is first tried in a
 * transaction that is rolled back, so the engine itself judges it; if any course cannot move, nothing moves and the
 * report says why. Otherwise the migration runs as the engine's batches. Variables, timers, called processes and
 * the plan store stay as they are (the process instance ids do not change).
 */
@Component
public class CourseMigration {

  private final RuntimeService runtime;
  private final RepositoryService repository;
  private final MunicipalityCatalog municipalities;
  private final TransactionTemplate trial;

  CourseMigration(RuntimeService runtime, RepositoryService repository, MunicipalityCatalog municipalities,
                  PlatformTransactionManager transactions) {
    this.runtime = runtime;
    this.repository = repository;
    this.municipalities = municipalities;
    this.trial = new TransactionTemplate(transactions);
    this.trial.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  MigrationReport migrate(MigrationRequest request) {
    String tenant = request.tenant();
    if (municipalities.byTenant(tenant).isEmpty()) {
      throw new CourseMigrationException(HttpStatus.BAD_REQUEST, "tenant", "ukendt kommune '" + RequestRefusedException.shorten(tenant)
          + "'; angiv kommunens tenant-id, fx allerod");
    }
    ProcessDefinition from = definition("from", request.from(), tenant);
    ProcessDefinition to = request.to() == null ? newCourses(tenant) : definition("to", request.to(), tenant);
    if (from.getId().equals(to.getId())) {
      throw new CourseMigrationException(HttpStatus.BAD_REQUEST, "to", "er den samme version som from ("
          + from.getId() + "); forløbene kører allerede på den");
    }
    if (!deployedAfter(to, from)) {
      throw new CourseMigrationException(HttpStatus.BAD_REQUEST, "to", "skal være en nyere version end from ("
          + describe(to) + " er ikke nyere end " + describe(from) + ")");
    }
    Run run = new Run(to);
    List<CourseReport> reports = new ArrayList<>();
    for (ProcessInstance course : runtime.createProcessInstanceQuery().processDefinitionId(from.getId())
        .tenantIdIn(tenant).orderByProcessInstanceId().asc().list()) {
      reports.add(run.course(course));
    }
    boolean compatible = reports.stream().allMatch(report -> report.cannotMove().isEmpty());
    if (!compatible) {
      long refused = reports.stream().filter(report -> !report.cannotMove().isEmpty()).count();
      return report(request, from, to, reports, false, List.of(), "Ændringen er afvist: " + refused + " af "
          + reports.size() + " forløb kan ikke flyttes til " + describe(to) + ". Intet forløb er flyttet.");
    }
    if (request.dryRun()) {
      return report(request, from, to, reports, true, List.of(), "Tørkørsel: alle " + reports.size()
          + " forløb kan flyttes til " + describe(to) + ". Intet er flyttet; send \"dryRun\": false for at flytte.");
    }
    List<String> batches = run.execute();
    return report(request, from, to, reports, true, batches, reports.size() + " forløb flyttes til "
        + describe(to) + " i " + batches.size() + " batch(es); Cockpit viser dem under Batches.");
  }

  private MigrationReport report(MigrationRequest request, ProcessDefinition from, ProcessDefinition to,
                                 List<CourseReport> reports, boolean compatible, List<String> batches,
                                 String message) {
    return new MigrationReport(request.tenant(), version(from), version(to), request.dryRun(), compatible,
        !batches.isEmpty(), reports.size(), reports, batches, message);
  }

  private ProcessDefinition definition(String field, String id, String tenant) {
    ProcessDefinition definition;
    try {
      definition = repository.getProcessDefinition(id);
    } catch (NotFoundException e) {
      throw new CourseMigrationException(HttpStatus.NOT_FOUND, field, "ukendt version '" + RequestRefusedException.shorten(id)
          + "'; angiv procesdefinitionens id, som Cockpit viser det (fx en-plan:2:…)");
    }
    if (!CourseProcess.KEY.equals(definition.getKey())) {
      throw new CourseMigrationException(HttpStatus.BAD_REQUEST, field, "'" + RequestRefusedException.shorten(id) + "' er ikke en version "
          + "af " + CourseProcess.KEY + "; de kaldte processer flyttes med forløbet");
    }
    if (definition.getTenantId() != null && !definition.getTenantId().equals(tenant)) {
      throw new CourseMigrationException(HttpStatus.BAD_REQUEST, field, "'" + RequestRefusedException.shorten(id) + "' hører til kommunen "
          + definition.getTenantId() + ", ikke til " + tenant);
    }
    return definition;
  }

  /** The version the municipality's new courses get: its own latest, else the shared latest. */
  private ProcessDefinition newCourses(String tenant) {
    ProcessDefinition own = repository.createProcessDefinitionQuery().processDefinitionKey(CourseProcess.KEY)
        .tenantIdIn(tenant).latestVersion().singleResult();
    return own != null ? own : repository.createProcessDefinitionQuery().processDefinitionKey(CourseProcess.KEY)
        .withoutTenantId().latestVersion().singleResult();
  }

  private boolean deployedAfter(ProcessDefinition to, ProcessDefinition from) {
    if (java.util.Objects.equals(to.getTenantId(), from.getTenantId())) {
      return to.getVersion() > from.getVersion();
    }
    Date toTime = repository.createDeploymentQuery().deploymentId(to.getDeploymentId()).singleResult()
        .getDeploymentTime();
    Date fromTime = repository.createDeploymentQuery().deploymentId(from.getDeploymentId()).singleResult()
        .getDeploymentTime();
    return !toTime.before(fromTime);
  }

  private static Version version(ProcessDefinition definition) {
    return new Version(definition.getId(), definition.getKey(), definition.getVersion(), definition.getTenantId());
  }

  private static String describe(ProcessDefinition definition) {
    return definition.getKey() + " version " + definition.getVersion() + " ("
        + (definition.getTenantId() == null ? "fælles" : definition.getTenantId()) + ")";
  }


  /** One migration: the plans per source definition, and which process instances each moves. */
  private final class Run {

    private final ProcessDefinition target;
    private final Map<String, Planned> plans = new HashMap<>();
    private final Map<String, List<String>> instancesByPlan = new LinkedHashMap<>();
    private final Map<String, ElementNames> names = new HashMap<>();
    private final Map<String, ProcessDefinition> calledTargets = new HashMap<>();

    Run(ProcessDefinition target) {
      this.target = target;
    }

    CourseReport course(ProcessInstance course) {
      List<String> moves = new ArrayList<>();
      List<String> cannot = new ArrayList<>();
      Map<String, String> members = new LinkedHashMap<>(); // process instance → source definition
      visit(course.getId(), course.getProcessDefinitionId(), target, moves, cannot, members);
      if (cannot.isEmpty()) {
        cannot.addAll(tryOut(members));
      }
      if (cannot.isEmpty()) {
        members.forEach((instance, source) -> instancesByPlan.computeIfAbsent(source, s -> new ArrayList<>())
            .add(instance));
      }
      return new CourseReport(course.getBusinessKey(), course.getId(), moves, cannot);
    }

    private void visit(String instanceId, String sourceId, ProcessDefinition targetDefinition, List<String> moves,
                       List<String> cannot, Map<String, String> members) {
      ElementNames source = names(sourceId);
      if (targetDefinition == null) {
        cannot.add(source.process() + ": den kaldte proces findes ikke i den nye versions udrulning");
        return;
      }
      if (!sourceId.equals(targetDefinition.getId())) {
        Planned planned = plans.computeIfAbsent(sourceId, id -> plan(id, targetDefinition.getId()));
        ElementNames targetNames = names(targetDefinition.getId());
        cannot.addAll(planned.failures().stream().map(failure -> source.process() + ": " + failure).toList());
        if (planned.plan() != null) {
          walk(runtime.getActivityInstance(instanceId), planned, source, targetNames, moves, cannot);
          members.put(instanceId, sourceId);
        }
      }
      for (ProcessInstance called : runtime.createProcessInstanceQuery().superProcessInstanceId(instanceId).list()) {
        String key = repository.getProcessDefinition(called.getProcessDefinitionId()).getKey();
        ProcessDefinition calledTarget = calledTargets.computeIfAbsent(target.getDeploymentId() + "/" + key,
            k -> repository.createProcessDefinitionQuery().deploymentId(target.getDeploymentId())
                .processDefinitionKey(key).singleResult());
        visit(called.getId(), called.getProcessDefinitionId(), calledTarget, moves, cannot, members);
      }
    }

    private void walk(ActivityInstance instance, Planned planned, ElementNames source, ElementNames target,
                      List<String> moves, List<String> cannot) {
      for (ActivityInstance child : instance.getChildActivityInstances()) {
        element(child.getActivityId(), planned, source, target, moves, cannot);
        walk(child, planned, source, target, moves, cannot);
      }
      for (TransitionInstance waiting : instance.getChildTransitionInstances()) {
        element(waiting.getActivityId(), planned, source, target, moves, cannot);
      }
    }

    private void element(String activityId, Planned planned, ElementNames source, ElementNames target,
                         List<String> moves, List<String> cannot) {
      String mapped = planned.targets().get(activityId);
      if (mapped == null) {
        cannot.add(source.process() + ": " + source.label(activityId)
            + " findes ikke i den nye version (intet element med samme id); forløbet venter her");
      } else {
        moves.add(source.process() + ": " + source.label(activityId) + " → " + target.label(mapped));
      }
    }

    private Planned plan(String sourceId, String targetId) {
      try {
        MigrationPlan plan = runtime.createMigrationPlan(sourceId, targetId).mapEqualActivities().build();
        Map<String, String> targets = new HashMap<>();
        for (MigrationInstruction instruction : plan.getInstructions()) {
          targets.put(instruction.getSourceActivityId(), instruction.getTargetActivityId());
        }
        return new Planned(plan, targets, List.of());
      } catch (MigrationPlanValidationException e) {
        List<String> failures = new ArrayList<>();
        e.getValidationReport().getInstructionReports().forEach(report -> failures.add(
            names(sourceId).label(report.getMigrationInstruction().getSourceActivityId()) + " kan ikke kortlægges: "
                + String.join("; ", report.getFailures())));
        e.getValidationReport().getVariableReports().forEach((variable, report) -> failures.add(
            "variablen " + variable + ": " + String.join("; ", report.getFailures())));
        return new Planned(null, Map.of(), failures);
      }
    }

    /** The course and its called processes migrated for real in a transaction that is then rolled back. */
    private List<String> tryOut(Map<String, String> members) {
      List<String> failures = new ArrayList<>();
      trial.executeWithoutResult(status -> {
        status.setRollbackOnly();
        members.forEach((instance, source) -> {
          if (!failures.isEmpty()) {
            return;
          }
          try {
            runtime.newMigration(plans.get(source).plan()).processInstanceIds(instance).execute();
          } catch (MigratingProcessInstanceValidationException e) {
            failures.addAll(engineFailures(source, e.getValidationReport()));
          } catch (ProcessEngineException e) {
            failures.add(names(source).process() + ": motoren afviser flytningen: " + e.getMessage());
          }
        });
      });
      return failures;
    }

    private List<String> engineFailures(String source, MigratingProcessInstanceValidationReport report) {
      ElementNames names = names(source);
      List<String> failures = new ArrayList<>(report.getFailures().stream()
          .map(failure -> names.process() + ": " + failure).toList());
      report.getActivityInstanceReports().forEach(activity -> failures.add(names.process() + ": "
          + names.label(activity.getSourceScopeId()) + ": " + String.join("; ", activity.getFailures())));
      report.getTransitionInstanceReports().forEach(transition -> failures.add(names.process() + ": "
          + names.label(transition.getSourceScopeId()) + ": " + String.join("; ", transition.getFailures())));
      return failures;
    }

    List<String> execute() {
      List<String> batches = new ArrayList<>();
      instancesByPlan.forEach((source, instances) -> batches.add(runtime.newMigration(plans.get(source).plan())
          .processInstanceIds(instances).executeAsync().getId()));
      return batches;
    }

    private ElementNames names(String definitionId) {
      return names.computeIfAbsent(definitionId, id -> new ElementNames(repository.getBpmnModelInstance(id)));
    }
  }

  private record Planned(MigrationPlan plan, Map<String, String> targets, List<String> failures) {
  }

  /** The Danish names of a model's elements, as the course's caseworkers know them. */
  private record ElementNames(org.camunda.bpm.model.bpmn.BpmnModelInstance model) {

    private static final String BODY = "#multiInstanceBody";

    String process() {
      Process process = model.getModelElementsByType(Process.class).iterator().next();
      return process.getName() == null ? process.getId() : process.getName();
    }

    /** {@code 'Fælles udredning' (jointAssessment)}; a multi-instance body as the activity for every sector. */
    String label(String activityId) {
      boolean body = activityId.endsWith(BODY);
      String id = body ? activityId.substring(0, activityId.length() - BODY.length()) : activityId;
      ModelElementInstance element = model.getModelElementById(id);
      String name = element instanceof FlowElement flow && flow.getName() != null ? flow.getName() : id;
      return "'" + name + "'" + (body ? " for alle sektorer" : "") + " (" + activityId + ")";
    }
  }
}
