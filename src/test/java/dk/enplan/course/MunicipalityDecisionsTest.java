package dk.enplan.course;

import static dk.enplan.course.CourseProcess.Elements.VISITATION;
import static dk.enplan.course.CourseProcess.SectorElements.ASSESS_SECTOR;
import static dk.enplan.course.CourseSteps.businessKey;
import static org.assertj.core.api.Assertions.assertThat;

import dk.enplan.testing.CourseDriver;
import dk.enplan.testing.EngineOnlyTest;
import dk.enplan.testing.TestIdentity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A municipality's freedom to organise: Ballerup deploys its own version of a decision table ({@code frister},
 * {@code maalgruppe}) under its tenant; Ballerup's courses follow it, every other municipality keeps the shared one.
 * Due dates are exact: the engine's clock is fixed shortly before a daylight-saving change, and a deadline of n days
 * is the same Danish wall-clock time n calendar days later (a day across the change has 23 or 25 hours).
 */
@EngineOnlyTest
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
    ClockUtil.reset();
    repository.deleteDeployment(ballerupsTable.getId(), true);
  }

  @Test
  void ballerupsEgenTabelGaelderKunBallerupsForloeb() {
    // Friday 20 March 2026, 09:00 in Copenhagen (CET); summer time starts on Sunday 29 March.
    ZonedDateTime now = ZonedDateTime.of(2026, 3, 20, 9, 0, 0, 0, DanishDates.DANISH_TIME);
    ClockUtil.setCurrentTime(Date.from(now.toInstant()));
    ProcessInstance ballerup = steps.inJointAssessment("ballerup", List.of("beskaeftigelse"));
    ProcessInstance allerod = steps.inJointAssessment("allerod", List.of("beskaeftigelse"));

    // 14 and 28 days later at 09:00 CEST: 13 days 23 hours and 27 days 23 hours of elapsed time
    assertThat(due(ballerup, ASSESS_SECTOR)).isEqualTo(Instant.parse("2026-04-03T07:00:00Z"))
        .isEqualTo(now.plusDays(14).toInstant());
    assertThat(due(allerod, ASSESS_SECTOR)).isEqualTo(Instant.parse("2026-04-17T07:00:00Z"))
        .isEqualTo(now.plusDays(28).toInstant());
    assertThat(Duration.between(now.toInstant(), due(ballerup, ASSESS_SECTOR))).isEqualTo(Duration.ofHours(14 * 24 - 1));
  }

  @Test
  void enhverOpgaveFaarKommunensSagsbehandlingsfrist() {
    // Tuesday 20 October 2026, 10:00 in Copenhagen (CEST); winter time starts on Sunday 25 October.
    ZonedDateTime now = ZonedDateTime.of(2026, 10, 20, 10, 0, 0, 0, DanishDates.DANISH_TIME);
    ClockUtil.setCurrentTime(Date.from(now.toInstant()));
    ProcessInstance ballerup = driver.refer("ballerup", CourseSteps.referral("0101901234", List.of("ledighed")));
    ProcessInstance allerod = driver.refer("allerod", CourseSteps.referral("0101901234", List.of("ledighed")));

    // 5 and 14 days later at 10:00 CET: 5 days 1 hour and 14 days 1 hour of elapsed time
    assertThat(due(ballerup, VISITATION)).isEqualTo(Instant.parse("2026-10-25T09:00:00Z"))
        .isEqualTo(now.plusDays(5).toInstant());
    assertThat(due(allerod, VISITATION)).isEqualTo(Instant.parse("2026-11-03T09:00:00Z"))
        .isEqualTo(now.plusDays(14).toInstant());
    assertThat(Duration.between(now.toInstant(), due(ballerup, VISITATION))).isEqualTo(Duration.ofHours(5 * 24 + 1));
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

  private Instant due(ProcessInstance course, String taskKey) {
    return driver.task(businessKey(course), taskKey).getDueDate().toInstant();
  }
}
