package dk.enplan.process;

import org.springframework.http.HttpStatus;

/**
 * A request to one of the application's own endpoints (plan API, export, course migration) refused before anything
 * is written: the status to answer, the field to blame where one input is (else null), and a Danish message that
 * reads like {@link InvalidInputException}'s, {@code "<field>: <what is wrong>"}.
 */
public class RequestRefusedException extends RuntimeException {

  private final HttpStatus status;
  private final String field;

  public RequestRefusedException(HttpStatus status, String field, String message) {
    super(field == null ? message : field + ": " + message);
    this.status = status;
    this.field = field;
  }

  public HttpStatus status() {
    return status;
  }

  public String field() {
    return field;
  }

  /** Echoes at most 64 characters of what the caller sent. */
  public static String shorten(String value) {
    return value.length() <= 64 ? value : value.substring(0, 64) + "…";
  }
}
