package dk.enplan.course;

import static dk.enplan.course.CourseProcess.Elements.FOLLOW_UP;
import static dk.enplan.course.CourseProcess.Elements.OBTAIN_CONSENT;
import static dk.enplan.course.CourseProcess.Elements.VISITATION;
import static dk.enplan.course.CourseSteps.businessKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.enplan.testing.CourseDriver;
import dk.enplan.testing.EngineOnlyTest;
import dk.enplan.testing.TestIdentity;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Bad input at the course's entrances is rejected with a message naming the field, and leaves nothing behind: no
 * process instance, no course row, no changed variable, the task still open.
 */
@EngineOnlyTest
class BadInputTest {

  @Autowired CourseSteps steps;
  @Autowired CourseDriver driver;
  @Autowired TestIdentity identity;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired CourseRepository courses;
  @Autowired CourseService courseService;

  @BeforeEach
  void setUp() {
    identity.ensure();
  }

  static Stream<Arguments> badReferrals() {
    return Stream.of(
        Arguments.of("cpr", "12345", "cpr: skal være 10 cifre"),
        Arguments.of("cpr", "320190-1234", "cpr: de første seks cifre er ikke en gyldig dato"),
        Arguments.of("cpr", "010150-5123", "cpr: fødselsdatoen ligger i fremtiden"),
        Arguments.of("cpr", null, "cpr: skal udfyldes"),
        Arguments.of("citizenName", " ", "citizenName: skal udfyldes"),
        Arguments.of("citizenName", "x".repeat(201), "citizenName: må højst være 200 tegn"),
        Arguments.of("referringUnit", null, "referringUnit: skal udfyldes"),
        Arguments.of("referralReason", "x".repeat(4001), "referralReason: må højst være 4000 tegn"),
        Arguments.of("problemAreas", List.of(), "problemAreas: vælg mindst ét problemområde"),
        Arguments.of("problemAreas", "ledighed", "problemAreas: skal være en liste"),
        Arguments.of("problemAreas", List.of("ledighed", "rumrejser"), "problemAreas: ukendt problemområde 'rumrejser'"),
        Arguments.of("householdMembers", "x".repeat(4001), "householdMembers: må højst være 4000 tegn"),
        Arguments.of("municipality", "aarhus", "municipality: ukendt eller manglende kommune"));
  }

  @ParameterizedTest(name = "henvisning med {0} = {1}")
  @MethodSource("badReferrals")
  void henvisningAfvisesOgEfterladerIntet(String field, Object value, String message) {
    Map<String, Object> referral = new HashMap<>(CourseSteps.referral("0101901234", List.of("ledighed", "bolig")));
    referral.put("municipality", "allerod");
    referral.put(field, value);
    long instances = history.createHistoricProcessInstanceQuery().count();
    long rows = courses.count();

    assertThatThrownBy(() -> runtime.startProcessInstanceByKey(CourseProcess.KEY, referral))
        .hasMessageContaining(message);

    assertThat(history.createHistoricProcessInstanceQuery().count()).isEqualTo(instances);
    assertThat(courses.count()).isEqualTo(rows);
  }

  static Stream<Arguments> badVisitations() {
    Map<String, Object> good = Map.of("targetGroupConfirmed", "ja", "chosenSectors", List.of("voksen"),
        "coordinator", "koordinator.allerod", "visitationNote", "Begrundelse");
    return Stream.of(
        Arguments.of(with(good, "targetGroupConfirmed", "maaske"), "targetGroupConfirmed: skal være 'ja' eller 'nej'"),
        Arguments.of(with(good, "chosenSectors", List.of()), "chosenSectors: vælg mindst én sektor"),
        Arguments.of(with(good, "chosenSectors", List.of("voksen", "rummet")), "chosenSectors: ukendt sektor 'rummet'"),
        Arguments.of(with(good, "coordinator", "koordinator.ballerup"),
            "coordinator: 'koordinator.ballerup' er ikke koordinerende kontaktperson i kommunen"),
        Arguments.of(with(good, "coordinator", "visitation.allerod"),
            "coordinator: 'visitation.allerod' er ikke koordinerende kontaktperson"),
        Arguments.of(with(good, "visitationNote", ""), "visitationNote: skal udfyldes"),
        Arguments.of(with(good, "visitationNote", "x".repeat(4001)), "visitationNote: må højst være 4000 tegn"));
  }

  @ParameterizedTest(name = "visitation: {1}")
  @MethodSource("badVisitations")
  void visitationAfvisesOgOpgavenStaarAaben(Map<String, Object> form, String message) {
    ProcessInstance course = steps.refer(List.of("misbrug", "bolig"));
    Task task = steps.task(course, VISITATION);

    assertThatThrownBy(() -> driver.complete(task, form)).hasMessageContaining(message);

    assertThat(steps.task(course, VISITATION)).isNotNull();
    assertThat(runtime.getVariable(course.getId(), "coordinator")).isNull();
    assertThat(runtime.getVariable(course.getId(), "chosenSectors")).asList().containsExactly("voksen", "sundhed");
    assertThat(courses.findById(businessKey(course)).orElseThrow().status()).isEqualTo(CourseStatus.REFERRED);
  }

