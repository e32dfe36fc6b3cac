package dk.enplan.course;

import dk.enplan.process.CommandGuard;
import dk.enplan.process.InvalidInputException;
import dk.enplan.process.ProcessVariable;
import java.lang.reflect.Field;
import java.util.Collection;
import java.util.Map;
import org.camunda.bpm.engine.impl.cmd.AbstractCorrelateMessageCmd;
import org.camunda.bpm.engine.impl.cmd.MessageEventReceivedCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;

/**
 * The variables a course's messages may carry, checked in the engine before the message is correlated (over
 * {@code /engine-rest/message}, an execution's message trigger or the Java API): each message only its own
 * variables, texts within {@value ProcessVariable#TEXT_MAX} characters, {@code withdrawnSectors} a list of texts.
 * Anything else is refused naming the variable, and nothing is correlated. Whether the withdrawn sectors are within
 * the consent is checked where the withdrawal is handled ({@code stopSharing}).
 */
@Component
class CourseMessagePayloads implements CommandGuard {

  private enum Kind { TEXT, LIST }

  static final Map<String, Map<String, Kind>> PAYLOADS = Map.of(
      CourseProcess.Messages.CHANGED_CIRCUMSTANCES, Map.of(CourseVariables.CHANGE_DESCRIPTION.name(), Kind.TEXT),
      CourseProcess.Messages.CONSENT_WITHDRAWN, Map.of(CourseVariables.WITHDRAWN_SECTORS.name(), Kind.LIST),
      CourseProcess.Messages.COMPLAINT, Map.of(CourseVariables.COMPLAINT_TEXT.name(), Kind.TEXT),
      CourseProcess.Messages.MOVED_OUT, Map.of(CourseVariables.MOVE_NOTICE.name(), Kind.TEXT));

  private static final Field CORRELATION_BUILDER = field(AbstractCorrelateMessageCmd.class, "builder");
  private static final Field TRIGGERED_MESSAGE = field(MessageEventReceivedCmd.class, "messageName");
  private static final Field TRIGGER_VARIABLES = field(MessageEventReceivedCmd.class, "processVariables");
  private static final Field TRIGGER_LOCAL_VARIABLES = field(MessageEventReceivedCmd.class, "processVariablesLocal");
  private static final Field TRIGGER_SCOPE_VARIABLES =
      field(MessageEventReceivedCmd.class, "processVariablesToTriggeredScope");

  @Override
  public void check(Command<?> command) {
    if (command instanceof AbstractCorrelateMessageCmd correlation) {
      var builder = (org.camunda.bpm.engine.impl.MessageCorrelationBuilderImpl) read(CORRELATION_BUILDER, correlation);
      String message = builder.getMessageName();
      check(message, builder.getPayloadProcessInstanceVariables());
      check(message, builder.getPayloadProcessInstanceVariablesLocal());
      check(message, builder.getPayloadProcessInstanceVariablesToTriggeredScope());
    } else if (command instanceof MessageEventReceivedCmd trigger) {
      String message = (String) read(TRIGGERED_MESSAGE, trigger);
      check(message, asMap(read(TRIGGER_VARIABLES, trigger)));
      check(message, asMap(read(TRIGGER_LOCAL_VARIABLES, trigger)));
      check(message, asMap(read(TRIGGER_SCOPE_VARIABLES, trigger)));
    }
  }

  static void check(String message, Map<String, Object> variables) {
    Map<String, Kind> allowed = PAYLOADS.get(message);
    if (allowed == null || variables == null) {
      return;
    }
    variables.forEach((name, raw) -> {
      Kind kind = allowed.get(name);
      if (kind == null) {
        throw new InvalidInputException(name, "kan ikke sendes med beskeden " + message + "; tilladt er "
            + allowed.keySet());
      }
      Object value = raw instanceof TypedValue typed ? typed.getValue() : raw;
      if (value == null) {
        return;
      }
      if (kind == Kind.TEXT) {
        if (!(value instanceof String text)) {
          throw new InvalidInputException(name, "skal være en tekst");
        }
        if (text.length() > ProcessVariable.TEXT_MAX) {
          throw new InvalidInputException(name,
              "må højst være " + ProcessVariable.TEXT_MAX + " tegn (er " + text.length() + ")");
        }
      } else if (!(value instanceof Collection<?>) && !(value instanceof SpinJsonNode node && node.isArray())) {
        throw new InvalidInputException(name, "skal være en liste");
      }
    });
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asMap(Object value) {
    return (Map<String, Object>) value;
  }

  private static Object read(Field field, Object target) {
    try {
      return field.get(target);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("Cannot read " + field, e);
    }
  }

  private static Field field(Class<?> type, String name) {
    try {
      Field field = type.getDeclaredField(name);
      field.setAccessible(true);
      return field;
    } catch (NoSuchFieldException e) {
      throw new IllegalStateException("Camunda changed " + type.getName() + ": no field " + name, e);
    }
  }
}
