package dk.enplan.process;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * Input that a caseworker or a specialist system must correct. Extends {@link BadUserRequestException} so the
 * REST API answers 400, and Tasklist shows the message; thrown inside the engine command it rolls back
 * everything the command wrote. The message is {@code field: reason}; an answer to a form submission names the
 * field by its label instead ({@link InvalidInputAnswer}).
 */
public class InvalidInputException extends BadUserRequestException {

  private final String field;
  private final String reason;

  public InvalidInputException(String field, String reason) {
    super(field + ": " + reason);
    this.field = field;
    this.reason = reason;
  }

  public String field() {
    return field;
  }

  /** What is wrong, without the field's name, e.g. {@code slutdatoen ligger før startdatoen}. */
  public String reason() {
    return reason;
  }
}