  static Stream<Arguments> badConsents() {
    Map<String, Object> good = Map.of("consentGiven", "ja", "consentedSectors", List.of("voksen"),
        "consentInformed", true);
    return Stream.of(
        Arguments.of(with(good, "consentGiven", "ok"), "consentGiven: skal være 'ja' eller 'nej'"),
        Arguments.of(with(good, "consentInformed", false), "consentInformed: borgeren skal være informeret"),
        Arguments.of(with(good, "consentedSectors", List.of()), "consentedSectors: vælg mindst én sektor"),
        Arguments.of(with(good, "consentedSectors", List.of("voksen", "familie")),
            "consentedSectors: 'familie' deltager ikke i forløbet"));
  }

  @ParameterizedTest(name = "samtykke: {1}")
  @MethodSource("badConsents")
  void samtykkeAfvisesOgOpgavenStaarAaben(Map<String, Object> form, String message) {
    ProcessInstance course = steps.refer(List.of("misbrug", "bolig"));
    steps.visitate(course, List.of("voksen", "sundhed"));

    assertThatThrownBy(() -> driver.complete(steps.task(course, OBTAIN_CONSENT), form)).hasMessageContaining(message);

    assertThat(steps.task(course, OBTAIN_CONSENT)).isNotNull();
    assertThat(courses.findById(businessKey(course)).orElseThrow().status()).isEqualTo(CourseStatus.AWAITING_CONSENT);
  }

  static Stream<Arguments> badFollowUps() {
    Map<String, Object> good = new HashMap<>(Map.of("progressionWork", 4, "progressionHealth", 6,
        "progressionHousing", 8, "progressionEconomy", 3, "progressionNetwork", 7, "followUpNote", "Notat",
        "followUpDecision", "fortsaet"));
    return Stream.of(
        Arguments.of(with(good, "followUpDecision", "stop"), "followUpDecision: skal være en af"),
        Arguments.of(with(good, "progressionWork", 11), "progressionWork: skal være et helt tal fra 0 til 10"),
        Arguments.of(with(good, "progressionHealth", -1), "progressionHealth: skal være et helt tal fra 0 til 10"),
        Arguments.of(with(good, "progressionEconomy", 2.5), "progressionEconomy: skal være et helt tal fra 0 til 10"),
        Arguments.of(with(good, "followUpNote", " "), "followUpNote: skal udfyldes"));
  }

  @ParameterizedTest(name = "opfølgning: {1}")
  @MethodSource("badFollowUps")
  void opfoelgningAfvisesOgIntetMaalesGemt(Map<String, Object> form, String message) {
    ProcessInstance course = steps.inInterventionPhase(List.of("beskaeftigelse"));
    driver.executeJob(course, CourseProcess.Elements.FOLLOW_UP_DUE);

    assertThatThrownBy(() -> driver.complete(steps.task(course, FOLLOW_UP), form)).hasMessageContaining(message);

    assertThat(steps.task(course, FOLLOW_UP)).isNotNull();
  }

  static Stream<Arguments> badPlanAndDecision() {
    return Stream.of(
        Arguments.of(CourseProcess.Elements.PLAN_MEETING, with(CourseSteps.planMeeting("ja"), "citizenAgrees", "tja"),
            "citizenAgrees: skal være 'ja' eller 'nej'"),
        Arguments.of(CourseProcess.Elements.PLAN_MEETING, with(CourseSteps.planMeeting("ja"), "citizenGoals", ""),
            "citizenGoals: skal udfyldes"),
        Arguments.of(CourseProcess.Elements.PLAN_MEETING, without(CourseSteps.planMeeting("ja"), "goal1"),
            "goal1: planen skal have mindst ét mål"),
        Arguments.of(CourseProcess.Elements.PLAN_MEETING, with(CourseSteps.planMeeting("ja"), "goal1LifeDomain",
            "fritid"), "goal1LifeDomain: ukendt livsområde 'fritid'"),
        Arguments.of(CourseProcess.Elements.PLAN_MEETING, with(CourseSteps.planMeeting("ja"), "goal1Goal",
            "z".repeat(2001)), "goal1Goal: må højst være 2000 tegn"),
        Arguments.of(CourseProcess.Elements.PLAN_MEETING, with(CourseSteps.planMeeting("ja"), "goal2SubGoals",
            "kun et delmål"), "goal2LifeDomain: skal udfyldes"),
        Arguments.of(CourseProcess.Elements.PLAN_MEETING, without(CourseSteps.planMeeting("ja"), "intervention1"),
            "intervention1: planen skal have mindst én indsats"),
        Arguments.of(CourseProcess.Elements.PLAN_MEETING, with(CourseSteps.planMeeting("ja", List.of("voksen")),
            "citizenAgrees", "ja"), "intervention1Sector: 'voksen' deltager ikke i forløbet"),
        Arguments.of(CourseProcess.Elements.PLAN_MEETING, with(CourseSteps.planMeeting("ja"),
            "intervention1PlannedEnd", "2026-01-01"), "intervention1PlannedEnd: slutdatoen ligger før startdatoen"),
        Arguments.of(CourseProcess.Elements.PLAN_MEETING, with(CourseSteps.planMeeting("ja"),
            "intervention1PlannedStart", "1. december"), "intervention1PlannedStart: skal være en dato"),
        Arguments.of(CourseProcess.Elements.COMBINED_DECISION,
            Map.of("decisionText", "Bevilget", "complaintGuidanceGiven", false),
            "complaintGuidanceGiven: afgørelsen kræver klagevejledning"),
        Arguments.of(CourseProcess.Elements.COMBINED_DECISION, Map.of("complaintGuidanceGiven", true),
            "decisionText: skal udfyldes"));
  }

