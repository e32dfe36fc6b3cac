package dk.enplan.deployment;

import java.util.Arrays;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.ApplicationContext;

/**
 * What the models may name of the Spring context: the application's own delegates (beans of type
 * {@link JavaDelegate}, {@link TaskListener} or {@link ExecutionListener} whose class is in {@code dk.enplan}), the
 * only targets of {@code camunda:delegateExpression}; and every other bean name, which an expression may not read.
 */
final class ApplicationBeans {

  private static final String OWN_PACKAGE = "dk.enplan.";

  private final Predicate<String> delegate;
  private final Predicate<String> bean;

  ApplicationBeans(Predicate<String> delegate, Predicate<String> bean) {
    this.delegate = delegate;
    this.bean = bean;
  }

  /** Reads bean names and types from the context without creating any bean. */
  static ApplicationBeans of(ApplicationContext context) {
    return new ApplicationBeans(name -> delegateNames(context).contains(name), context::containsBean);
  }

  private static Set<String> delegateNames(ApplicationContext context) {
    return Stream.of(JavaDelegate.class, TaskListener.class, ExecutionListener.class)
        .flatMap(type -> Arrays.stream(context.getBeanNamesForType(type, false, false)))
        .filter(name -> {
          Class<?> type = context.getType(name, false);
          return type != null && type.getName().startsWith(OWN_PACKAGE);
        })
        .collect(Collectors.toSet());
  }

  boolean isDelegate(String name) {
    return delegate.test(name);
  }

  boolean isBean(String name) {
    return bean.test(name);
  }
}
