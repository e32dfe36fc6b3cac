package dk.enplan.tasklist;

import static dk.enplan.course.CourseProcess.Elements.CLOSE_WITH_CITIZEN;
import static dk.enplan.course.CourseProcess.Elements.COMBINED_DECISION;
import static dk.enplan.course.CourseProcess.Elements.FOLLOW_UP;
import static dk.enplan.course.CourseProcess.Elements.FOLLOW_UP_DUE;
import static dk.enplan.course.CourseProcess.Elements.OBTAIN_CONSENT;
import static dk.enplan.course.CourseProcess.Elements.PLAN_MEETING;
import static dk.enplan.course.CourseProcess.Elements.VISITATION;
import static dk.enplan.course.CourseProcess.SectorElements.ASSESS_SECTOR;
import static dk.enplan.course.CourseProcess.SectorElements.COMPLETE_INTERVENTION;
import static dk.enplan.course.CourseProcess.SectorElements.START_INTERVENTION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dk.enplan.course.CourseRepository;
import dk.enplan.course.CourseSteps;
import dk.enplan.course.CourseStatus;
import dk.enplan.demo.DemoTasklistFilters;
import dk.enplan.plan.PlanStore;
import dk.enplan.taskcard.TaskCard;
import dk.enplan.testing.CourseDriver;
import dk.enplan.testing.CourseEngineTest;
import dk.enplan.testing.EngineHttp;
import dk.enplan.testing.TestIdentity;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * One course from referral to closure, every step in Tasklist as the user it belongs to, in Debian's Chromium: the
 * visitation caseworker refers and visitates, the coordinator obtains consent, three sectors assess, the coordinator
 * holds the plan meeting (two goals, three interventions, one bad date first) and decides, the sectors start and end
 * their interventions, an administrator fires the follow-up timer twice, the coordinator follows up twice and
 * closes. Each step asserts what its user sees and leaves a numbered screenshot in {@code target/e2e/}
 * (docs/browser-test.md). A second test checks that the counts next to the filters follow a referral and a claim.
 * Skipped where Chromium and ChromeDriver are not installed ({@code .ci/run} installs them).
 */
@CourseEngineTest
class CourseWalkIT {

  static final Path SCREENSHOTS = Path.of("target", "e2e");

  static final String CITIZEN = "Hanne Nørgaard Vestergaard";
  static final String CPR = "120378-1234";
  static final String MASKED_CPR = "120378-xxxx";

  static final String VISITATOR = "visitation.allerod";
  static final String COORDINATOR = "koordinator.allerod";
  static final String ADMIN = "admin";
  /** The three sectors of the course: key, its caseworker, the name forms show. */
  static final List<Sector> SECTORS = List.of(
      new Sector("beskaeftigelse", "sektor-beskaeftigelse.allerod", "Jobcenter", "Virksomhedspraktik", "Lars Jensen"),
      new Sector("ydelse", "sektor-ydelse.allerod", "Ydelse", "Budgetrådgivning og afdragsordning", "Mona Holm"),
      new Sector("sundhed", "sektor-sundhed.allerod", "Sundhed", "Genoptræning af ryggen", "Per Skov"));

  /** A sector of the course: its key, its caseworker, the name forms show, and its intervention in the plan. */
  record Sector(String key, String user, String name, String intervention, String responsible) {
  }

  /** The course's phase as the form names it and as the task card names it. */
  enum Phase {
    VISITATION("Visitation", "Visitation"),
    CONSENT("Samtykke", "Samtykke"),
    ASSESSMENT("Udredning", "Fælles udredning"),
    PLAN_MEETING("Planlægning", "Planmøde"),
    DECISION("Afgørelse", "Samlet afgørelse"),
    INTERVENTION("Indsats", "Indsats og opfølgning"),
    FOLLOW_UP("Opfølgning", "Indsats og opfølgning"),
    CLOSURE("Afslutning", "Afslutning");

    private final String inForm;
    private final String onCard;

    Phase(String inForm, String onCard) {
      this.inForm = inForm;
      this.onCard = onCard;
    }

    String inForm() {
      return inForm;
    }

    String onCard() {
      return onCard;
    }
  }

  @LocalServerPort int port;
  @Autowired TestIdentity identity;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired FilterService filters;
  @Autowired AuthorizationService authorizations;
  @Autowired CourseDriver driver;
  @Autowired CourseRepository courses;

