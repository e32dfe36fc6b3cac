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
 * An integration test (named {@code *IT}, run by Failsafe in {@code mvn verify}) on the application's own engine and
 * HTTP server: one Spring context shared by all such classes, in-memory H2, no job executor (tests run jobs and
 * timers by element id), process-test coverage recorded per class. A test that needs no HTTP uses
 * {@link EngineOnlyTest} and runs in {@code mvn test} (docs/testing.md).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(ProcessEngineCoverageConfiguration.class)
@TestExecutionListeners(listeners = ProcessEngineCoverageTestExecutionListener.class,
    mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
public @interface CourseEngineTest {

  /**
   * The tag of the integration tests that must not share a JVM with this shared context, or must run after all
   * others: the classes that start applications of their own in the test JVM (Camunda's webapps keep JVM-wide state)
   * and {@code ProcessCoverageSummaryIT}. Failsafe runs them in a second execution, in one JVM of their own, in their
   * {@code @Order}, after the shared context's classes (pom.xml, docs/testing.md); a class with the tag has an
   * {@code @Order} and a class with an {@code @Order} has the tag ({@code TestLayersTest}).
   */
  String AFTER_SHARED_CONTEXT = "after-shared-context";
}
