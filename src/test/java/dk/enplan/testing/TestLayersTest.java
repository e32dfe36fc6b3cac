package dk.enplan.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.annotation.AnnotatedElementUtils;

/**
 * The rule of the test pyramid (docs/testing.md), checked on the compiled test classes: a class that starts the web
 * server ({@link CourseEngineTest}, a {@code RANDOM_PORT} or {@code DEFINED_PORT} {@link SpringBootTest}, a
 * {@link LocalServerPort}) is an integration test named {@code *IT}, which Failsafe runs in {@code mvn verify};
 * a {@code *Test}, which Surefire runs in {@code mvn test}, never does.
 */
class TestLayersTest {

  private static final Path TEST_CLASSES = Path.of("target", "test-classes");

  @Test
  void aClassThatStartsTheWebServerIsNamedIT() throws IOException {
    List<Class<?>> classes = testClasses();
    assertThat(classes).as("test classes in %s", TEST_CLASSES).isNotEmpty();
    List<String> fastButServing = classes.stream()
        .filter(c -> !c.isAnnotation() && c.getSimpleName().endsWith("Test") && startsTheWebServer(c))
        .map(Class::getName).toList();
    assertThat(fastButServing).as("*Test classes (mvn test) that start the web server: rename them *IT, or use "
        + "@EngineOnlyTest if they need no HTTP").isEmpty();
  }

  /**
   * Failsafe runs the shared context's classes in two JVMs, each taking the next class when it is free, so an
   * {@code @Order} orders nothing there: a class that must run after them (and in a JVM without them) carries the tag
   * of Failsafe's second execution, which runs in one JVM and keeps the {@code @Order}.
   */
  @Test
  void anIntegrationTestWithAnOrderRunsAfterTheSharedContext() throws IOException {
    List<String> untagged = testClasses().stream().filter(c -> c.getSimpleName().endsWith("IT"))
        .filter(c -> c.isAnnotationPresent(Order.class) != afterSharedContext(c)).map(Class::getName).toList();
    assertThat(untagged).as("*IT classes with an @Order but without @Tag(CourseEngineTest.AFTER_SHARED_CONTEXT), or "
        + "the other way round").isEmpty();
  }

  private static boolean afterSharedContext(Class<?> type) {
    return Stream.of(type.getAnnotationsByType(Tag.class))
        .anyMatch(tag -> tag.value().equals(CourseEngineTest.AFTER_SHARED_CONTEXT));
  }

  @Test
  void theEngineOnlyLayerStartsNoWebServer() {
    SpringBootTest engineOnly = EngineOnlyTest.class.getAnnotation(SpringBootTest.class);
    assertThat(engineOnly.webEnvironment()).isEqualTo(SpringBootTest.WebEnvironment.NONE);
    assertThat(startsTheWebServer(CourseEngineTest.class)).isTrue();
  }

  private static boolean startsTheWebServer(Class<?> type) {
    SpringBootTest boot = AnnotatedElementUtils.findMergedAnnotation(type, SpringBootTest.class);
    if (boot != null && (boot.webEnvironment() == SpringBootTest.WebEnvironment.RANDOM_PORT
        || boot.webEnvironment() == SpringBootTest.WebEnvironment.DEFINED_PORT)) {
      return true;
    }
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      for (Field field : c.getDeclaredFields()) {
        if (field.isAnnotationPresent(LocalServerPort.class)) {
          return true;
        }
      }
    }
    return false;
  }

  private static List<Class<?>> testClasses() throws IOException {
    try (Stream<Path> files = Files.walk(TEST_CLASSES)) {
      return files.map(TEST_CLASSES::relativize).map(Path::toString)
          .filter(name -> name.endsWith(".class") && !name.contains("$"))
          .map(name -> name.substring(0, name.length() - ".class".length()).replace('/', '.'))
          .map(TestLayersTest::load).toList();
    }
  }

  private static Class<?> load(String name) {
    try {
      return Class.forName(name, false, TestLayersTest.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(name, e);
    }
  }
}
