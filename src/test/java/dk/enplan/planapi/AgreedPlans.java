package dk.enplan.planapi;

import static dk.enplan.course.CourseProcess.Elements.PLAN_MEETING;

import dk.enplan.course.CourseSteps;
import dk.enplan.testing.CourseDriver;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/** Courses of Allerød driven to an agreed plan through the real process, each citizen with their own CPR number. */
@Component
class AgreedPlans {

  static final List<String> PROBLEM_AREAS = List.of("ledighed", "forsoergelse", "boern_familie");

  private final CourseSteps steps;
  private final CourseDriver driver;

  AgreedPlans(CourseSteps steps, CourseDriver driver) {
    this.steps = steps;
    this.driver = driver;
  }

  /** Referred, visitated, consented and assessed for {@code sectors}: waiting at the plan meeting. */
  ProcessInstance atPlanMeeting(String cpr, List<String> sectors) {
    ProcessInstance course = driver.refer(CourseSteps.TENANT, CourseSteps.referral(cpr, PROBLEM_AREAS));
    steps.visitate(course, sectors);
    steps.consent(course, sectors);
    sectors.forEach(sector -> steps.assess(course, sector));
    return course;
  }

  /** Agreed with the standard plan meeting of CourseSteps and decided: plan version 1. */
  ProcessInstance agreed(String cpr, List<String> sectors) {
    return agreed(cpr, sectors, CourseSteps.planMeeting("ja", sectors));
  }

  ProcessInstance agreed(String cpr, List<String> sectors, Map<String, Object> planMeeting) {
    ProcessInstance course = atPlanMeeting(cpr, sectors);
    agree(course, planMeeting);
    return course;
  }

  /** Completes the waiting plan meeting with {@code planMeeting} and the combined decision. */
  void agree(ProcessInstance course, Map<String, Object> planMeeting) {
    driver.complete(steps.task(course, PLAN_MEETING), planMeeting);
    steps.decide(course);
  }

  /** A plan meeting with two goals and an intervention per sector, with text that must be escaped in HTML. */
  static Map<String, Object> richPlanMeeting(List<String> sectors, String citizenGoals, String goal) {
    Map<String, Object> form = new HashMap<>();
    form.put("citizenGoals", citizenGoals);
    form.putAll(Map.of("goal1LifeDomain", "arbejde", "goal1CitizenWords", "Et job, jeg kan holde til",
        "goal1Goal", goal, "goal1SubGoals", "praktik i 3 måneder; løntilskud"));
    form.putAll(Map.of("goal2LifeDomain", "oekonomi", "goal2CitizenWords", "Ro på økonomien",
        "goal2Goal", "Afdragsordning på gælden"));
    for (int i = 0; i < sectors.size(); i++) {
      String row = "intervention" + (i + 1);
      form.putAll(Map.of(row + "Sector", sectors.get(i), row + "Description", "Indsats fra " + sectors.get(i),
          row + "Responsible", "Lars Jensen, " + sectors.get(i), row + "PlannedStart", "2026-12-01",
          row + "PlannedEnd", "2027-03-01"));
    }
    form.put("citizenAgrees", "ja");
    return CourseSteps.withEmptyRows(form);
  }
}
