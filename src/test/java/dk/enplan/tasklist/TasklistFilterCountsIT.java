package dk.enplan.tasklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dk.enplan.course.CourseProcess;
import dk.enplan.course.CourseSteps;
import dk.enplan.demo.DemoTasklistFilters;
import dk.enplan.testing.CourseDriver;
import dk.enplan.testing.CourseEngineTest;
import dk.enplan.testing.TestIdentity;
import java.nio.file.Path;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The counts next to Tasklist's filters, which a node answers again while nothing changed (TaskCountCache), follow
 * every change in a real browser: a new referral in the municipality, and the caseworker's own claim.
 */
@CourseEngineTest
class TasklistFilterCountsIT {

  @LocalServerPort int port;
  @Autowired TestIdentity identity;
  @Autowired CourseSteps steps;
  @Autowired CourseDriver driver;
  @Autowired FilterService filters;
  @Autowired TaskService tasks;
  @Autowired AuthorizationService authorizations;

  private TasklistPage page;

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
      page.close();
    }
  }

  @Test
  void theFilterCountsFollowAReferralAndAClaim() {
    String user = "visitation.allerod";
    long sector = count(user, DemoTasklistFilters.MY_SECTOR);
    long mine = count(user, DemoTasklistFilters.MY_TASKS);
    page.logIn(user, TestIdentity.PASSWORD);
    page.awaitFilterCount(DemoTasklistFilters.MY_SECTOR, sector);
    page.awaitFilterCount(DemoTasklistFilters.MY_SECTOR, sector);

    ProcessInstance course = steps.refer(List.of("ledighed", "forsoergelse"));
    page.awaitFilterCount(DemoTasklistFilters.MY_SECTOR, sector + 1);

    page.openTask(steps.task(course, CourseProcess.Elements.VISITATION).getId());
    page.claim();
    page.awaitFilterCount(DemoTasklistFilters.MY_SECTOR, sector);
    page.awaitFilterCount(DemoTasklistFilters.MY_TASKS, mine + 1);
    page.screenshot(Path.of("target", "e2e", "tasklist-taellere-visitation.allerod.png"));
  }

  /** The filter's count as the engine gives it to the user. */
  private long count(String user, String filterName) {
    String id = filters.createTaskFilterQuery().filterName(filterName).singleResult().getId();
    return driver.as(user, List.of("visitation"), "allerod", () -> filters.count(id));
  }
}
