package dk.enplan.course;

import static dk.enplan.course.CourseProcess.Elements.*;
import static dk.enplan.course.CourseProcess.SectorElements.ASSESS_SECTOR;
import static dk.enplan.course.CourseProcess.SectorElements.COMPLETE_INTERVENTION;
import static dk.enplan.course.CourseProcess.SectorElements.START_INTERVENTION;
import static dk.enplan.course.CourseSteps.COORDINATOR;
import static dk.enplan.course.CourseSteps.businessKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import dk.enplan.distribution.DeliveryKind;
import dk.enplan.distribution.DeliveryMode;
import dk.enplan.distribution.DistributionRecord;
import dk.enplan.distribution.Distributions;
import dk.enplan.notice.Notice;
import dk.enplan.notice.Notice.RecipientKind;
import dk.enplan.notice.Notices;
import dk.enplan.plan.PlanIntervention;
import dk.enplan.plan.PlanStore;
import dk.enplan.plan.PlanVersion;
import dk.enplan.testing.CourseDriver;
import dk.enplan.testing.EngineOnlyTest;
import dk.enplan.testing.CoursePathFailures;
import dk.enplan.testing.TestIdentity;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * One test per path through en-plan and its sector processes (the models in processes/ as they are), named in the
 * domain's words; a failure names the path and the elements by their Danish names ({@link CoursePathFailures}).
 */
@EngineOnlyTest
@ExtendWith(CoursePathFailures.class)
class CoursePathsTest {

  @Autowired ProcessEngine engine;
  @Autowired CourseSteps steps;
  @Autowired CourseDriver driver;
  @Autowired TestIdentity identity;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired CourseService courses;
  @Autowired PlanStore plans;
  @Autowired Notices notices;
  @Autowired Distributions distributions;
  @Autowired FormService forms;

  @BeforeEach
  void setUp() {
    init(engine);
    identity.ensure();
  }

