package dk.enplan.planapi;

import dk.enplan.process.RequestRefusedException;
import org.springframework.http.HttpStatus;

/**
 * A request the plan API refuses ({@link RequestRefusedException}), with the plan API's common refusals.
 */
class PlanApiException extends RequestRefusedException {

  PlanApiException(HttpStatus status, String field, String message) {
    super(status, field, message);
  }

  static PlanApiException unknownCourse(String courseId) {
    return new PlanApiException(HttpStatus.NOT_FOUND, "courseId", "ukendt forløb '" + shorten(courseId) + "'");
  }

  static PlanApiException forbidden(String message) {
    return new PlanApiException(HttpStatus.FORBIDDEN, null, message);
  }
}