  @ParameterizedTest(name = "{0}: {2}")
  @MethodSource("badPlanAndDecision")
  void planOgAfgoerelseAfvisesUdenAtNogetGemmes(String taskKey, Map<String, Object> form, String message) {
    ProcessInstance course = steps.refer(List.of("ledighed", "forsoergelse"));
    steps.visitate(course, List.of("beskaeftigelse"));
    steps.consent(course, List.of("beskaeftigelse"));
    steps.assess(course, "beskaeftigelse");
    if (taskKey.equals(CourseProcess.Elements.COMBINED_DECISION)) {
      steps.agreePlan(course);
    }

    assertThatThrownBy(() -> driver.complete(steps.task(course, taskKey), form)).hasMessageContaining(message);

    assertThat(steps.task(course, taskKey)).isNotNull();
    assertThat(runtime.getVariable(course.getId(), "planVersion"))
        .isEqualTo(taskKey.equals(CourseProcess.Elements.COMBINED_DECISION) ? 1 : null);
  }

  @ParameterizedTest(name = "{0}: {2}")
  @MethodSource("badComplaintsAndClosures")
  void klageOgAfslutningAfvises(String taskKey, Map<String, Object> form, String message) {
    ProcessInstance course = steps.inInterventionPhase(List.of("beskaeftigelse"));
    if (taskKey.equals(CourseProcess.Elements.RECONSIDER_DECISION)) {
      driver.correlate(businessKey(course), CourseProcess.Messages.COMPLAINT, Map.of("complaintText", "Uenig"));
    } else {
      steps.followUp(course, "afslut");
    }

    assertThatThrownBy(() -> driver.complete(steps.task(course, taskKey), form)).hasMessageContaining(message);

    assertThat(steps.task(course, taskKey)).isNotNull();
  }

  static Stream<Arguments> badComplaintsAndClosures() {
    return Stream.of(
        Arguments.of(CourseProcess.Elements.RECONSIDER_DECISION,
            Map.of("complaintUpheld", "delvist", "reconsiderationNote", "Begrundelse"),
            "complaintUpheld: skal være 'ja' eller 'nej'"),
        Arguments.of(CourseProcess.Elements.RECONSIDER_DECISION, Map.of("complaintUpheld", "nej"),
            "reconsiderationNote: skal udfyldes"),
        Arguments.of(CourseProcess.Elements.CLOSE_WITH_CITIZEN,
            Map.of("closureReason", "keder_sig", "finalProgression", 5, "closureNote", "Notat"),
            "closureReason: skal være en af"));
  }

  @org.junit.jupiter.api.Test
  void beskederTilUkendtForloebEllerMedUkendtSektorAfvisesUdenAtAendreNoget() {
    assertThatThrownBy(() -> driver.correlate("ukendt-forloeb", CourseProcess.Messages.COMPLAINT,
        Map.of("complaintText", "x"))).hasMessageContaining("Cannot correlate message 'Klage'");

    ProcessInstance atVisitation = steps.refer(List.of("ledighed", "bolig"));
    assertThatThrownBy(() -> driver.correlate(businessKey(atVisitation), CourseProcess.Messages.MOVED_OUT, Map.of()))
        .as("no event before consent").hasMessageContaining("Cannot correlate message 'Fraflytning'");
    assertThat(steps.task(atVisitation, VISITATION)).isNotNull();

    ProcessInstance active = steps.inInterventionPhase(List.of("beskaeftigelse"));
    assertThatThrownBy(() -> driver.correlate(businessKey(active), CourseProcess.Messages.CONSENT_WITHDRAWN,
        Map.of("withdrawnSectors", List.of("rummet")))).hasMessageContaining("withdrawnSectors: ukendt sektor 'rummet'");
    assertThat(courseService.consentedSectors(businessKey(active))).containsExactly("beskaeftigelse");
    assertThat(steps.task(active, CourseProcess.Elements.DISCUSS_WITHDRAWAL)).isNull();
  }

  /** The form without any field of the numbered group {@code row} (e.g. {@code goal1}). */
  private static Map<String, Object> without(Map<String, Object> form, String row) {
    Map<String, Object> changed = new HashMap<>(form);
    changed.keySet().removeIf(key -> key.startsWith(row));
    return changed;
  }

  private static Map<String, Object> with(Map<String, Object> form, String field, Object value) {
    Map<String, Object> changed = new HashMap<>(form);
    changed.put(field, value);
    return changed;
  }
}
