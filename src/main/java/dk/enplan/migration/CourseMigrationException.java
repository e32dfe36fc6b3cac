package dk.enplan.migration;

import org.springframework.http.HttpStatus;

/** A migration request refused before anything is planned: the status, the field to correct, a Danish message. */
final class CourseMigrationException extends RuntimeException {

  private final HttpStatus status;
  private final String field;

  CourseMigrationException(HttpStatus status, String field, String message) {
    super(field == null ? message : field + ": " + message);
    this.status = status;
    this.field = field;
  }

  HttpStatus status() {
    return status;
  }

  String field() {
    return field;
  }
}
