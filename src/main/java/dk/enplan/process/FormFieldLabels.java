package dk.enplan.process;

import java.util.Optional;

/**
 * How the form a caseworker submitted names its fields: the label she reads (with the label of the group it sits in)
 * and the field's id in the form, by the variable the field writes. The form check puts the submitted form on the
 * request under {@link #REQUEST_ATTRIBUTE}, so input the engine refuses is answered in the form's words.
 */
public interface FormFieldLabels {

  String REQUEST_ATTRIBUTE = FormFieldLabels.class.getName();

  /** The form's field writing {@code variable} (a form field's key, {@code group.key} for a group with a path). */
  Optional<Labelled> field(String variable);

  /** A field as the form shows it: {@code label} as the caseworker reads it, {@code id} the form component's id. */
  record Labelled(String label, String id) {
  }
}
