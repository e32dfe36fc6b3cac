package dk.enplan.course;

import static dk.enplan.course.CourseProcess.Elements.COMBINED_DECISION;
import static dk.enplan.course.CourseProcess.Elements.DISTRIBUTE_PLAN;
import static dk.enplan.course.CourseProcess.Elements.FOLLOW_UP;
import static dk.enplan.course.CourseProcess.Elements.FOLLOW_UP_DUE;
import static dk.enplan.course.CourseProcess.Elements.JOINT_ASSESSMENT;
import static dk.enplan.course.CourseProcess.Elements.OBTAIN_CONSENT;
import static dk.enplan.course.CourseProcess.Elements.PLAN_MEETING;
import static dk.enplan.course.CourseProcess.Elements.VISITATION;
import static dk.enplan.course.CourseProcess.SectorElements.ASSESS_SECTOR;
import static dk.enplan.course.CourseProcess.SectorElements.COMPLETE_INTERVENTION;
import static dk.enplan.course.CourseProcess.SectorElements.START_INTERVENTION;

import dk.enplan.testing.CourseDriver;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/** The steps of a course in the caseworkers' words, with realistic form input; each returns when the next waits. */
@Component
public class CourseSteps {

  public static final String TENANT = "allerod";
  public static final String COORDINATOR = "koordinator.allerod";

  private final CourseDriver driver;
  private final RuntimeService runtime;
  private final CourseService courses;

  CourseSteps(CourseDriver driver, RuntimeService runtime, CourseService courses) {
    this.driver = driver;
    this.runtime = runtime;
    this.courses = courses;
  }

  public ProcessInstance refer(List<String> problemAreas) {
    return driver.refer(TENANT, referral("0101901234", problemAreas));
  }

  /** From referral in {@code tenant} to the joint assessment, with the tenant's coordinator and full consent. */
  public ProcessInstance inJointAssessment(String tenant, List<String> sectors) {
    ProcessInstance course = driver.refer(tenant, referral("0101901234", List.of("ledighed", "forsoergelse")));
    driver.complete(task(course, VISITATION), Map.of("targetGroupConfirmed", "ja", "chosenSectors", sectors,
        "coordinator", "koordinator." + tenant, "visitationNote", "Flere sektorer."));
    consent(course, sectors);
    return course;
  }

  public static Map<String, Object> referral(String cpr, List<String> problemAreas) {
    Map<String, Object> form = new HashMap<>();
    form.put("citizenName", "Mette Hansen");
    form.put("cpr", cpr);
    form.put("referringUnit", "Jobcenter Allerød");
    form.put("problemAreas", problemAreas);
    form.put("referralReason", "Langvarig ledighed, gæld og et barn med behov for støtte.");
    form.put("householdMembers", "Sofie Hansen, datter, 9 år");
    return form;
  }

  public void visitate(ProcessInstance course, List<String> sectors) {
    driver.complete(task(course, VISITATION), Map.of("targetGroupConfirmed", "ja", "chosenSectors", sectors,
        "coordinator", COORDINATOR, "visitationNote", "Flere sektorer er involveret; én samlet plan giver mening."));
  }

  public void consent(ProcessInstance course, List<String> sectors) {
    driver.complete(task(course, OBTAIN_CONSENT), Map.of("consentGiven", "ja", "consentedSectors", sectors,
        "consentInformed", true, "consentNote", "Samtykke underskrevet på mødet."));
    driver.executeJob(course, JOINT_ASSESSMENT);
  }

  public void assess(ProcessInstance course, String sector) {
    Task task = driver.tasks(businessKey(course), ASSESS_SECTOR).stream()
        .filter(t -> sector.equals(runtime.getVariable(t.getExecutionId(), "sector"))).findFirst().orElseThrow();
    driver.complete(task, Map.of("assessmentSummary", "Udredning fra " + sector,
        "assessmentRecommendation", "Anbefaling fra " + sector));
  }

  public void agreePlan(ProcessInstance course) {
    List<String> participating = new SectorSelectionProbe(courses).participating(course);
    driver.complete(task(course, PLAN_MEETING), planMeeting("ja", participating));
  }

  public static Map<String, Object> planMeeting(String citizenAgrees) {
    return planMeeting(citizenAgrees, List.of("beskaeftigelse"));
  }

