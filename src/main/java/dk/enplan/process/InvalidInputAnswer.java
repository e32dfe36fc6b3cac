package dk.enplan.process;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The body of the 400 answer to input that is refused, wherever it is refused (the form check before the engine, or
 * a check inside it): {@code {"type": "InvalidInputException", "field": …, "message": …}}. For a form submission
 * the message names the field as the form labels it ("Indsats 2, Planlagt slut: slutdatoen ligger før
 * startdatoen"), and {@code label} and {@code formFieldId} (the form component's id, for marking the field) are
 * added; otherwise, and for a variable the form has no field for, the message is {@code field: reason}.
 */
public final class InvalidInputAnswer {

  private InvalidInputAnswer() {
  }

  public static Map<String, Object> body(InvalidInputException invalid, FormFieldLabels form) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "InvalidInputException");
    body.put("field", invalid.field());
    FormFieldLabels.Labelled labelled = form == null ? null : form.field(invalid.field()).orElse(null);
    if (labelled == null) {
      body.put("message", invalid.getMessage());
    } else {
      body.put("message", labelled.label() + ": " + invalid.reason());
      body.put("label", labelled.label());
      body.put("formFieldId", labelled.id());
    }
    return body;
  }
}
