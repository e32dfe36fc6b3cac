package dk.enplan.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageTestExecutionListener;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestExecutionListeners;

/**
 * The fast layer's test on the application's own engine and plan store, without a web server: one Spring context
 * ({@code WebEnvironment.NONE}: no Tomcat, no webapps, no REST) shared by all such classes, in-memory H2, no job
 * executor (tests run jobs and timers by element id), process-test coverage recorded per class. Runs in
 * {@code mvn test}; a test that needs HTTP is an integration test ({@link CourseEngineTest}, named {@code *IT}).
 * See docs/testing.md.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = EngineOnlyTest.WITHOUT_WEB)
@ActiveProfiles("test")
@Import(ProcessEngineCoverageConfiguration.class)
@TestExecutionListeners(listeners = ProcessEngineCoverageTestExecutionListener.class,
    mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
public @interface EngineOnlyTest {

  /**
   * Camunda's REST API and webapps need a servlet container: left out of a context without a web server. For the
   * wiring tests of the fast layer that configure their own {@code @SpringBootTest(webEnvironment = NONE)}.
   */
  String WITHOUT_WEB = "spring.autoconfigure.exclude="
      + "org.camunda.bpm.spring.boot.starter.rest.CamundaBpmRestJerseyAutoConfiguration,"
      + "org.camunda.bpm.spring.boot.starter.webapp.CamundaBpmWebappAutoConfiguration";
}
