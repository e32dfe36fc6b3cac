package dk.enplan.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dk.enplan.course.CourseProcess;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import dk.enplan.testing.EngineOnlyTest;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * Outside demo mode there are no demo users and no demo courses. Its own in-memory database, so users that other
 * tests create in the shared "test" context cannot hide or fake the result.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {EngineOnlyTest.WITHOUT_WEB,
    "spring.datasource.url=jdbc:h2:mem:enplan-no-demo;DB_CLOSE_DELAY=-1",
    // its own engine name: the REST API finds engines by name, and the shared context's is "default"
    "camunda.bpm.generate-unique-process-engine-name=true"})
@ActiveProfiles("test")
class DemoDataTestOutsideDemoModeTest {

  @Autowired IdentityService identity;
  @Autowired HistoryService history;
  @Autowired ApplicationContext context;

  @Test
  void noDemoUsersAndNoCourses() {
    assertThat(identity.createUserQuery().count()).isZero();
    assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey(CourseProcess.KEY).count()).isZero();
    assertThat(context.getBeansOfType(DemoCourses.class)).isEmpty();
    assertThat(context.getBeansOfType(DemoProperties.class)).isEmpty();
  }
}
