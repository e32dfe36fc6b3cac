package dk.enplan.planapi;

import org.springframework.http.HttpStatus;

/**
 * A request the plan API refuses, with the status to answer and, where one input is to blame, the field; the message
 * reads like {@link dk.enplan.process.InvalidInputException}'s: {@code "<field>: <what is wrong>"}.
 */
class PlanApiException extends RuntimeException {

  private final HttpStatus status;
  private final String field;

  PlanApiException(HttpStatus status, String field, String message) {
    super(field == null ? message : field + ": " + message);
    this.status = status;
    this.field = field;
  }

  static PlanApiException unknownCourse(String courseId) {
    return new PlanApiException(HttpStatus.NOT_FOUND, "courseId", "ukendt forløb '" + shorten(courseId) + "'");
  }

  static PlanApiException forbidden(String message) {
    return new PlanApiException(HttpStatus.FORBIDDEN, null, message);
  }

  HttpStatus status() {
    return status;
  }

  String field() {
    return field;
  }

  /** Echoes at most 64 characters of what the caller sent. */
  static String shorten(String value) {
    return value.length() <= 64 ? value : value.substring(0, 64) + "…";
  }
}
