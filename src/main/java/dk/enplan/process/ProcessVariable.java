package dk.enplan.process;

import java.util.Optional;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Typed access to one process variable: the name is written once, reads fail with the variable's name when a
 * required value is missing or of the wrong type.
 */
public final class ProcessVariable<T> {

  /** The longest free text a form accepts (every textarea's maxLength). */
  public static final int TEXT_MAX = 4000;

  private final String name;
  private final Class<T> type;

  private ProcessVariable(String name, Class<T> type) {
    this.name = name;
    this.type = type;
  }

  public static <T> ProcessVariable<T> of(String name, Class<T> type) {
    return new ProcessVariable<>(name, type);
  }

  public static ProcessVariable<String> string(String name) {
    return new ProcessVariable<>(name, String.class);
  }

  public static ProcessVariable<Boolean> bool(String name) {
    return new ProcessVariable<>(name, Boolean.class);
  }

  public static ProcessVariable<Integer> integer(String name) {
    return new ProcessVariable<>(name, Integer.class);
  }

  public static ProcessVariable<Number> number(String name) {
    return new ProcessVariable<>(name, Number.class);
  }

  public String name() {
    return name;
  }

  /** The value, or an {@link InvalidInputException} naming the variable when it is absent or blank. */
  public T from(VariableScope scope) {
    return optionalFrom(scope).orElseThrow(() -> new InvalidInputException(name, "skal udfyldes"));
  }

  /** A required text of at most {@code maxLength} characters, trimmed. */
  public String text(VariableScope scope, int maxLength) {
    return optionalText(scope, maxLength)
        .orElseThrow(() -> new InvalidInputException(name, "skal udfyldes"));
  }

  /** An optional text of at most {@code maxLength} characters, trimmed. */
  public Optional<String> optionalText(VariableScope scope, int maxLength) {
    return optionalFrom(scope).map(value -> {
      String text = String.valueOf(value).trim();
      if (text.length() > maxLength) {
        throw new InvalidInputException(name, "må højst være " + maxLength + " tegn (er " + text.length() + ")");
      }
      return text;
    });
  }

  public Optional<T> optionalFrom(VariableScope scope) {
    Object value = scope.getVariable(name);
    if (value == null || (value instanceof String s && s.isBlank())) {
      return Optional.empty();
    }
    if (!type.isInstance(value)) {
      throw new InvalidInputException(name, "har en forkert type (" + value.getClass().getSimpleName() + ")");
    }
    return Optional.of(type.cast(value));
  }

  public void set(VariableScope scope, T value) {
    scope.setVariable(name, value);
  }

  public void setLocal(VariableScope scope, T value) {
    scope.setVariableLocal(name, value);
  }

  @Override
  public String toString() {
    return name;
  }
}