  private TasklistPage page;
  private String loggedIn;
  private int screenshots;
  private String courseId;

  @BeforeEach
  void openBrowser() {
    assumeTrue(TasklistPage.browserInstalled(),
        "Chromium and ChromeDriver from Debian are needed (apt-get install chromium chromium-driver)");
    identity.ensure();
    DemoTasklistFilters.ensure(filters, tasks, authorizations);
    page = new TasklistPage(port);
  }

  @AfterEach
  void closeBrowser() {
    if (page != null) {
      page.screenshot(SCREENSHOTS.resolve("last.png"));
      page.close();
    }
  }

  @Test
  void etForloebFraHenvisningTilAfslutningITasklist() {
    refer();
    visitate();
    obtainConsent();
    SECTORS.forEach(this::assess);
    holdPlanMeeting();
    decide();
    SECTORS.forEach(this::startIntervention);
    fireFollowUpTimer("opfoelgning-1-frist");
    followUp(1, "fortsaet", "Fortsæt planen");
    SECTORS.forEach(this::endIntervention);
    assertPlanShowsInterventionsCompleted();
    fireFollowUpTimer("opfoelgning-2-frist");
    followUp(2, "afslut", "Afslut forløbet");
    close();
  }

  private void refer() {
    as(VISITATOR);
    Features.assertOnlyTheCourseStartable(page.startProcess("Én Plan – sammenhængende forløb"));
    Danish.assertDateFieldsDanish(page);
    page.type("Borgerens navn", CITIZEN);
    page.type("CPR-nummer", CPR);
    page.type("Henvisende enhed", "Borgerservice Allerød");
    page.tick("Problemområder", "Ledighed");
    page.tick("Problemområder", "Forsørgelse / økonomisk hjælp");
    page.tick("Problemområder", "Fysisk helbred");
    page.type("Begrundelse for henvisningen", "Ledig i to år, gæld og smerter i ryggen; ønsker én plan.");
    screenshot("henvisning", VISITATOR);
    page.submitStartForm();

    ProcessInstance course = page.await(() -> runtime.createProcessInstanceQuery().processDefinitionKey("en-plan")
        .variableValueEquals("citizenName", CITIZEN).singleResult());
    courseId = course.getBusinessKey();
    assertThat(course.getTenantId()).isEqualTo("allerod");
    assertThat(runtime.getVariable(course.getId(), "citizenMaskedCpr")).isEqualTo(MASKED_CPR);
  }

