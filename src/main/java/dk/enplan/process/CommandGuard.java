package dk.enplan.process;

import org.camunda.bpm.engine.impl.interceptor.Command;

/**
 * A check on an engine command before it runs, inside its command context: throws an {@link InvalidInputException}
 * to refuse it. Every bean of this type is installed by {@link EngineInputGuards}.
 */
public interface CommandGuard {

  void check(Command<?> command);
}
