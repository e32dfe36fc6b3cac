package dk.enplan.migration;

import dk.enplan.process.RequestRefusedException;
import org.springframework.http.HttpStatus;

/** A migration request refused before anything is planned: the status, the field to correct, a Danish message. */
final class CourseMigrationException extends RequestRefusedException {

  CourseMigrationException(HttpStatus status, String field, String message) {
    super(status, field, message);
  }
}