  @Test
  void henvisningUdenForMaalgruppenGiverHenviserBesked() {
    ProcessInstance course = steps.refer(List.of("ledighed"));

    assertThat(course).isWaitingAt(VISITATION).hasPassed(REGISTER_COURSE, SCREEN_TARGET_GROUP, SUGGEST_SECTORS);
    assertThat(runtime.getVariable(course.getId(), "targetGroupSuggested")).isEqualTo(false);
    assertThat(course).task().hasCandidateGroup("visitation");
    driver.complete(steps.task(course, VISITATION), Map.of("targetGroupConfirmed", "nej",
        "visitationNote", "Kun ledighed: almindelig indsats i jobcentret."));

    assertThat(course).isEnded().hasPassed(NOTIFY_REFERRER, NOT_IN_TARGET_GROUP);
    assertThat(courses.get(businessKey(course)).status()).isEqualTo(CourseStatus.NOT_IN_TARGET_GROUP);
    assertThat(notices.forCourse(businessKey(course))).extracting(Notice::recipientKind, Notice::recipient)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(RecipientKind.REFERRER, "Jobcenter Allerød"));
  }

  @Test
  void borgerenGiverIkkeSamtykkeOgVenderTilbageTilSektorerne() {
    ProcessInstance course = steps.refer(List.of("ledighed", "misbrug"));
    assertThat(runtime.getVariable(course.getId(), "targetGroupSuggested")).isEqualTo(true);
    steps.visitate(course, List.of("beskaeftigelse", "voksen"));

    assertThat(course).isWaitingAt(OBTAIN_CONSENT).task().isAssignedTo(COORDINATOR);
    assertThat(tasks.getIdentityLinksForTask(steps.task(course, OBTAIN_CONSENT).getId()))
        .extracting(l -> l.getGroupId()).contains("koordinator");
    driver.complete(steps.task(course, OBTAIN_CONSENT), Map.of("consentGiven", "nej",
        "consentNote", "Borgeren ønsker ikke en samlet plan."));

    assertThat(course).isEnded().hasPassed(RETURN_TO_SECTOR_HANDLING, NO_CONSENT).hasNotPassed(ACTIVE_COURSE);
    assertThat(courses.get(businessKey(course)).status()).isEqualTo(CourseStatus.NO_CONSENT);
    assertThat(notices.forCourse(businessKey(course))).extracting(Notice::recipient)
        .containsExactly("beskaeftigelse", "voksen", "Jobcenter Allerød");
  }

  @Test
  void enSektorFraHenvisningTilAfslutning() {
    ProcessInstance course = steps.inInterventionPhase(List.of("beskaeftigelse"));
    String courseId = businessKey(course);

    assertThat(course).hasPassed(JOINT_ASSESSMENT, PREPARE_PLAN_MEETING, PLAN_MEETING, SAVE_PLAN_VERSION,
        COMBINED_DECISION, DISTRIBUTE_PLAN).isWaitingAt(FOLLOW_UP_DUE);
    PlanVersion agreed = plans.current(courseId).orElseThrow();
    assertThat(agreed.version()).isEqualTo(1);
    assertThat(agreed.goals()).singleElement().satisfies(goal -> {
      assertThat(goal.citizenWords()).isEqualTo("Et job, jeg kan holde til");
      assertThat(goal.subGoals()).contains("praktik");
    });
    assertThat(agreed.interventions()).singleElement().satisfies(i -> {
      assertThat(i.law()).isEqualTo("Lov om en aktiv beskæftigelsesindsats");
      assertThat(i.status()).isEqualTo(PlanIntervention.Status.PLANNED);
    });
    assertThat(runtime.getVariable(course.getId(), "assessmentOverview").toString())
        .contains("Jobcenter").contains("Udredning fra beskaeftigelse");
    Task start = driver.task(courseId, START_INTERVENTION);
    assertThat(start).isNotNull();
    assertThat(tasks.getIdentityLinksForTask(start.getId())).extracting(l -> l.getGroupId())
        .containsExactly("sektor-beskaeftigelse");

    steps.finishInterventions(course);
    assertThat(plans.current(courseId).orElseThrow().interventions()).extracting(PlanIntervention::status)
        .containsExactly(PlanIntervention.Status.COMPLETED);
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(CourseProcess.SECTOR_INTERVENTION_KEY)
        .processInstanceBusinessKey(courseId).count()).isZero();
    steps.followUp(course, "afslut");
    assertThat(course).isWaitingAt(CLOSE_WITH_CITIZEN).task().isAssignedTo(COORDINATOR);
    driver.complete(steps.task(course, CLOSE_WITH_CITIZEN), Map.of("closureReason", "maal_naaet",
        "finalProgression", 8, "closureNote", "Borgeren er i job."));
    driver.executeJob(course, CLOSE_COURSE);

    assertThat(course).isEnded().hasPassed(COURSE_CLOSED);
    Course closed = courses.get(courseId);
    assertThat(closed.status()).isEqualTo(CourseStatus.CLOSED);
    assertThat(closed.closureReason()).isEqualTo("maal_naaet");
    assertThat(plans.progression(courseId)).hasSize(6)
        .anySatisfy(m -> assertThat(m.lifeDomain() + "=" + m.score()).isEqualTo("samlet=8"));
    assertThat(history.createHistoricTaskInstanceQuery().processInstanceId(course.getId())
        .taskDefinitionKeyIn(OBTAIN_CONSENT, PLAN_MEETING, COMBINED_DECISION, FOLLOW_UP, CLOSE_WITH_CITIZEN).list())
        .as("every coordinator task went to the one contact person")
        .hasSize(5).allSatisfy(t -> assertThat(t.getAssignee()).isEqualTo(COORDINATOR));
  }

  @Test
  void flereSektorerUdrederParalleltOgLukningAfbryderAabentSektorarbejde() {
    List<String> sectors = List.of("beskaeftigelse", "ydelse", "familie");
    ProcessInstance course = steps.refer(List.of("ledighed", "forsoergelse", "boern_familie"));
    assertThat(runtime.getVariable(course.getId(), "suggestedSectors"))
        .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
        .containsExactlyInAnyOrder("beskaeftigelse", "ydelse", "familie");
    steps.visitate(course, sectors);
    steps.consent(course, sectors);
    String courseId = businessKey(course);

    List<Task> assessments = driver.tasks(courseId, ASSESS_SECTOR);
    assertThat(assessments).hasSize(3).allSatisfy(t -> assertThat(t.getDueDate()).isNotNull());
    assertThat(assessments).flatExtracting(t -> tasks.getIdentityLinksForTask(t.getId()))
        .extracting(l -> l.getGroupId())
        .containsExactlyInAnyOrder("sektor-beskaeftigelse", "sektor-ydelse", "sektor-familie");
    sectors.forEach(sector -> steps.assess(course, sector));
    steps.agreePlan(course);
    steps.decide(course);
    assertThat(distributions.forCourse(courseId)).filteredOn(r -> r.kind() == DeliveryKind.PLAN)
        .extracting(DistributionRecord::sector, DistributionRecord::idempotencyKey)
        .containsExactlyInAnyOrder(sectors.stream().map(sector -> tuple(sector, courseId + ":1:" + sector))
            .toArray(org.assertj.core.groups.Tuple[]::new));

    assertThat(driver.tasks(courseId, START_INTERVENTION)).hasSize(3);
    steps.startIntervention(course, driver.tasks(courseId, START_INTERVENTION).get(0));
    steps.followUp(course, "afslut");

    assertThat(course).isWaitingAt(CLOSE_WITH_CITIZEN).hasPassed(INTERVENTION_PHASE_ENDED);
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(courseId)
        .processDefinitionKey(CourseProcess.SECTOR_INTERVENTION_KEY).count()).as("sector work cancelled").isZero();
    assertThat(tasks.createTaskQuery().processInstanceBusinessKey(courseId)
        .taskDefinitionKeyIn(START_INTERVENTION, COMPLETE_INTERVENTION).count()).isZero();

    driver.complete(steps.task(course, CLOSE_WITH_CITIZEN), Map.of("closureReason", "borger_oensker_ophoer",
        "finalProgression", 5, "closureNote", "Borgeren ønsker at stoppe."));
    driver.executeJob(course, CLOSE_COURSE);
    assertThat(course).isEnded();
    assertThat(plans.current(courseId).orElseThrow().interventions()).as("no intervention left open at closure")
        .extracting(PlanIntervention::status).containsExactlyInAnyOrder(PlanIntervention.Status.STOPPED_AT_CLOSURE,
            PlanIntervention.Status.NOT_STARTED_AT_CLOSURE, PlanIntervention.Status.NOT_STARTED_AT_CLOSURE);
    assertThat(plans.current(courseId).orElseThrow().interventions())
        .filteredOn(i -> i.status() == PlanIntervention.Status.STOPPED_AT_CLOSURE).singleElement()
        .satisfies(i -> assertThat(i.actualEnd()).isEqualTo(PlanStore.today()));
  }

  @Test
  void andenOpfoelgningAabnerUdenForrigeBeslutningOgViserProgressionenIndtilNu() {
    ProcessInstance course = steps.inInterventionPhase(List.of("beskaeftigelse"));

    Task first = steps.followUpDue(course);
    assertThat(forms.getTaskFormVariables(first.getId()).get("progressionSoFar")).asString()
        .startsWith("Ingen målinger endnu");
    driver.complete(first, Map.of("progressionWork", 4, "progressionHealth", 6, "progressionHousing", 8,
        "progressionEconomy", 3, "progressionNetwork", 7, "followUpNote", "Praktikken går godt.",
        "followUpDecision", "fortsaet"));

    Task second = steps.followUpDue(course);
    Map<String, Object> form = forms.getTaskFormVariables(second.getId());
    assertThat(form).as("the second follow-up's form carries no answer of the first")
        .doesNotContainKeys("followUpDecision", "followUpNote", "progressionWork", "progressionHealth",
            "progressionHousing", "progressionEconomy", "progressionNetwork");
    String today = java.time.format.DateTimeFormatter.ofPattern("dd-MM-yyyy").format(PlanStore.today());
    assertThat(form.get("progressionSoFar")).asString().contains("Arbejde og uddannelse: 4 (" + today + ")",
        "Helbred: 6", "Bolig: 8", "Økonomi: 3", "Familie og netværk: 7");
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(course.getId())
        .variableName("followUpNote").includeDeleted().list()).as("the history keeps the first round's note")
        .singleElement().satisfies(v -> assertThat(v.getValue()).isEqualTo("Praktikken går godt."));

    driver.complete(second, Map.of("progressionWork", 5, "progressionHealth", 6, "progressionHousing", 8,
        "progressionEconomy", 4, "progressionNetwork", 7, "followUpNote", "Nu også styr på budgettet.",
        "followUpDecision", "fortsaet"));
    assertThat(forms.getTaskFormVariables(steps.followUpDue(course).getId()).get("progressionSoFar")).asString()
        .contains("Arbejde og uddannelse: 4 (" + today + ") → 5 (" + today + ")");
  }

  @Test
  void revisionenStarterFraDenGemteVersionOgAfgoerelsenTraeffesPaaNy() {
    ProcessInstance course = steps.inInterventionPhase(List.of("beskaeftigelse", "ydelse"));
    String courseId = businessKey(course);
    List<String> meetingFields = new java.util.ArrayList<>(CourseSteps.planMeeting("ja", List.of()).keySet());
    meetingFields.add("meetingNote");
    assertThat(runtime.getVariables(course.getId()).keySet()).as("the saved version's meeting fields are gone")
        .doesNotContainAnyElementsOf(meetingFields);

    steps.followUp(course, "revider");
    Map<String, Object> form = forms.getTaskFormVariables(steps.task(course, PLAN_MEETING).getId());

    PlanVersion stored = plans.current(courseId).orElseThrow();
    assertThat(form).as("the revision starts from version 1 as stored, marked as such")
        .containsEntry("previousPlanVersion", 1)
        .containsEntry("citizenGoals", stored.citizenGoals())
        .containsEntry("goal1LifeDomain", "arbejde")
        .containsEntry("goal1CitizenWords", "Et job, jeg kan holde til")
        .containsEntry("goal1Goal", "Job inden for et år")
        .containsEntry("intervention1Sector", "beskaeftigelse")
        .containsEntry("intervention1Description", "Indsats fra beskaeftigelse")
        .containsEntry("intervention2Sector", "ydelse")
        .containsEntry("intervention2PlannedStart", "2026-12-01")
        .containsEntry("intervention2PlannedEnd", "2027-03-01")
        .doesNotContainKeys("citizenAgrees", "meetingNote", "goal2Goal", "intervention3Sector");

    Map<String, Object> revised = new java.util.HashMap<>(CourseSteps.planMeeting("ja", List.of("ydelse")));
    revised.put("meetingNote", "Borgeren vil nu også tage kørekort.");
    driver.complete(steps.task(course, PLAN_MEETING), revised);
    assertThat(plans.current(courseId).orElseThrow().meetingNote()).isEqualTo("Borgeren vil nu også tage kørekort.");
    assertThat(forms.getTaskFormVariables(steps.task(course, COMBINED_DECISION).getId()))
        .as("the decision on version 2 is made anew").doesNotContainKeys("decisionText", "complaintGuidanceGiven");
    driver.complete(steps.task(course, COMBINED_DECISION), Map.of("decisionText", "Bevilget efter version 2.",
        "complaintGuidanceGiven", true));
    assertThat(plans.history(courseId)).as("each version keeps the decision made on it")
        .extracting(PlanVersion::decisionText, PlanVersion::decidedBy).containsExactly(
            tuple("Kommunen bevilger virksomhedspraktik og budgetrådgivning efter den samlede plan.", COORDINATOR),
            tuple("Bevilget efter version 2.", COORDINATOR));
  }

  @Test
  void enSektorUdenIndsatsIPlanenFaarIngenIndsatsopgaveOgIndsatsenFoelgerPlanen() {
    List<String> sectors = List.of("beskaeftigelse", "ydelse");
    ProcessInstance course = steps.refer(List.of("ledighed", "forsoergelse"));
    steps.visitate(course, sectors);
    steps.consent(course, sectors);
    sectors.forEach(sector -> steps.assess(course, sector));
    driver.complete(steps.task(course, PLAN_MEETING), CourseSteps.planMeeting("ja", List.of("beskaeftigelse")));
    steps.decide(course);
    String courseId = businessKey(course);

    List<Task> starts = driver.tasks(courseId, START_INTERVENTION);
    assertThat(starts).as("ydelse takes part but has no intervention in the plan").hasSize(1);
    Task start = starts.get(0);
    assertThat(tasks.getIdentityLinksForTask(start.getId())).extracting(l -> l.getGroupId())
        .containsExactly("sektor-beskaeftigelse");
    Map<String, Object> form = forms.getTaskFormVariables(start.getId());
    assertThat(form.get("sectorInterventions")).asString().contains("Indsats 1 i planen: Indsats fra beskaeftigelse",
        "Ansvarlig i planen: Lars Jensen", "Planlagt: 01-12-2026 til 01-03-2027");
    java.time.LocalDate planned = java.time.LocalDate.of(2026, 12, 1);
    assertThat(form).containsEntry("interventionResponsible", "Lars Jensen")
        .containsEntry("interventionStart", (planned.isAfter(PlanStore.today()) ? PlanStore.today() : planned)
            .toString());

    String tomorrow = PlanStore.today().plusDays(1).toString();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> driver.complete(start, Map.of(
        "interventionResponsible", "Susanne Holm", "interventionStart", tomorrow)))
        .hasMessageContaining("interventionStart: startdatoen ligger efter i dag");
    driver.complete(start, Map.of("interventionResponsible", "Susanne Holm", "interventionStart", "2026-11-30"));
    PlanIntervention started = plans.current(courseId).orElseThrow().interventions().get(0);
    assertThat(started.status()).isEqualTo(PlanIntervention.Status.STARTED);
    assertThat(started.actualStart()).isEqualTo(java.time.LocalDate.of(2026, 11, 30));
    assertThat(started.actualEnd()).isNull();

    steps.completeIntervention(driver.task(courseId, COMPLETE_INTERVENTION));
    PlanIntervention ended = plans.current(courseId).orElseThrow().interventions().get(0);
    assertThat(ended.status()).isEqualTo(PlanIntervention.Status.COMPLETED);
    assertThat(ended.actualEnd()).isEqualTo(PlanStore.today());
  }

  @Test
  void samtykkeTilbagekaldtIPlanlagerenStopperSektorensOpgaverOgAdgangTilPlanen() throws Exception {
    List<String> sectors = List.of("beskaeftigelse", "ydelse");
    ProcessInstance course = steps.refer(List.of("ledighed", "forsoergelse"));
    steps.visitate(course, sectors);
    steps.consent(course, sectors);
    String courseId = businessKey(course);
    assertThat(runtime.getVariables(course.getId()).keySet()).as("sectors, coordinator and consent live in the "
        + "plan store only").doesNotContain("chosenSectors", "coordinator", "consentedSectors");
    sectors.forEach(sector -> steps.assess(course, sector));
    driver.complete(steps.task(course, PLAN_MEETING), CourseSteps.planMeeting("ja", sectors));
    assertThat(courses.consentedSectors(courseId)).as("consent in force, the fact the plan API reads")
        .contains("ydelse");

    // Withdrawn in the plan store alone: no message, no variable tells the process.
    courses.withdrawConsent(courseId, List.of("ydelse"));

    assertThat(courses.consentedSectors(courseId)).as("the one consent fact the plan API and routing read")
        .doesNotContain("ydelse");
    steps.decide(course);
    assertThat(driver.tasks(courseId, START_INTERVENTION)).as("ydelse's intervention in the plan gets no task")
        .singleElement().satisfies(t -> assertThat(runtime.getVariable(t.getExecutionId(), "sector"))
            .isEqualTo("beskaeftigelse"));
    assertThat(distributions.forCourse(courseId)).filteredOn(r -> r.sector().equals("ydelse"))
        .as("a reference only, never the plan's content").extracting(DistributionRecord::mode)
        .containsOnly(DeliveryMode.REFERENCE);

    steps.followUp(course, "revider");
    Task revision = steps.task(course, PLAN_MEETING);
    assertThat(forms.getTaskFormVariables(revision.getId())).as("the revision offers only what takes part now")
        .containsEntry("intervention1Sector", "beskaeftigelse").doesNotContainKey("intervention2Sector");
    assertThat(forms.getTaskFormVariables(revision.getId()).get("participatingSectorOptions").toString())
        .contains("beskaeftigelse").doesNotContain("ydelse");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> driver.complete(revision,
        CourseSteps.planMeeting("ja", List.of("beskaeftigelse", "ydelse"))))
        .hasMessageContaining("intervention2Sector: 'ydelse' deltager ikke i forløbet med borgerens samtykke");
  }

  @Test
  void enSektorUdenSamtykkeDeltagerIkkeMenFaarKunBeskedOmPlanen() {
    ProcessInstance course = steps.refer(List.of("ledighed", "misbrug"));
    steps.visitate(course, List.of("beskaeftigelse", "voksen"));
    steps.consent(course, List.of("beskaeftigelse"));
    String courseId = businessKey(course);

    assertThat(driver.tasks(courseId, ASSESS_SECTOR)).hasSize(1);
    steps.assess(course, "beskaeftigelse");
    steps.agreePlan(course);
    steps.decide(course);

    assertThat(driver.tasks(courseId, START_INTERVENTION)).hasSize(1);
    assertThat(distributions.forCourse(courseId)).as("no specialist systems configured: kept locally, visible")
        .extracting(DistributionRecord::sector, DistributionRecord::mode, DistributionRecord::status)
        .containsExactly(tuple("beskaeftigelse", DeliveryMode.REFERENCE, DistributionRecord.Status.KEPT_LOCALLY),
            tuple("voksen", DeliveryMode.REFERENCE, DistributionRecord.Status.KEPT_LOCALLY));
  }

  @Test
  void forsinketUdredningRykkerKoordinatorenUdenAtStandseNoget() {
    ProcessInstance course = steps.refer(List.of("ledighed", "helbred"));
    steps.visitate(course, List.of("beskaeftigelse", "sundhed"));
    steps.consent(course, List.of("beskaeftigelse", "sundhed"));
    steps.assess(course, "beskaeftigelse");

    driver.executeJob(course, ASSESSMENT_LATE);

    assertThat(course).isWaitingAt(JOINT_ASSESSMENT, REMIND_COORDINATOR);
    Task reminder = steps.task(course, REMIND_COORDINATOR);
    assertThat(reminder.getAssignee()).isEqualTo(COORDINATOR);
    assertThat(tasks.getVariableLocal(reminder.getId(), "outstandingSectors")).isEqualTo("Sundhed");
    driver.complete(reminder, Map.of("reminderAction", "Ringet til sundhedsafdelingen; udredning kommer i morgen."));
    assertThat(course).isWaitingAt(JOINT_ASSESSMENT).hasPassed("reminderHandled");
    assertThat(driver.task(businessKey(course), ASSESS_SECTOR)).as("the late assessment is still open").isNotNull();

    steps.assess(course, "sundhed");
    assertThat(course).isWaitingAt(PLAN_MEETING);
  }

  @Test
  void borgerenErUenigOgPlanmoedetGentages() {
    ProcessInstance course = steps.refer(List.of("ledighed", "forsoergelse"));
    steps.visitate(course, List.of("beskaeftigelse"));
    steps.consent(course, List.of("beskaeftigelse"));
    steps.assess(course, "beskaeftigelse");

    driver.complete(steps.task(course, PLAN_MEETING), CourseSteps.planMeeting("nej"));

    assertThat(course).isWaitingAt(PLAN_MEETING).hasNotPassed(SAVE_PLAN_VERSION);
    assertThat(plans.current(businessKey(course))).isEmpty();
    steps.agreePlan(course);
    assertThat(course).isWaitingAt(COMBINED_DECISION);
  }

  @Test
  void opfoelgningFortsaetterPlanenOgVenterPaaNaesteOpfoelgning() {
    ProcessInstance course = steps.inInterventionPhase(List.of("beskaeftigelse"));

    steps.followUp(course, "fortsaet");

    assertThat(course).isWaitingAt(FOLLOW_UP_DUE, "sectorInterventions");
    assertThat(plans.progression(businessKey(course))).hasSize(5);
  }

  @Test
  void planenRevideresSomNyVersionOgGammelVersionStaarUroert() {
    ProcessInstance course = steps.inInterventionPhase(List.of("beskaeftigelse", "ydelse"));
    String courseId = businessKey(course);
    PlanVersion first = plans.current(courseId).orElseThrow();
    assertThat(runtime.getVariable(course.getId(), "plannedInterventions").toString())
        .as("the interventions numbered in the plan's order, as the forms show them")
        .startsWith("1. Jobcenter: ").contains("\n2. Ydelse: ");

    steps.followUp(course, "revider");
    assertThat(course).isWaitingAt(PLAN_MEETING);
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(courseId)
        .processDefinitionKey(CourseProcess.SECTOR_INTERVENTION_KEY).count()).isZero();
    Map<String, Object> revised = new java.util.HashMap<>(CourseSteps.planMeeting("ja", List.of("ydelse")));
    revised.put("citizenGoals", "Nu vil jeg også tage kørekort.");
    driver.complete(steps.task(course, PLAN_MEETING), revised);
    steps.decide(course);

    assertThat(plans.history(courseId)).extracting(PlanVersion::version).containsExactly(1, 2);
    PlanVersion unchanged = plans.history(courseId).get(0);
    assertThat(unchanged.citizenGoals()).isEqualTo(first.citizenGoals());
    assertThat(unchanged.agreedAt()).isEqualTo(first.agreedAt());
    assertThat(runtime.getVariable(course.getId(), "planVersion")).isEqualTo(2);
    assertThat(distributions.forCourse(courseId)).filteredOn(r -> Integer.valueOf(2).equals(r.planVersion()))
        .hasSize(2);
    assertThat(driver.tasks(courseId, START_INTERVENTION)).as("only ydelse has an intervention in version 2")
        .singleElement().satisfies(t -> assertThat(runtime.getVariable(t.getExecutionId(), "sector"))
            .isEqualTo("ydelse"));
    assertThat(plans.history(courseId).get(0).interventions()).extracting(PlanIntervention::sector)
        .containsExactly("beskaeftigelse", "ydelse");
    assertThat(plans.history(courseId).get(0).interventions()).as("version 1's open interventions were replaced")
        .extracting(PlanIntervention::status).containsOnly(PlanIntervention.Status.REPLACED_BY_REVISION);
    assertThat(plans.history(courseId).get(1).interventions()).extracting(PlanIntervention::sector)
        .containsExactly("ydelse");
  }

  @Test
  void aendredeForholdVurderesUdenAtAfbryde() {
    ProcessInstance course = steps.inInterventionPhase(List.of("beskaeftigelse"));

    driver.correlate(businessKey(course), CourseProcess.Messages.CHANGED_CIRCUMSTANCES,
        Map.of("changeDescription", "Borgeren er blevet sygemeldt."));

    assertThat(course).isWaitingAt(ASSESS_CHANGED_CIRCUMSTANCES, FOLLOW_UP_DUE);
    assertThat(course).task(ASSESS_CHANGED_CIRCUMSTANCES).isAssignedTo(COORDINATOR);
    driver.complete(steps.task(course, ASSESS_CHANGED_CIRCUMSTANCES), Map.of(
        "changeAssessment", "Sygemelding forventes kortvarig.", "revisionRequested", "ja"));
    assertThat(course).isWaitingAt(FOLLOW_UP_DUE).hasPassed("changedCircumstancesAssessed");
  }

  @Test
  void samtykkeTilbagekaldtForEnSektorStopperDelingenMedDen() {
    ProcessInstance course = steps.inInterventionPhase(List.of("beskaeftigelse", "ydelse"));
    String courseId = businessKey(course);

    driver.correlate(courseId, CourseProcess.Messages.CONSENT_WITHDRAWN, Map.of("withdrawnSectors", List.of("ydelse")));

    assertThat(course).hasPassed(STOP_SHARING).isWaitingAt(DISCUSS_WITHDRAWAL, FOLLOW_UP_DUE);
    assertThat(courses.consents(courseId)).filteredOn(ConsentScope::isActive).extracting(ConsentScope::sector)
        .containsExactly("beskaeftigelse");
    assertThat(courses.consents(courseId)).filteredOn(c -> !c.isActive()).extracting(ConsentScope::sector)
        .containsExactly("ydelse");
    assertThat(distributions.forCourse(courseId)).filteredOn(r -> r.kind() == DeliveryKind.WITHDRAWAL)
        .extracting(DistributionRecord::sector).containsExactly("ydelse");
    driver.complete(steps.task(course, DISCUSS_WITHDRAWAL), Map.of("withdrawalFollowUp",
        "Ydelsesområdet følger op uden for Én Plan."));
    assertThat(course).isWaitingAt(FOLLOW_UP_DUE).hasPassed("withdrawalHandled");
  }

  @Test
  void samtykkeHeltTilbagekaldtLukkerForloebetOgAfbryderSektorarbejdet() {
    ProcessInstance course = steps.inInterventionPhase(List.of("beskaeftigelse", "ydelse"));
    String courseId = businessKey(course);

    driver.correlate(courseId, CourseProcess.Messages.CONSENT_WITHDRAWN, Map.of());

    assertThat(course).hasPassed(STOP_SHARING, CONSENT_FULLY_WITHDRAWN, CONSENT_WITHDRAWN_BOUNDARY)
        .isWaitingAt(CLOSE_COURSE);
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(courseId)
        .processDefinitionKey(CourseProcess.SECTOR_INTERVENTION_KEY).count()).isZero();
    driver.executeJob(course, CLOSE_COURSE);
    assertThat(course).isEnded();
    assertThat(courses.get(courseId).closureReason()).isEqualTo("samtykke_tilbagekaldt");
    assertThat(distributions.forCourse(courseId)).extracting(DistributionRecord::kind)
        .containsExactly(DeliveryKind.PLAN, DeliveryKind.PLAN, DeliveryKind.WITHDRAWAL, DeliveryKind.WITHDRAWAL,
            DeliveryKind.CLOSURE, DeliveryKind.CLOSURE);
    assertThat(courses.consents(courseId)).hasSize(2).noneMatch(ConsentScope::isActive);
  }

  @Test
  void klageGenvurderesOgBorgerenFaarMedhold() {
    ProcessInstance course = steps.inInterventionPhase(List.of("beskaeftigelse"));
    driver.correlate(businessKey(course), CourseProcess.Messages.COMPLAINT,
        Map.of("complaintText", "Jeg er uenig i praktikstedet."));

    Task reconsider = steps.task(course, RECONSIDER_DECISION);
    assertThat(reconsider.getAssignee()).isEqualTo(COORDINATOR);
    assertThat(reconsider.getDueDate()).isNotNull();
    driver.complete(reconsider, Map.of("complaintUpheld", "ja", "reconsiderationNote", "Nyt praktiksted findes."));

    assertThat(course).hasPassed(COMPLAINT_UPHELD_END).hasNotPassed(FORWARD_TO_APPEALS_BOARD)
        .isWaitingAt(FOLLOW_UP_DUE);
  }

  @Test
  void klageUdenMedholdSendesTilAnkestyrelsen() {
    ProcessInstance course = steps.inInterventionPhase(List.of("beskaeftigelse"));
    driver.correlate(businessKey(course), CourseProcess.Messages.COMPLAINT, Map.of("complaintText", "Forkert."));

    driver.complete(steps.task(course, RECONSIDER_DECISION), Map.of("complaintUpheld", "nej",
        "reconsiderationNote", "Afgørelsen fastholdes."));

    assertThat(course).hasPassed(FORWARD_TO_APPEALS_BOARD, "complaintForwarded").isWaitingAt(FOLLOW_UP_DUE);
    assertThat(notices.forCourse(businessKey(course))).filteredOn(n -> n.recipientKind() == RecipientKind.APPEALS_BOARD)
        .singleElement().satisfies(n -> assertThat(n.body()).contains("Forkert.").contains("fastholdes"));
  }

  @Test
  void klageDerIkkeGenvurderesIndenFristenSendesVidereAutomatisk() {
    ProcessInstance course = steps.inInterventionPhase(List.of("beskaeftigelse"));
    driver.correlate(businessKey(course), CourseProcess.Messages.COMPLAINT, Map.of("complaintText", "Forkert."));

    driver.executeJob(course, RECONSIDERATION_OVERDUE);

    assertThat(course).hasPassed(FORWARD_TO_APPEALS_BOARD).hasNotPassed(COMPLAINT_UPHELD_END);
    assertThat(steps.task(course, RECONSIDER_DECISION)).isNull();
    assertThat(notices.forCourse(businessKey(course))).filteredOn(n -> n.recipientKind() == RecipientKind.APPEALS_BOARD)
        .singleElement().satisfies(n -> assertThat(n.body()).contains("nåede ikke"));
  }

  @Test
  void fraflytningOverdragerForloebetOgLukkerDet() {
    ProcessInstance course = steps.inInterventionPhase(List.of("beskaeftigelse", "familie"));
    String courseId = businessKey(course);

    driver.correlate(courseId, CourseProcess.Messages.MOVED_OUT, Map.of("moveNotice", "Flytter til Aarhus 1/2."));

    assertThat(course).isWaitingAt(HAND_OVER_COURSE).hasNotPassed(CLOSE_WITH_CITIZEN);
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(courseId)
        .processDefinitionKey(CourseProcess.SECTOR_INTERVENTION_KEY).count()).isZero();
    driver.complete(steps.task(course, HAND_OVER_COURSE), Map.of("newMunicipality", "Aarhus",
        "handoverDate", "2027-02-01", "handoverNote", "Plan og kontaktoplysninger overdraget."));
    driver.executeJob(course, CLOSE_COURSE);

    assertThat(course).isEnded().hasPassed("courseHandedOver", COURSE_CLOSED);
    assertThat(courses.get(courseId).closureReason()).isEqualTo("fraflytning");
    assertThat(notices.forCourse(courseId)).filteredOn(n -> n.recipientKind() == RecipientKind.NEW_MUNICIPALITY)
        .singleElement().extracting(Notice::recipient).isEqualTo("Aarhus");
  }
}
