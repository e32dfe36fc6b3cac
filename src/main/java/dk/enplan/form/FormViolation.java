package dk.enplan.form;

/** A submission the form does not allow: the field and the Danish reason, answered as 400. */
public class FormViolation extends RuntimeException {

  private final String field;

  public FormViolation(String field, String message) {
    super(field + ": " + message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
