package dk.enplan.export;

/** An export refused before anything is written: the HTTP status, the field to blame (or null), Danish reason. */
class ExportRefusedException extends RuntimeException {

  private final int status;
  private final String field;

  ExportRefusedException(int status, String field, String reason) {
    super(field == null ? reason : field + ": " + reason);
    this.status = status;
    this.field = field;
  }

  int status() {
    return status;
  }

  String field() {
    return field;
  }
}
