package dk.enplan.form;

import java.util.List;
import java.util.Map;

/**
 * What one submitted value may look like: an input field ({@code field}), an object of named entries (a group with
 * a path), or a list of such objects (a dynamic list, hidden by {@code hides}).
 */
public record FormShape(FormField field, Map<String, FormShape> entries, FormShape row, List<String> hides,
                        boolean disabled) {

  static FormShape leaf(FormField field) {
    return new FormShape(field, null, null, field.hideExpressions(), field.disabled());
  }

  static FormShape object(Map<String, FormShape> entries) {
    return new FormShape(null, entries, null, List.of(), false);
  }

  static FormShape repeated(FormShape row, List<String> hides, boolean disabled) {
    return new FormShape(null, null, row, List.copyOf(hides), disabled);
  }

  public boolean isField() {
    return field != null;
  }

  public boolean isList() {
    return row != null;
  }

  void collectFields(List<FormField> into) {
    if (field != null) {
      into.add(field);
    } else if (row != null) {
      row.collectFields(into);
    } else {
      entries.values().forEach(entry -> entry.collectFields(into));
    }
  }
}
