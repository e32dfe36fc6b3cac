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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A caseworker in a real browser (Debian's Chromium, headless): refers a citizen through the start form in
 * Tasklist, then visitates with the visitation form, so the forms are proven to write what the model reads; a
 * sector starts an intervention with the calendar. The browser is set to English and runs in UTC, as in CI, so the
 * tests also prove Tasklist Danish by default: labels, form-js's messages, dd-mm-åååå dates, a calendar from Monday.
 * Skipped where Chromium and ChromeDriver are not installed ({@code .ci/run} installs them).
 */
@CourseEngineTest
class TasklistEndToEndTest {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final By COMPLETE = By.xpath("//button[normalize-space()='Fuldfør']");

  @LocalServerPort int port;
  @Autowired TestIdentity identity;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired CourseDriver driver;
  @Autowired CourseSteps steps;

  private WebDriver browser;
  private WebDriverWait wait;

  @BeforeEach
  void openBrowser() {
    assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "Chromium and ChromeDriver from Debian are needed (apt-get install chromium chromium-driver)");
    identity.ensure();
    ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
        .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-dev-shm-usage", "--window-size=1400,1200", "--lang=en-US");
    browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
        .build(), options);
    wait = new WebDriverWait(browser, Duration.ofSeconds(30));
  }

  @AfterEach
  void closeBrowser() throws java.io.IOException {
    if (browser != null) {
      Files.createDirectories(Path.of("target"));
      Files.write(Path.of("target", "tasklist-e2e.png"),
          ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
      browser.quit();
    }
  }

  @Test
  void enVisitatorHenviserOgVisitererIBrowseren() {
    logIn("visitation.allerod");

    click(By.linkText("Start forløb"));
    click(By.xpath("//div[contains(@class,'modal-body')]//a[contains(normalize-space(),'Én Plan')]"));
    type("Field_citizenName", "Karin Browser");
    type("Field_cpr", "020285-1234");
    type("Field_referringUnit", "Borgerservice Allerød");
    tick("Field_problemAreas", "Ledighed");
    tick("Field_problemAreas", "Misbrug");
    type("Field_referralReason", "Henvist fra browseren");
    click(By.xpath("//button[normalize-space()='Start']"));

    ProcessInstance course = await(() -> runtime.createProcessInstanceQuery().processDefinitionKey("en-plan")
        .variableValueEquals("citizenName", "Karin Browser").singleResult());
    assertThat(course.getTenantId()).isEqualTo("allerod");
    assertThat(runtime.getVariable(course.getId(), "citizenMaskedCpr")).isEqualTo("020285-xxxx");
    assertThat(runtime.getVariable(course.getId(), "cpr")).isNull();
    Task visitation = tasks.createTaskQuery().processInstanceId(course.getId()).taskDefinitionKey(VISITATION)
        .singleResult();

    browser.get(tasklist() + "#/?task=" + visitation.getId());
    claim();
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".disabled-form")));
    tick("Field_targetGroupConfirmed", "Ja");
    click(By.cssSelector(".fjs-form-field-select .fjs-input-group"));
    WebElement option = wait.until(ExpectedConditions.presenceOfElementLocated(
        By.xpath("//*[contains(@class,'fjs-dropdownlist-item') and contains(.,'koordinator.allerod')]")));
    script("arguments[0].scrollIntoView({block: 'center'});", option);
    option.click();
    type("Field_visitationNote", "Flere sektorer: én plan.");
    By complete = COMPLETE;
    assertThat(notificationAreaCovers(complete)).as("a notification over the Complete button").isFalse();
    click(complete);

    Task consent = await(() -> tasks.createTaskQuery().processInstanceId(course.getId())
        .taskDefinitionKey(OBTAIN_CONSENT).singleResult());
    assertThat(consent.getAssignee()).isEqualTo("koordinator.allerod");
    assertThat(runtime.getVariable(course.getId(), "chosenSectors")).asList()
        .containsExactlyInAnyOrder("beskaeftigelse", "ydelse", "voksen", "sundhed");
    assertThat(runtime.getVariable(course.getId(), "targetGroupConfirmed")).isEqualTo("ja");
  }

  /** Markup typed into a referral is shown as the text it is in the visitation form: no element made of it. */
  @Test
  void markupIEnHenvisningVisesSomTekstIVisitationsformularen() throws java.io.IOException {
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

    logIn("visitation.allerod");
    browser.get(tasklist() + "#/?task=" + visitation.getId());
    WebElement form = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-form")));
    wait.until(driver -> form.getText().contains("Karin"));
    String shown = form.getText();
    Files.createDirectories(Path.of("target"));
    Files.write(Path.of("target", "tasklist-markup-as-text.png"),
        ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(org.openqa.selenium.OutputType.BYTES));

    assertThat(shown).contains("Borger: " + name + " (010190-xxxx)");
    assertThat(shown).contains("<b>Fed</b> ![billede](http://example.invalid/x.png)");
    assertThat(shown).contains("Henvisende enhed: <script>alert(2)</script>Jobcenter");
    assertThat(shown).contains("Kommune: Allerød");
    assertThat(form.findElements(By.cssSelector("img, script, b, a[href^='http://example']")))
        .as("elements made of the caseworker's text").isEmpty();
    assertThat(browser.findElements(By.cssSelector("img[src='x']"))).isEmpty();
  }

  /**
   * A sector starts its intervention in Danish: the plan's dates as dd-mm-åååå, Tasklist's own calendar and the
   * form's from Monday, Danish validation messages, the chosen date shown as dd-mm-åååå and submitted as
   * åååå-mm-dd, no migration banner, the Fuldfør button.
   */
  @Test
  void enSektorIgangsaetterIndsatsenPaaDanskMedKalenderen() {
    ProcessInstance course = steps.inInterventionPhase(List.of("beskaeftigelse"));
    Task start = driver.task(CourseSteps.businessKey(course), START_INTERVENTION);

    logIn("sektor-beskaeftigelse.allerod");
    assertThat(browser.findElements(By.cssSelector(".ce-eol-banner")).stream().anyMatch(WebElement::isDisplayed))
        .as("Camunda's migration banner").isFalse();
    browser.get(tasklist() + "#/?task=" + start.getId());
    WebElement form = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-form")));
    wait.until(driver -> form.getText().contains("Indsats"));
    assertThat(form.getText()).as("the plan's dates").contains("01-12-2026 til 01-03-2027");
    claim();
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".disabled-form")));

    click(By.linkText("Sæt opfølgningsdato"));
    WebElement tasklistCalendar = wait.until(ExpectedConditions.visibilityOfElementLocated(
        By.cssSelector(".uib-daypicker")));
    assertThat(tasklistCalendar.findElements(By.cssSelector("thead th small")).stream().map(WebElement::getText)
        .toList()).as("Tasklist's own calendar, from Monday").containsExactly("man", "tir", "ons", "tor", "fre", "lør",
        "søn");
    browser.navigate().refresh();
    WebElement reloaded = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-form")));
    wait.until(driver -> reloaded.getText().contains("Indsats"));
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".disabled-form")));

    WebElement responsible = field("Field_interventionResponsible");
    responsible.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
    click(COMPLETE);
    WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(
        "[id$='Field_interventionResponsible-error-message'] li")));
    wait.until(driver -> error.getText().equals("Feltet skal udfyldes."));

    WebElement date = field("Field_interventionStart-date");
    assertThat(date.getAttribute("placeholder")).isEqualTo("dd-mm-åååå");
    click(By.cssSelector("[id$='Field_interventionStart-date']"));
    WebElement calendar = wait.until(ExpectedConditions.visibilityOfElementLocated(
        By.cssSelector(".flatpickr-calendar.open")));
    assertThat(calendar.findElements(By.cssSelector(".flatpickr-weekday")).stream().map(WebElement::getText)
        .map(String::trim).toList()).as("the week from Monday")
        .containsExactly("man", "tir", "ons", "tor", "fre", "lør", "søn");
    String month = calendar.findElement(By.cssSelector(".flatpickr-monthDropdown-months option:checked")).getText();
    assertThat(List.of("januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september",
        "oktober", "november", "december")).contains(month);
    // an intervention starts today at the latest: the browser's today (UTC here) is never after Denmark's
    WebElement today = calendar.findElement(By.cssSelector(".flatpickr-day.today"));
    String day = today.getText().trim();
    today.click();
    wait.until(driver -> date.getAttribute("value").matches(String.format("%02d", Integer.parseInt(day))
        + "-\\d{2}-\\d{4}"));
    String shown = date.getAttribute("value");
    screenshot("tasklist-da-calendar.png");

    type("Field_interventionResponsible", "Lars Jensen");
    assertThat(browser.findElement(COMPLETE).getText()).isEqualTo("Fuldfør");
    click(COMPLETE);
    await(() -> tasks.createTaskQuery().taskId(start.getId()).count() == 0 ? true : null);
    String iso = shown.substring(6) + "-" + shown.substring(3, 5) + "-" + shown.substring(0, 2);
    assertThat(runtime.getVariable(start.getProcessInstanceId(), "interventionStart")).as("what the form submitted")
        .isEqualTo(iso);
  }

  private void claim() {
    click(By.xpath("//a[normalize-space()='Tag opgaven'] | //button[normalize-space()='Tag opgaven']"));
  }

  private void screenshot(String name) {
    try {
      Files.createDirectories(Path.of("target"));
      Files.write(Path.of("target", name),
          ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
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

    logIn(CourseSteps.COORDINATOR);
    script("localStorage.setItem('camunda-form:' + arguments[0], arguments[1]);", meeting.getId(),
        new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(form));
    browser.get(tasklist() + "#/?task=" + meeting.getId());
    wait.until(driver -> "Indsats fra ydelse".equals(field("Field_interventionDescription2").getAttribute("value")));
    click(COMPLETE);

    WebElement notification = wait.until(ExpectedConditions.visibilityOfElementLocated(
        By.cssSelector(".page-notifications .alert-danger")));
    wait.until(driver -> notification.getText().contains(sentence));
    assertThat(notification.getText()).contains("Opgaven er ikke afsluttet")
        .doesNotContain("An error happened", "intervention2PlannedEnd", meeting.getId(), "Cannot submit");
    WebElement marked = wait.until(ExpectedConditions.visibilityOfElementLocated(
        By.cssSelector(".fjs-has-errors .fjs-form-field-error")));
    assertThat(marked.getText()).as("under the field, without its label")
        .isEqualTo("Slutdatoen ligger før startdatoen");
    assertThat(marked.findElement(By.xpath("..")).getText()).contains("Planlagt slut");
    screenshot("tasklist-form-error.png");
    assertThat(field("Field_interventionDescription2").getAttribute("value")).as("the form stays filled")
        .isEqualTo("Indsats fra ydelse");
    assertThat(field("Field_goalGoal1").getAttribute("value")).isEqualTo("Job inden for et år");
    assertThat(notificationAreaCovers(COMPLETE)).as("a notification over the Complete button").isFalse();
    assertThat(tasks.createTaskQuery().taskId(meeting.getId()).count()).as("the task is still open").isEqualTo(1);
  }

  private void logIn(String user) {
    browser.get("http://localhost:" + port + "/camunda/app/tasklist/");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model=username]")))
        .sendKeys(user);
    browser.findElement(By.cssSelector("input[ng-model=password]")).sendKeys(TestIdentity.PASSWORD);
    browser.findElement(By.cssSelector("button[type=submit]")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.linkText("Start forløb")));
  }

  private String tasklist() {
    return "http://localhost:" + port + "/camunda/app/tasklist/default/";
  }

  /**
   * Clicks as a caseworker does: the element in view, and when a notification lies over it, the notification closed
   * first (or waited out) rather than clicking blind.
   */
  private void click(By locator) {
    wait.until(driver -> {
      WebElement element = ExpectedConditions.elementToBeClickable(locator).apply(driver);
      if (element == null) {
        return false;
      }
      script("arguments[0].scrollIntoView({block: 'center'});", element);
      if (Boolean.TRUE.equals(script(COVERED_BY_NOTIFICATION, element))) {
        script("document.querySelectorAll('.page-notifications .close').forEach(b => b.click());");
        return false;
      }
      element.click();
      return true;
    });
  }

  /** True when the centre of the element lies under a notification. */
  private static final String COVERED_BY_NOTIFICATION = """
      const r = arguments[0].getBoundingClientRect();
      const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      return top !== null && !arguments[0].contains(top) && top.closest('.page-notifications') !== null;
      """;

  /**
   * Whether a notification, as large as the notification area lets it grow, would lie over the element: the area is
   * filled with a placeholder of the widest and tallest notification, measured, and emptied again.
   */
  private boolean notificationAreaCovers(By locator) {
    WebElement element = wait.until(ExpectedConditions.visibilityOfElementLocated(locator));
    return Boolean.TRUE.equals(script("""
        const panel = document.querySelector('.page-notifications');
        const probe = document.createElement('div');
        probe.className = 'alert alert-danger';
        probe.style.width = '2000px';
        probe.style.maxWidth = '100%';
        probe.style.height = (window.innerHeight * 0.7) + 'px';
        panel.appendChild(probe);
        const p = probe.getBoundingClientRect();
        probe.remove();
        const b = arguments[0].getBoundingClientRect();
        return p.left < b.right && b.left < p.right && p.top < b.bottom && b.top < p.bottom;
        """, element));
  }

  private Object script(String script, Object... arguments) {
    return ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(script, arguments);
  }

  private WebElement field(String componentId) {
    return wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[id$='" + componentId + "']")));
  }

  private void type(String componentId, String text) {
    field(componentId).sendKeys(text);
  }

  private void tick(String componentId, String label) {
    click(By.xpath("//label[contains(@for,'" + componentId + "') and normalize-space()='" + label + "']"));
  }

  private <T> T await(java.util.function.Supplier<T> query) {
    return new WebDriverWait(browser, Duration.ofSeconds(20)).until(driver -> query.get());
  }
}