  private void visitate() {
    Task task = openTask(VISITATOR, DemoTasklistFilters.MY_SECTOR, VISITATION, null, Phase.VISITATION);
    claim(task, Phase.VISITATION);
    page.formText(MASKED_CPR);
    page.tick("Er borgeren i målgruppen for Én Plan?", "Ja");
    SECTORS.forEach(sector -> assertThat(page.ticked("Sektorer, der deltager", sector.name()))
        .as("the screening's suggestion %s ticked", sector.name()).isTrue());
    page.select(null, "Koordinerende kontaktperson", Features.COORDINATOR_BY_NAME);
    page.type("Begrundelse", "Ledighed, økonomi og helbred: tre sektorer, én plan.");
    screenshot("visitation", VISITATOR);
    completeAndAwaitGone(task);
    assertThat(courses.findById(runtime.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId())
        .singleResult().getBusinessKey()).orElseThrow().chosenSectors()).as("stored in the plan store")
        .containsExactlyInAnyOrderElementsOf(SECTORS.stream().map(Sector::key).toList());
  }

  private void obtainConsent() {
    Task task = openTask(COORDINATOR, DemoTasklistFilters.MY_TASKS, OBTAIN_CONSENT, null, Phase.CONSENT);
    page.tick("Giver borgeren skriftligt, informeret samtykke til Én Plan?", "Ja");
    SECTORS.forEach(sector -> page.tick("Samtykket omfatter disse sektorer", sector.name()));
    page.tick("Borgeren er informeret om formål");
    page.type("Bemærkninger", "Samtykke underskrevet på mødet.");
    screenshot("samtykke", COORDINATOR);
    completeAndAwaitGone(task);
    runJobsAsJobExecutor();
  }

  private void assess(Sector sector) {
    Task task = openTask(sector.user(), DemoTasklistFilters.MY_SECTOR, ASSESS_SECTOR, sector.key(),
        Phase.ASSESSMENT);
    claim(task, Phase.ASSESSMENT);
    page.type("Sektorens udredning af borgerens situation", "Udredning fra " + sector.name() + ".");
    page.type("Anbefalet indsats fra sektoren", "Anbefaling fra " + sector.name() + ".");
    screenshot("udredning-" + sector.key(), sector.user());
    completeAndAwaitGone(task);
    runJobsAsJobExecutor(); // the joint assessment's join
  }

  private void holdPlanMeeting() {
    Task task = openTask(COORDINATOR, DemoTasklistFilters.MY_TASKS, PLAN_MEETING, null, Phase.PLAN_MEETING);
    SECTORS.forEach(sector -> page.formText("Udredning fra " + sector.name()));
    page.type("Borgerens egne ord: Hvad vil du gerne opnå?", "Jeg vil i arbejde og have styr på min gæld.");
    page.select("Mål 1", "Livsområde", "Arbejde og uddannelse");
    page.type("Mål 1", "Med borgerens egne ord", "Et job, jeg kan holde til med min ryg");
    page.type("Mål 1", "Mål", "Job på mindst 20 timer om ugen inden et år");
    page.type("Mål 1", "Delmål", "Virksomhedspraktik i tre måneder");
    page.select("Mål 2 (valgfrit)", "Livsområde", "Økonomi");
    page.type("Mål 2 (valgfrit)", "Med borgerens egne ord", "Ingen rykkere i postkassen");
    page.type("Mål 2 (valgfrit)", "Mål", "En afdragsordning på gælden");
    intervention("Indsats 1", SECTORS.get(0), LocalDate.of(2027, 1, 4), LocalDate.of(2027, 6, 30));
    LocalDate secondStart = LocalDate.of(2027, 2, 1);
    intervention("Indsats 2 (valgfrit)", SECTORS.get(1), secondStart, secondStart.minusDays(14));
    intervention("Indsats 3 (valgfrit)", SECTORS.get(2), LocalDate.of(2027, 1, 11), LocalDate.of(2027, 4, 30));
    page.tick("Er borgeren enig i planen?", "Ja");
    page.complete();

    Features.assertValidationError(page, page.notification("slutdatoen ligger før startdatoen"));
    page.show("Indsats 2 (valgfrit)", "Planlagt slut");
    screenshot("planmoede-fejl", COORDINATOR);
    assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).as("the plan meeting still open").isOne();
    page.closeNotifications();
    page.typeDate("Indsats 2 (valgfrit)", "Planlagt slut", Danish.date(LocalDate.of(2027, 5, 31)));
    screenshot("planmoede", COORDINATOR);
    completeAndAwaitGone(task);
    assertThat(runtime.getVariable(task.getProcessInstanceId(), "planVersion")).isEqualTo(1);
  }

  private void intervention(String group, Sector sector, LocalDate start, LocalDate end) {
    page.select(group, "Sektor", sector.name());
    page.type(group, "Indsats", sector.intervention());
    page.type(group, "Ansvarlig", sector.responsible());
    page.typeDate(group, "Planlagt start", Danish.date(start));
    page.typeDate(group, "Planlagt slut", Danish.date(end));
  }

  private void decide() {
    Task task = openTask(COORDINATOR, DemoTasklistFilters.MY_TASKS, COMBINED_DECISION, null, Phase.DECISION);
    page.type("Afgørelse om alle indsatser",
        "Kommunen bevilger virksomhedspraktik, budgetrådgivning og genoptræning efter den samlede plan.");
    page.tick("Klagevejledning er givet til borgeren");
    screenshot("afgoerelse", COORDINATOR);
    completeAndAwaitGone(task);
    runJobsAsJobExecutor();
  }

  private void startIntervention(Sector sector) {
    Task task = openTask(sector.user(), DemoTasklistFilters.MY_SECTOR, START_INTERVENTION, sector.key(),
        Phase.INTERVENTION);
    claim(task, Phase.INTERVENTION);
    assertThat(page.formText("Sektorens indsats efter planen")).as("the sector's own intervention in the plan")
        .contains("i planen: " + sector.intervention(), "Ansvarlig i planen: " + sector.responsible());
    assertThat(page.fieldValue("Ansvarlig medarbejder")).as("pre-filled from the plan")
        .isEqualTo(sector.responsible());
    assertThat(page.fieldValue("Startdato")).as("pre-filled: the plan's start, today at the latest")
        .matches("\\d{2}-\\d{2}-\\d{4}");
    screenshot("indsats-start-" + sector.key(), sector.user());
    completeAndAwaitGone(task);
  }

  private void endIntervention(Sector sector) {
    Task task = openTask(sector.user(), DemoTasklistFilters.MY_SECTOR, COMPLETE_INTERVENTION, sector.key(),
        Phase.INTERVENTION);
    claim(task, Phase.INTERVENTION);
    page.tick("Resultat", "Gennemført");
    page.type("Beskriv resultatet", "Indsatsen fra " + sector.name() + " er gennemført som planlagt.");
    screenshot("indsats-slut-" + sector.key(), sector.user());
    completeAndAwaitGone(task);
    runJobsAsJobExecutor(); // the sector interventions' join
  }

  /** The coordinator's plan in the plan API and on the citizen's page: every intervention completed. */
  private void assertPlanShowsInterventionsCompleted() {
    EngineHttp api = EngineHttp.rest(port, COORDINATOR);
    var interventions = EngineHttp.json(api.get("/api/courses/" + courseId + "/plan")).path("interventions");
    assertThat(interventions).hasSize(SECTORS.size())
        .allSatisfy(i -> assertThat(i.path("statusText").asText()).isEqualTo("Gennemført"));
    assertThat(api.get("/api/courses/" + courseId + "/plan.html").body()).contains("Gennemført den ")
        .doesNotContain("Ikke startet endnu", "I gang siden");
  }

  /** The follow-up timer fired as an administrator does it: executing the timer job over the REST API. */
  private void fireFollowUpTimer(String step) {
    Job timer = page.await(() -> management.createJobQuery().processInstanceId(coursePid()).activityId(FOLLOW_UP_DUE)
        .timers().singleResult());
    var response = EngineHttp.rest(port, ADMIN).post("/engine-rest/job/" + timer.getId() + "/execute", null);
    assertThat(response.statusCode()).as("admin executes the timer: %s", response.body()).isEqualTo(204);
    page.await(() -> driver.task(courseId, FOLLOW_UP));
  }

  private void followUp(int round, String decision, String decisionLabel) {
    Task task = openTask(COORDINATOR, DemoTasklistFilters.MY_TASKS, FOLLOW_UP, null, Phase.FOLLOW_UP);
    assertThat(page.formText("Progression indtil nu")).contains(round == 1
        ? "Ingen målinger endnu"
        : "Arbejde og uddannelse: 4 (" + Danish.date(PlanStore.today()) + ")");
    if (round > 1) {
      Features.assertFollowUpStartsAnew(page);
    }
    page.type("Arbejde og uddannelse", String.valueOf(3 + round));
    page.type("Helbred", String.valueOf(4 + round));
    page.type("Bolig", "8");
    page.type("Økonomi", String.valueOf(2 + round));
    page.type("Familie og netværk", "7");
    page.type("Notat fra opfølgningen", "Opfølgning " + round + ": praktikken går godt, afdragsordningen holder.");
    page.tick("Hvad nu?", decisionLabel);
    screenshot("opfoelgning-" + round, COORDINATOR);
    completeAndAwaitGone(task);
    assertThat(runtime.getVariable(coursePid(), "followUpDecision")).isEqualTo(decision);
  }

  private void close() {
    Task task = openTask(COORDINATOR, DemoTasklistFilters.MY_TASKS, CLOSE_WITH_CITIZEN, null, Phase.CLOSURE);
    page.select(null, "Årsag til afslutning", "Målene er nået");
    page.type("Samlet progression ved afslutning", "8");
    page.type("Afsluttende notat", "Borgeren er i job med løntilskud og har en afdragsordning.");
    screenshot("afslutning", COORDINATOR);
    String pid = coursePid();
    completeAndAwaitGone(task);
    runJobsAsJobExecutor();
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(pid).count()).as("course ended").isZero();
    assertThat(courses.findById(courseId).orElseThrow().status())
        .isEqualTo(CourseStatus.CLOSED);
  }

  /**
   * As {@code user}: opens the filter, finds the task's card (the card shows the citizen), opens its form and checks
   * the form names the citizen and the phase.
   */
  private Task openTask(String user, String filter, String taskKey, String sector, Phase phase) {
    Task task = page.await(() -> driver.tasks(courseId, taskKey).stream()
        .filter(t -> sector == null || sector.equals(runtime.getVariable(t.getExecutionId(), "sector")))
        .findFirst().orElse(null));
    as(user);
    page.openFilter(filter);
    page.search(TaskCard.CITIZEN_NAME, CITIZEN);
    Features.assertCardNamesCitizen(page.cardText(task.getId()), CITIZEN, MASKED_CPR, phase.onCard());
    page.openCard(task.getId());
    String form = page.formText(CITIZEN);
    assertThat(form).contains(CITIZEN + " (" + MASKED_CPR + ")").contains("Fase: " + phase.inForm());
    if (!taskKey.equals(VISITATION)) {
      Features.assertContactPersonByName(form);
    }
    Danish.assertTasklistInDanish(page);
    Danish.assertFormDatesDanish(form);
    return task;
  }

  /** Claims the task; it leaves the group's list, so the card is then shown in Mine opgaver, with the form. */
  private void claim(Task task, Phase phase) {
    page.claim();
    page.openFilter(DemoTasklistFilters.MY_TASKS);
    page.search(TaskCard.CITIZEN_NAME, CITIZEN);
    Features.assertCardNamesCitizen(page.cardText(task.getId()), CITIZEN, MASKED_CPR, phase.onCard());
    page.openCard(task.getId());
  }

  private void completeAndAwaitGone(Task task) {
    assertThat(page.notificationAreaCovers(TasklistPage.COMPLETE)).as("a notification over the Complete button")
        .isFalse();
    page.complete();
    page.await(() -> tasks.createTaskQuery().taskId(task.getId()).count() == 0);
  }

  /** Logs the current user out and {@code user} in, unless {@code user} is the one logged in. */
  private void as(String user) {
    if (user.equals(loggedIn)) {
      return;
    }
    if (loggedIn != null) {
      page.logOut();
    }
    page.logIn(user, TestIdentity.PASSWORD);
    loggedIn = user;
  }

  /** Runs the course's due asynchronous continuations, as the job executor does (the tests run without it). */
  private void runJobsAsJobExecutor() {
    List<String> instances = runtime.createProcessInstanceQuery().processInstanceBusinessKey(courseId).list().stream()
        .map(ProcessInstance::getId).toList();
    for (String instance : instances) {
      management.createJobQuery().processInstanceId(instance).executable().list()
          .forEach(job -> management.executeJob(job.getId()));
    }
    if (!instances.isEmpty() && runtime.createProcessInstanceQuery().processInstanceBusinessKey(courseId).list()
        .stream().anyMatch(i -> management.createJobQuery().processInstanceId(i.getId()).executable().count() > 0)) {
      runJobsAsJobExecutor();
    }
  }

  private String coursePid() {
    return runtime.createProcessInstanceQuery().processDefinitionKey("en-plan").processInstanceBusinessKey(courseId)
        .singleResult().getId();
  }

  private void screenshot(String step, String user) {
    screenshots++;
    page.screenshot(SCREENSHOTS.resolve(String.format("%02d-%s-%s.png", screenshots, step, user)));
  }

  /** What a Danish Tasklist shows (issue 14, item 1): the words around the forms and the dates in them. */
  static final class Danish {

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd-MM-yyyy");
    static final String DATE_PLACEHOLDER = "dd-mm-åååå";
    static final String COMPLETE = "Fuldfør";
    /** Tasklist's English words that a Danish Tasklist must not show. */
    static final List<String> ENGLISH = List.of("Complete", "Claim", "Created", "Add Comment", "Start process");
    private static final Pattern ISO_DATE = Pattern.compile("(?<![\\w-])\\d{4}-\\d{2}-\\d{2}(?![\\w-])");

    private Danish() {
    }

    /** A date as the caseworker types it into a form's date field. */
    static String date(LocalDate date) {
      return DATE.format(date);
    }

    static void assertTasklistInDanish(TasklistPage page) {
      assertThat(page.text(TasklistPage.COMPLETE)).isEqualTo(COMPLETE);
      assertThat(page.browser().findElement(By.tagName("body")).getText()).doesNotContain(ENGLISH);
      assertDateFieldsDanish(page);
    }

    /** Dates the form shows are dd-mm-åååå: no ISO date (åååå-mm-dd) left in its text. */
    static void assertFormDatesDanish(String form) {
      assertThat(ISO_DATE.matcher(form).find()).as("an ISO date in the form: %s", form).isFalse();
    }

    /** Every date field of the open form asks for dd-mm-åååå. */
    static void assertDateFieldsDanish(TasklistPage page) {
      page.browser().findElements(By.cssSelector(".fjs-form .flatpickr-input")).forEach(input ->
          assertThat(input.getAttribute("placeholder")).isEqualTo(DATE_PLACEHOLDER));
    }
  }

  /** The other features of issue 14 the caseworkers see, each asserted in one place. */
  static final class Features {

    /** The refused plan meeting's sentence (item 3): the field named as the form labels it. */
    static final String ERROR_SENTENCE = "Indsats 2, Planlagt slut: slutdatoen ligger før startdatoen";
    /** The coordinator as visitation's list offers her (item 6): by name. */
    static final String COORDINATOR_BY_NAME = "koordinator allerod";

    private Features() {
    }

    /** Item 2: the card names the citizen, the masked CPR, the course's phase and the due date. */
    static void assertCardNamesCitizen(String card, String citizen, String maskedCpr, String phase) {
      assertThat(card).contains(citizen, maskedCpr, phase, "Frist");
    }

    /** Item 3: one Danish sentence naming the field, the field marked, the Complete button clear. */
    static void assertValidationError(TasklistPage page, String notification) {
      assertThat(notification).contains(ERROR_SENTENCE)
          .doesNotContain("intervention2PlannedEnd", "Cannot submit", "error happened");
      assertThat(page.text(By.cssSelector(".fjs-has-errors .fjs-form-field-error")))
          .as("under the marked field").isEqualTo("Slutdatoen ligger før startdatoen");
      assertThat(page.notificationAreaCovers(TasklistPage.COMPLETE)).as("the error over the Complete button")
          .isFalse();
    }

    /** Item 4: the second follow-up opens without the first round's decision and note. */
    static void assertFollowUpStartsAnew(TasklistPage page) {
      assertThat(page.ticked("Hvad nu?", "Fortsæt planen")).as("last round's decision ticked").isFalse();
      assertThat(page.fieldValue("Notat fra opfølgningen")).isEmpty();
    }

    /** Item 6: only the course can be started from Tasklist. */
    static void assertOnlyTheCourseStartable(List<String> offered) {
      assertThat(offered).containsExactly("Én Plan – sammenhængende forløb");
    }

    /** Item 6: the contact person by name, not by user id. */
    static void assertContactPersonByName(String form) {
      assertThat(form).contains(COORDINATOR_BY_NAME).doesNotContain(COORDINATOR);
    }
  }

  /**
   * The counts next to Tasklist's filters, which a node answers again while nothing changed (TaskCountCache), follow
   * a new referral in the municipality and the caseworker's own claim.
   */
  @Test
  void taellerneVedFiltreneFoelgerEnHenvisningOgEnOvertagelse() {
    String user = "visitation.allerod";
    long sector = filterCount(user, DemoTasklistFilters.MY_SECTOR);
    long mine = filterCount(user, DemoTasklistFilters.MY_TASKS);
    page.logIn(user, TestIdentity.PASSWORD);
    page.awaitFilterCount(DemoTasklistFilters.MY_SECTOR, sector);
    page.awaitFilterCount(DemoTasklistFilters.MY_SECTOR, sector);

    ProcessInstance course = driver.refer("allerod", CourseSteps.referral("0101901234",
        List.of("ledighed", "forsoergelse")));
    page.awaitFilterCount(DemoTasklistFilters.MY_SECTOR, sector + 1);

    page.openTask(driver.task(course.getBusinessKey(), VISITATION).getId());
    page.claim();
    page.awaitFilterCount(DemoTasklistFilters.MY_SECTOR, sector);
    page.awaitFilterCount(DemoTasklistFilters.MY_TASKS, mine + 1);
    page.screenshot(SCREENSHOTS.resolve("tasklist-taellere-visitation.allerod.png"));
  }

  /** The filter's count as the engine gives it to a visitation caseworker of Allerød. */
  private long filterCount(String user, String filterName) {
    String id = filters.createTaskFilterQuery().filterName(filterName).singleResult().getId();
    return driver.as(user, List.of("visitation"), "allerod", () -> filters.count(id));
  }
}
