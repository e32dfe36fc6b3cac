package dk.enplan.export;

import dk.enplan.process.RequestRefusedException;
import org.springframework.http.HttpStatus;

/** An export refused before anything is written: the HTTP status, the field to blame (or null), Danish reason. */
class ExportRefusedException extends RequestRefusedException {

  ExportRefusedException(int status, String field, String reason) {
    super(HttpStatus.valueOf(status), field, reason);
  }
}
