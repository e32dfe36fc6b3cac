package dk.enplan.tasklist;

import static dk.enplan.course.CourseProcess.Elements.OBTAIN_CONSENT;
import static dk.enplan.course.CourseProcess.Elements.VISITATION;
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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A caseworker in a real browser (Debian's Chromium, headless): refers a citizen through the start form in
 * Tasklist, then visitates with the visitation form, so the forms are proven to write what the model reads.
 * Skipped where Chromium and ChromeDriver are not installed ({@code .ci/run} installs them).
 */
@CourseEngineTest
class TasklistEndToEndTest {

  @LocalServerPort int port;
  @Autowired TestIdentity identity;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired CourseDriver driver;

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
    assertThat(runtime.getVariable(course.getId(), "chosenSectors")).asList()
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
}
