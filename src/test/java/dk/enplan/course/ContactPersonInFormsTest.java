package dk.enplan.course;

import static dk.enplan.course.CourseProcess.Elements.OBTAIN_CONSENT;
import static dk.enplan.course.CourseProcess.SectorElements.ASSESS_SECTOR;
import static org.assertj.core.api.Assertions.assertThat;

import dk.enplan.testing.CourseDriver;
import dk.enplan.testing.EngineOnlyTest;
import dk.enplan.testing.TestIdentity;
import java.util.List;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 14, item 6: the forms name the coordinating contact person by name, phone and e-mail (the identity service's
 * name and e-mail, the configured phone), in the course's own forms and in the sectors' called processes; the forms
 * show {@code {{coordinatorContact}}}, never the user id.
 */
@EngineOnlyTest
class ContactPersonInFormsTest {

  private static final String SHOWN = "koordinator allerod, tlf. 48 10 00 01, koordinator@allerod.kommune.example";

  @Autowired CourseSteps steps;
  @Autowired CourseDriver driver;
  @Autowired TestIdentity identity;
  @Autowired TaskService tasks;
  @Autowired FormService forms;

  @BeforeEach
  void setUp() {
    identity.ensure();
  }

  @Test
  void theConsentFormAndTheSectorsAssessmentShowTheContactPersonByNamePhoneAndEmail() throws Exception {
    ProcessInstance course = steps.refer(List.of("ledighed", "forsoergelse"));
    steps.visitate(course, List.of("beskaeftigelse"));
    Task consent = steps.task(course, OBTAIN_CONSENT);
    assertThat(tasks.getVariable(consent.getId(), CourseVariables.COORDINATOR_CONTACT.name())).isEqualTo(SHOWN);
    assertThat(formText(consent)).contains("{{coordinatorContact}}").doesNotContain("{{coordinator}}");

    steps.consent(course, List.of("beskaeftigelse"));
    Task assessment = driver.task(CourseSteps.businessKey(course), ASSESS_SECTOR);
    assertThat(tasks.getVariable(assessment.getId(), CourseVariables.COORDINATOR_CONTACT.name())).isEqualTo(SHOWN);
    assertThat(formText(assessment)).contains("{{coordinatorContact}}").doesNotContain("{{coordinator}}");
  }

  private String formText(Task task) throws Exception {
    try (var form = forms.getDeployedTaskForm(task.getId())) {
      return new String(form.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
  }
}
