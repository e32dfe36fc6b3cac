package dk.enplan.tasklist;

import static dk.enplan.course.CourseProcess.Elements.OBTAIN_CONSENT;
import static dk.enplan.course.CourseProcess.Elements.PLAN_MEETING;
import static dk.enplan.course.CourseProcess.Elements.VISITATION;
import static dk.enplan.course.CourseProcess.SectorElements.START_INTERVENTION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dk.enplan.course.CourseSteps;
import dk.enplan.testing.CourseDriver;
import dk.enplan.testing.CourseEngineTest;
import dk.enplan.testing.TestIdentity;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A caseworker in a real browser (Debian's Chromium, headless): refers a citizen through the start form in
 * Tasklist, then visitates with the visitation form, so the forms are proven to write what the model reads; a
 * sector starts an intervention with the calendar; a coordinator's refused plan meeting reads in Danish at the field.
 * The browser is set to English and runs in UTC, as in CI, so the
 * tests also prove Tasklist Danish by default: labels, form-js's messages, dd-mm-åååå dates, a calendar from Monday.
 * Skipped where Chromium and ChromeDriver are not installed ({@code .ci/run} installs them).
 */
@CourseEngineTest
class TasklistEndToEndIT {

  @LocalServerPort int port;
  @Autowired TestIdentity identity;
  @Autowired RuntimeService runtime;
  @Autowired dk.enplan.course.CourseService courses;
  @Autowired TaskService tasks;
  @Autowired CourseDriver driver;
  @Autowired CourseSteps steps;

  private TasklistPage page;

  @BeforeEach
  void openBrowser() {
    assumeTrue(TasklistPage.browserInstalled(),
        "Chromium and ChromeDriver from Debian are needed (apt-get install chromium chromium-driver)");
    identity.ensure();
    page = new TasklistPage(port);
  }

  @AfterEach
  void closeBrowser() {
    if (page != null) {
      page.screenshot(Path.of("target", "tasklist-e2e.png"));
      page.close();
    }
  }

  @Test
  void enVisitatorHenviserOgVisitererIBrowseren() {
    page.logIn("visitation.allerod", TestIdentity.PASSWORD);

    page.startProcess("Én Plan – sammenhængende forløb");
    page.type("Borgerens navn", "Karin Browser");
    page.type("CPR-nummer", "020285-1234");
    page.type("Henvisende enhed", "Borgerservice Allerød");
    page.tick("Problemområder", "Ledighed");
    page.tick("Problemområder", "Misbrug");
    page.type("Begrundelse for henvisningen", "Henvist fra browseren");
    page.submitStartForm();

    ProcessInstance course = page.await(() -> runtime.createProcessInstanceQuery().processDefinitionKey("en-plan")
        .variableValueEquals("citizenName", "Karin Browser").singleResult());
    assertThat(course.getTenantId()).isEqualTo("allerod");
    assertThat(runtime.getVariable(course.getId(), "citizenMaskedCpr")).isEqualTo("020285-xxxx");
    assertThat(runtime.getVariable(course.getId(), "cpr")).isNull();
    Task visitation = tasks.createTaskQuery().processInstanceId(course.getId()).taskDefinitionKey(VISITATION)
        .singleResult();

    page.openTask(visitation.getId());
    page.claim();
    page.tick("Er borgeren i målgruppen for Én Plan?", "Ja");
    page.select(null, "Koordinerende kontaktperson", "koordinator.allerod");
    page.type("Begrundelse", "Flere sektorer: én plan.");
    assertThat(page.notificationAreaCovers(TasklistPage.COMPLETE)).as("a notification over the Complete button")
        .isFalse();
    page.complete();

    Task consent = page.await(() -> tasks.createTaskQuery().processInstanceId(course.getId())
        .taskDefinitionKey(OBTAIN_CONSENT).singleResult());
    assertThat(consent.getAssignee()).isEqualTo("koordinator.allerod");
    assertThat(courses.get(course.getBusinessKey()).chosenSectors()).as("stored in the plan store")
        .containsExactlyInAnyOrder("beskaeftigelse", "ydelse", "voksen", "sundhed");
    assertThat(runtime.getVariable(course.getId(), "targetGroupConfirmed")).isEqualTo("ja");
  }

  /** Markup typed into a referral is shown as the text it is in the visitation form: no element made of it. */
  @Test
  void markupIEnHenvisningVisesSomTekstIVisitationsformularen() {
    String name = "<img src=x onerror=alert(1)>Karin";
    String reason = "<b>Fed</b> ![billede](http://example.invalid/x.png) <a href=\"http://example.invalid\">link</a>\n"
        + "Anden linje";
    Map<String, Object> referral = new java.util.HashMap<>(CourseSteps.referral("0101901234", List.of("ledighed",
        "misbrug")));
    referral.put("citizenName", name);
    referral.put("referralReason", reason);
    referral.put("referringUnit", "<script>alert(2)</script>Jobcenter");
    ProcessInstance course = driver.refer("allerod", referral);
    Task visitation = tasks.createTaskQuery().processInstanceId(course.getId()).taskDefinitionKey(VISITATION)
        .singleResult();

    page.logIn("visitation.allerod", TestIdentity.PASSWORD);
    page.openTask(visitation.getId());
    String shown = page.formText("Karin");
    page.screenshot(Path.of("target", "tasklist-markup-as-text.png"));

    assertThat(shown).contains("Borger: " + name + " (010190-xxxx)");
    assertThat(shown).contains("<b>Fed</b> ![billede](http://example.invalid/x.png)");
    assertThat(shown).contains("Henvisende enhed: <script>alert(2)</script>Jobcenter");
    assertThat(shown).contains("Kommune: Allerød");
    assertThat(page.form().findElements(By.cssSelector("img, script, b, a[href^='http://example']")))
        .as("elements made of the caseworker's text").isEmpty();
    assertThat(page.browser().findElements(By.cssSelector("img[src='x']"))).isEmpty();
  }

  /**
   * A sector starts its intervention in Danish: the plan's dates as dd-mm-åååå, Danish validation messages, the
   * calendar in Danish from Monday, the chosen date shown as dd-mm-åååå and submitted as åååå-mm-dd, no migration
   * banner, the Fuldfør button, points in time in Danish time.
   */
  @Test
  void enSektorIgangsaetterIndsatsenPaaDanskMedKalenderen() {
    ProcessInstance course = steps.inInterventionPhase(List.of("beskaeftigelse"));
    Task start = driver.task(CourseSteps.businessKey(course), START_INTERVENTION);

    page.logIn("sektor-beskaeftigelse.allerod", TestIdentity.PASSWORD);
    assertThat(page.browser().findElements(By.cssSelector(".ce-eol-banner")).stream()
        .anyMatch(WebElement::isDisplayed)).as("Camunda's migration banner").isFalse();
    // the browser runs in UTC: Tasklist formats a point in time in Danish time and says so in the footer
    assertThat(page.script("return angular.element(document.body).injector().get('$filter')('camDate')"
        + "('2026-12-29T23:30:00.000+0000');")).as("23:30 UTC in Denmark").isEqualTo("30-12-2026 00:30");
    assertThat(page.script("return angular.element(document.body).injector().get('$filter')('camDate')"
        + "('2026-07-01T10:00:00.000+0000');")).as("summer time").isEqualTo("01-07-2026 12:00");
    assertThat(page.browser().findElement(By.id("footer-timezone")).getText())
        .contains("dansk tid", "Europe/Copenhagen");
    page.openTask(start.getId());
    assertThat(page.formText("Indsats")).as("the plan's dates").contains("01-12-2026 til 01-03-2027");
    // Tasklist's "Create task" and "Add comment" lead only to refusals: not shown (user-styles.css)
    assertThat(page.browser().findElements(By.cssSelector(".create-task-action, .createCommentLink"))).as(
        "Tasklist's own create-task and comment links").isNotEmpty().noneMatch(WebElement::isDisplayed);
    page.claim();

    page.click(By.linkText("Sæt opfølgningsdato"));
    WebElement tasklistCalendar = page.await(() -> page.browser().findElements(By.cssSelector(".uib-daypicker"))
        .stream().filter(WebElement::isDisplayed).findFirst().orElse(null));
    assertThat(tasklistCalendar.findElements(By.cssSelector("thead th small")).stream().map(WebElement::getText)
        .toList()).as("Tasklist's own calendar, from Monday").containsExactly("man", "tir", "ons", "tor", "fre", "lør",
        "søn");
    page.browser().navigate().refresh();
    page.formText("Indsats");
    page.await(() -> page.browser().findElements(By.cssSelector(".disabled-form")).isEmpty());

    page.type("Ansvarlig medarbejder", "");
    assertThat(page.fieldError(null, "Ansvarlig medarbejder")).isEqualTo("Feltet skal udfyldes.");

    WebElement date = page.field("Startdato");
    assertThat(date.getAttribute("placeholder")).isEqualTo("dd-mm-åååå");
    page.click(By.id(date.getAttribute("id")));
    WebElement calendar = page.await(() -> page.browser().findElements(By.cssSelector(".flatpickr-calendar.open"))
        .stream().filter(WebElement::isDisplayed).findFirst().orElse(null));
    assertThat(calendar.findElements(By.cssSelector(".flatpickr-weekday")).stream().map(WebElement::getText)
        .map(String::trim).toList()).as("the week from Monday")
        .containsExactly("man", "tir", "ons", "tor", "fre", "lør", "søn");
    String month = calendar.findElement(By.cssSelector(".flatpickr-monthDropdown-months option:checked")).getText();
    assertThat(List.of("januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september",
        "oktober", "november", "december")).contains(month);
    // an intervention starts today at the latest: the browser's today (UTC here) is never after Denmark's
    WebElement today = calendar.findElement(By.cssSelector(".flatpickr-day.today"));
    String day = String.format("%02d", Integer.parseInt(today.getText().trim()));
    today.click();
    String shown = page.await(() -> {
      String value = page.fieldValue("Startdato");
      return value.matches(day + "-\\d{2}-\\d{4}") ? value : null;
    });
    page.screenshot(Path.of("target", "tasklist-da-calendar.png"));

    page.type("Ansvarlig medarbejder", "Lars Jensen");
    assertThat(page.text(TasklistPage.COMPLETE)).isEqualTo("Fuldfør");
    page.complete();
    page.await(() -> tasks.createTaskQuery().taskId(start.getId()).count() == 0);
    String iso = shown.substring(6) + "-" + shown.substring(3, 5) + "-" + shown.substring(0, 2);
    assertThat(runtime.getVariable(start.getProcessInstanceId(), "interventionStart")).as("what the form submitted")
        .isEqualTo(iso);
  }

  /**
   * Issue 14, item 3: the coordinator completes a plan meeting whose second intervention ends before it starts (the
   * form filled as Tasklist restores a saved form). She reads one Danish sentence naming the field as the form labels
   * it in the notification, and what is wrong under the field; no engine id, no English frame; the form stays
   * filled; the notification lies clear of the Complete button; the task is still hers.
   */
  @Test
  void enFejlIPlanmoedetVisesPaaDanskVedFeltetOgFormularenForbliverUdfyldt() throws Exception {
    ProcessInstance course = steps.inJointAssessment(CourseSteps.TENANT, List.of("beskaeftigelse", "ydelse"));
    steps.assess(course, "beskaeftigelse");
    steps.assess(course, "ydelse");
    Task meeting = steps.task(course, PLAN_MEETING);
    Map<String, Object> form = new java.util.HashMap<>(CourseSteps.planMeeting("ja", List.of("beskaeftigelse",
        "ydelse")));
    form.put("intervention2PlannedStart", "2027-03-01");
    form.put("intervention2PlannedEnd", "2027-02-01");
    String sentence = "Indsats 2, Planlagt slut: slutdatoen ligger før startdatoen";

    page.logIn(CourseSteps.COORDINATOR, TestIdentity.PASSWORD);
    page.script("localStorage.setItem('camunda-form:' + arguments[0], arguments[1]);", meeting.getId(),
        new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(form));
    page.openTask(meeting.getId());
    String second = "Indsats 2 (valgfrit)";
    page.await(() -> "Indsats fra ydelse".equals(page.field(second, "Indsats").getAttribute("value")));
    page.complete();

    String notification = page.notification(sentence);
    assertThat(notification).contains("Opgaven er ikke afsluttet")
        .doesNotContain("An error happened", "intervention2PlannedEnd", meeting.getId(), "Cannot submit");
    WebElement marked = page.await(() -> page.browser().findElements(
        By.cssSelector(".fjs-has-errors .fjs-form-field-error")).stream().filter(WebElement::isDisplayed)
        .findFirst().orElse(null));
    assertThat(marked.getText()).as("under the field, without its label")
        .isEqualTo("Slutdatoen ligger før startdatoen");
    assertThat(marked.findElement(By.xpath("..")).getText()).contains("Planlagt slut");
    page.screenshot(Path.of("target", "tasklist-form-error.png"));
    assertThat(page.fieldValue(second, "Indsats")).as("the form stays filled")
        .isEqualTo("Indsats fra ydelse");
    assertThat(page.fieldValue("Mål 1", "Mål")).isEqualTo("Job inden for et år");
    assertThat(page.notificationAreaCovers(TasklistPage.COMPLETE)).as("a notification over the Complete button")
        .isFalse();
    assertThat(tasks.createTaskQuery().taskId(meeting.getId()).count()).as("the task is still open").isEqualTo(1);
  }
}
