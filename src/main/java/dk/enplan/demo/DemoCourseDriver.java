package dk.enplan.demo;

import static dk.enplan.course.CourseVariables.ASSESSMENT_RECOMMENDATION;
import static dk.enplan.course.CourseVariables.ASSESSMENT_SUMMARY;
import static dk.enplan.course.CourseVariables.CHOSEN_SECTORS;
import static dk.enplan.course.CourseVariables.CITIZEN_AGREES;
import static dk.enplan.course.CourseVariables.CITIZEN_GOALS;
import static dk.enplan.course.CourseVariables.CITIZEN_NAME;
import static dk.enplan.course.CourseVariables.CONSENTED_SECTORS;
import static dk.enplan.course.CourseVariables.CONSENT_GIVEN;
import static dk.enplan.course.CourseVariables.CONSENT_INFORMED;
import static dk.enplan.course.CourseVariables.COMPLAINT_GUIDANCE_GIVEN;
import static dk.enplan.course.CourseVariables.COORDINATOR;
import static dk.enplan.course.CourseVariables.COURSE_ID;
import static dk.enplan.course.CourseVariables.CPR;
import static dk.enplan.course.CourseVariables.DECISION_TEXT;
import static dk.enplan.course.CourseVariables.HOUSEHOLD_MEMBERS;
import static dk.enplan.course.CourseVariables.PROBLEM_AREAS;
import static dk.enplan.course.CourseVariables.REFERRAL_REASON;
import static dk.enplan.course.CourseVariables.REFERRING_UNIT;
import static dk.enplan.course.CourseVariables.TARGET_GROUP_CONFIRMED;
import static dk.enplan.course.CourseVariables.VISITATION_NOTE;
import static dk.enplan.course.CourseVariables.YES;
import static dk.enplan.demo.DemoCourse.Phase.CONSENT;
import static dk.enplan.demo.DemoCourse.Phase.JOINT_ASSESSMENT;
import static dk.enplan.demo.DemoCourse.Phase.PLAN_MEETING;
import static dk.enplan.demo.DemoCourse.Phase.VISITATION;

import dk.enplan.course.Coordinators;
import dk.enplan.course.CourseProcess;
import dk.enplan.course.CourseProcess.Elements;
import dk.enplan.course.CourseProcess.SectorElements;
import dk.enplan.names.GroupNames;
import dk.enplan.sector.Sector;
import dk.enplan.sector.SectorCatalog;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.Variables.SerializationDataFormats;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Drives one demo course to its phase the way the caseworkers of its municipality would: the visitation team
 * refers and visitates, the coordinator obtains consent and holds the plan meeting, each sector assesses. Input is
 * exactly what the forms submit, so listeners and delegates check it as they check Tasklist input. Asynchronous
 * continuations are run here, as the job executor would run them, without a user.
 */
@Component
@Profile("demo")
class DemoCourseDriver {

  static final String VISITATION_GROUP = GroupNames.VISITATION;
  private static final int MAX_JOB_ROUNDS = 10;

  private final RuntimeService runtime;
  private final TaskService tasks;
  private final ManagementService management;
  private final SectorCatalog sectors;
  private final Caseworkers caseworkers;

  DemoCourseDriver(RuntimeService runtime, TaskService tasks, ManagementService management, SectorCatalog sectors,
                   Caseworkers caseworkers) {
    this.runtime = runtime;
    this.tasks = tasks;
    this.management = management;
    this.sectors = sectors;
    this.caseworkers = caseworkers;
  }

  /** Starts the course and completes every step before its phase; returns the process instance id. */
  String drive(DemoCourse course) {
    String processInstanceId = refer(course);
    if (course.isPast(VISITATION)) {
      visitate(course, processInstanceId);
    }
    if (course.isPast(CONSENT)) {
      consent(course, processInstanceId);
    }
    if (course.phase() == JOINT_ASSESSMENT) {
      assess(course, processInstanceId, course.sectors().get(0));
    }
    if (course.isPast(JOINT_ASSESSMENT)) {
      course.sectors().forEach(sector -> assess(course, processInstanceId, sector));
    }
    if (course.isPast(PLAN_MEETING)) {
      holdPlanMeeting(course, processInstanceId);
      decide(course, processInstanceId);
    }
    return processInstanceId;
  }

  private String refer(DemoCourse course) {
    DemoCitizen citizen = course.citizen();
    Map<String, Object> referral = new HashMap<>();
    referral.put(CITIZEN_NAME.name(), citizen.name());
    referral.put(CPR.name(), citizen.cpr());
    referral.put(REFERRING_UNIT.name(), citizen.referringUnit());
    referral.put(PROBLEM_AREAS.name(), list(citizen.problemAreas()));
    referral.put(REFERRAL_REASON.name(), citizen.referralReason());
    referral.put(HOUSEHOLD_MEMBERS.name(), citizen.householdMembers());
    return caseworkers.actAs(visitator(course), () ->
        runtime.startProcessInstanceByKey(CourseProcess.KEY, referral).getId());
  }

  private void visitate(DemoCourse course, String processInstanceId) {
    Map<String, Object> decision = new HashMap<>();
    decision.put(TARGET_GROUP_CONFIRMED.name(), YES);
    decision.put(CHOSEN_SECTORS.name(), list(course.sectors()));
    decision.put(COORDINATOR.name(), coordinator(course));
    decision.put(VISITATION_NOTE.name(), "Sammensatte problemer, der kræver en koordineret indsats fra "
        + sectors.names(course.sectors()) + ". Én plan og én kontaktperson giver mening.");
    complete(visitator(course), mainTask(processInstanceId, Elements.VISITATION), decision);
  }

