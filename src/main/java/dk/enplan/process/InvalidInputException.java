package dk.enplan.process;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * Input that a caseworker or a specialist system must correct. Extends {@link BadUserRequestException} so the
 * REST API answers 400, and Tasklist shows the message; thrown inside the engine command it rolls back
 * everything the command wrote.
 */
public class InvalidInputException extends BadUserRequestException {

  private final String field;

  public InvalidInputException(String field, String message) {
    super(field + ": " + message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