  /** A plan with one goal and one intervention for each of {@code sectors}. */
  public static Map<String, Object> planMeeting(String citizenAgrees, List<String> sectors) {
    Map<String, Object> form = new HashMap<>(Map.of(
        "citizenGoals", "Jeg vil gerne have et arbejde og styr på min økonomi.",
        "goal1LifeDomain", "arbejde", "goal1CitizenWords", "Et job, jeg kan holde til",
        "goal1Goal", "Job inden for et år", "goal1SubGoals", "praktik i 3 måneder; løntilskud",
        "citizenAgrees", citizenAgrees));
    for (int i = 0; i < sectors.size(); i++) {
      String row = "intervention" + (i + 1);
      form.putAll(Map.of(row + "Sector", sectors.get(i), row + "Description", "Indsats fra " + sectors.get(i),
          row + "Responsible", "Lars Jensen", row + "PlannedStart", "2026-12-01", row + "PlannedEnd", "2027-03-01"));
    }
    return withEmptyRows(form);
  }

  /** Tasklist submits every field of the plan meeting form; the rows not filled in arrive empty. */
  public static Map<String, Object> withEmptyRows(Map<String, Object> form) {
    Map<String, Object> complete = new HashMap<>(form);
    for (int n = 1; n <= 3; n++) {
      for (String field : List.of("LifeDomain", "CitizenWords", "Goal", "SubGoals")) {
        complete.putIfAbsent("goal" + n + field, "");
      }
    }
    for (int n = 1; n <= 4; n++) {
      for (String field : List.of("Sector", "Description", "Responsible", "PlannedStart", "PlannedEnd")) {
        complete.putIfAbsent("intervention" + n + field, "");
      }
    }
    return complete;
  }

  public void decide(ProcessInstance course) {
    driver.complete(task(course, COMBINED_DECISION), Map.of("decisionText",
        "Kommunen bevilger virksomhedspraktik og budgetrådgivning efter den samlede plan.",
        "complaintGuidanceGiven", true));
    driver.executeJob(course, DISTRIBUTE_PLAN);
  }

  /** From referral to the intervention phase, every chosen sector having delivered its assessment. */
  public ProcessInstance inInterventionPhase(List<String> sectors) {
    ProcessInstance course = refer(List.of("ledighed", "forsoergelse", "boern_familie"));
    visitate(course, sectors);
    consent(course, sectors);
    sectors.forEach(sector -> assess(course, sector));
    agreePlan(course);
    decide(course);
    return course;
  }

  public void followUp(ProcessInstance course, String decision) {
    followUpDue(course);
    Map<String, Object> form = new HashMap<>(Map.of("progressionWork", 4, "progressionHealth", 6,
        "progressionHousing", 8, "progressionEconomy", 3, "progressionNetwork", 7,
        "followUpNote", "Praktikken går godt.", "followUpDecision", decision));
    driver.complete(task(course, FOLLOW_UP), form);
  }

  /** The follow-up timer fires: the coordinator's follow-up task is waiting. */
  public Task followUpDue(ProcessInstance course) {
    driver.executeJob(course, FOLLOW_UP_DUE);
    return task(course, FOLLOW_UP);
  }

  public void startIntervention(ProcessInstance course, Task task) {
    driver.complete(task, Map.of("interventionResponsible", "Lars Jensen", "interventionStart", "2026-12-01"));
  }

  public void completeIntervention(Task task) {
    driver.complete(task, Map.of("interventionOutcome", "gennemfoert",
        "interventionOutcomeNote", "Praktikken er gennemført; borgeren fortsætter i job med løntilskud."));
  }

  /** Starts and completes every open sector intervention of the course. */
  public void finishInterventions(ProcessInstance course) {
    driver.tasks(businessKey(course), START_INTERVENTION).forEach(task -> startIntervention(course, task));
    driver.tasks(businessKey(course), COMPLETE_INTERVENTION).forEach(this::completeIntervention);
  }

  public Task task(ProcessInstance course, String key) {
    return driver.task(businessKey(course), key);
  }

  /** The course id, which registration made the business key. */
  public static String businessKey(ProcessInstance course) {
    return course.getBusinessKey();
  }
}