  private void consent(DemoCourse course, String processInstanceId) {
    Map<String, Object> consent = new HashMap<>();
    consent.put(CONSENT_GIVEN.name(), YES);
    consent.put(CONSENTED_SECTORS.name(), list(course.sectors()));
    consent.put(CONSENT_INFORMED.name(), true);
    complete(coordinator(course), mainTask(processInstanceId, Elements.OBTAIN_CONSENT), consent);
    runDueJobs(processInstanceId);
  }

  private void assess(DemoCourse course, String processInstanceId, String sectorKey) {
    Sector sector = sectors.get(sectorKey);
    SectorTexts texts = SectorTexts.of(sectorKey);
    Task task = tasks.createTaskQuery().processInstanceBusinessKey(courseId(processInstanceId))
        .taskDefinitionKey(SectorElements.ASSESS_SECTOR).taskCandidateGroup(sector.group()).singleResult();
    if (task == null) {
      throw new IllegalStateException("No open assessment for sector " + sectorKey + " in " + processInstanceId);
    }
    complete(StaffRole.userId(sector.group(), course.tenant()), task, Map.of(
        ASSESSMENT_SUMMARY.name(), texts.assessmentOf(course.citizen()),
        ASSESSMENT_RECOMMENDATION.name(), texts.recommendation()));
    runDueJobs(processInstanceId); // the joint assessment's join
  }

  private void holdPlanMeeting(DemoCourse course, String processInstanceId) {
    Map<String, Object> form = new HashMap<>(Map.of(
        CITIZEN_GOALS.name(), course.citizen().ownGoals(),
        "goal1LifeDomain", "arbejde", "goal1CitizenWords", course.citizen().ownGoals(),
        "goal1Goal", course.citizen().planGoals(),
        CITIZEN_AGREES.name(), YES));
    form.putAll(plannedInterventions(course));
    complete(coordinator(course), mainTask(processInstanceId, Elements.PLAN_MEETING), form);
  }

  private void decide(DemoCourse course, String processInstanceId) {
    String laws = course.sectors().stream().map(key -> sectors.get(key).law()).collect(Collectors.joining("; "));
    complete(coordinator(course), mainTask(processInstanceId, Elements.COMBINED_DECISION), Map.of(
        DECISION_TEXT.name(), "Du får de indsatser, der står i din Én Plan: " + sectors.names(course.sectors())
            + ". Afgørelsen er truffet efter " + laws + ".",
        COMPLAINT_GUIDANCE_GIVEN.name(), true));
    runDueJobs(processInstanceId);
  }

  /** One intervention per sector (the form's numbered rows), in the order chosen, starting in two weeks. */
  private Map<String, Object> plannedInterventions(DemoCourse course) {
    String start = ClockUtil.getCurrentTime().toInstant().atZone(ZoneId.of("Europe/Copenhagen")).toLocalDate()
        .plusWeeks(2).toString();
    Map<String, Object> rows = new HashMap<>();
    List<String> keys = course.sectors();
    for (int i = 0; i < keys.size(); i++) {
      Sector sector = sectors.get(keys.get(i));
      String row = "intervention" + (i + 1);
      rows.putAll(Map.of(row + "Sector", sector.key(), row + "Description", SectorTexts.of(sector.key()).intervention(),
          row + "Responsible", StaffRole.userId(sector.group(), course.tenant()), row + "PlannedStart", start));
    }
    return rows;
  }

  private void complete(String userId, Task task, Map<String, Object> form) {
    caseworkers.actAs(userId, () -> {
      if (task.getAssignee() == null) {
        tasks.claim(task.getId(), userId);
      }
      tasks.complete(task.getId(), form);
    });
  }

  private Task mainTask(String processInstanceId, String elementId) {
    Task task = tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(elementId)
        .singleResult();
    if (task == null) {
      throw new IllegalStateException("Course " + processInstanceId + " does not wait at " + elementId);
    }
    return task;
  }

  /** Runs the course's due jobs (asynchronous continuations), not its timers that lie in the future. */
  private void runDueJobs(String processInstanceId) {
    for (int round = 0; round < MAX_JOB_ROUNDS; round++) {
      List<Job> due = management.createJobQuery().processInstanceId(processInstanceId).executable().list();
      if (due.isEmpty()) {
        return;
      }
      due.forEach(job -> management.executeJob(job.getId()));
    }
    throw new IllegalStateException("Course " + processInstanceId + " still has due jobs after "
        + MAX_JOB_ROUNDS + " rounds");
  }

  private String courseId(String processInstanceId) {
    return (String) runtime.getVariable(processInstanceId, COURSE_ID.name());
  }

  private static String visitator(DemoCourse course) {
    return StaffRole.userId(VISITATION_GROUP, course.tenant());
  }

  private static String coordinator(DemoCourse course) {
    return StaffRole.userId(Coordinators.GROUP, course.tenant());
  }

  /** A list as a checklist submits it: JSON, never Java serialization. */
  private static ObjectValue list(List<String> values) {
    return Variables.objectValue(new ArrayList<>(values)).serializationDataFormat(SerializationDataFormats.JSON)
        .create();
  }
}
