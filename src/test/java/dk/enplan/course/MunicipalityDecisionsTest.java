package dk.enplan.course;

import static dk.enplan.course.CourseProcess.Elements.VISITATION;
import static dk.enplan.course.CourseProcess.SectorElements.ASSESS_SECTOR;
import static dk.enplan.course.CourseSteps.businessKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dk.enplan.testing.CourseDriver;
import dk.enplan.testing.CourseEngineTest;
import dk.enplan.testing.TestIdentity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A municipality's freedom to organise: Ballerup deploys its own version of a decision table ({@code frister},
 * {@code maalgruppe}) under its tenant; Ballerup's courses follow it, every other municipality keeps the shared one.
 */
@CourseEngineTest
class MunicipalityDecisionsTest {

  @Autowired RepositoryService repository;
  @Autowired org.camunda.bpm.engine.RuntimeService runtime;
  @Autowired CourseSteps steps;
  @Autowired CourseDriver driver;
  @Autowired TestIdentity identity;

  private Deployment ballerupsTable;

  @BeforeEach
  void ballerupDecidesTwoWeeks() throws IOException {
    identity.ensure();
    String shared = Files.readString(Path.of("processes", "frister.dmn"));
    ballerupsTable = repository.createDeployment().name("Ballerups frister").tenantId("ballerup")
        .addString("frister.dmn", shared.replaceFirst("<text>&quot;P28D&quot;</text>", "<text>&quot;P14D&quot;</text>")
            .replaceFirst("(frister_default_out3\">\\s*<text>)&quot;P14D&quot;", "$1&quot;P5D&quot;"))
        .deploy();
  }

  @AfterEach
  void removeBallerupsTable() {
    repository.deleteDeployment(ballerupsTable.getId(), true);
  }

  @Test
  void ballerupsEgenTabelGaelderKunBallerupsForloeb() {
    ProcessInstance ballerup = steps.inJointAssessment("ballerup", List.of("beskaeftigelse"));
    ProcessInstance allerod = steps.inJointAssessment("allerod", List.of("beskaeftigelse"));

    assertThat(dueInDays(ballerup, ASSESS_SECTOR)).isCloseTo(14, within(0.01));
    assertThat(dueInDays(allerod, ASSESS_SECTOR)).isCloseTo(28, within(0.01));
  }

  @Test
  void enhverOpgaveFaarKommunensSagsbehandlingsfrist() {
    ProcessInstance ballerup = driver.refer("ballerup", CourseSteps.referral("0101901234", List.of("ledighed")));
    ProcessInstance allerod = driver.refer("allerod", CourseSteps.referral("0101901234", List.of("ledighed")));

    assertThat(dueInDays(ballerup, VISITATION)).isCloseTo(5, within(0.05));
    assertThat(dueInDays(allerod, VISITATION)).isCloseTo(14, within(0.05));
  }

  @Test
  void ballerupsEgenMaalgruppeTabelGaelderKunBallerupsHenvisninger() throws IOException {
    String shared = Files.readString(Path.of("processes", "maalgruppe.dmn"));
    Deployment ballerupsRule = repository.createDeployment().name("Ballerups målgruppe").tenantId("ballerup")
        .addString("maalgruppe.dmn", shared.replace("<text>>= 2</text>", "<text>>= 1</text>")
            .replace("<text>&lt; 2</text>", "<text>&lt; 1</text>"))
        .deploy();
    try {
      ProcessInstance ballerup = driver.refer("ballerup", CourseSteps.referral("0101901234", List.of("ledighed")));
      ProcessInstance allerod = driver.refer("allerod", CourseSteps.referral("0101901234", List.of("ledighed")));

      assertThat(runtime.getVariable(ballerup.getId(), "targetGroupSuggested")).isEqualTo(true);
      assertThat(runtime.getVariable(allerod.getId(), "targetGroupSuggested")).isEqualTo(false);
    } finally {
      repository.deleteDeployment(ballerupsRule.getId(), true);
    }
  }

  private double dueInDays(ProcessInstance course, String taskKey) {
    Instant due = driver.task(businessKey(course), taskKey).getDueDate().toInstant();
    return Duration.between(Instant.now(), due).toMinutes() / (24.0 * 60);
  }
}
