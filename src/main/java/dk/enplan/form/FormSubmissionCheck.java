package dk.enplan.form;

import dk.enplan.process.InvalidInputException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Checks a submission against its form: every variable a field of the form, each value of its field's type, within
 * its {@code validate} constraints and options, every required field that the form shows present. The first
 * problem found is thrown as a {@link InvalidInputException} naming the field.
 */
@Component
class FormSubmissionCheck {

  private final FieldVisibility visibility;

  FormSubmissionCheck(FieldVisibility visibility) {
    this.visibility = visibility;
  }

  /**
   * @param submitted the submission's variables by name
   * @param existing  the variables the task or process already has (plain values), for options and visibility
   */
  void check(CamundaForm form, Map<String, SubmittedValue> submitted, Map<String, Object> existing) {
    Map<String, Object> values = new LinkedHashMap<>();
    submitted.forEach((name, value) -> values.put(name, value.plain()));
    Map<String, Object> context = new HashMap<>(existing);
    context.putAll(values);
    Map<String, FormShape> declared = form.variables().entries();
    for (String name : values.keySet()) {
      if (!declared.containsKey(name)) {
        throw new InvalidInputException(name, "er ikke et felt i formularen '" + form.id() + "' og kan ikke indsendes");
      }
    }
    for (Map.Entry<String, FormShape> entry : declared.entrySet()) {
      String name = entry.getKey();
      check(name, entry.getValue(), values.containsKey(name), values.get(name), existing.get(name), context,
          existing);
    }
  }

  private void check(String name, FormShape shape, boolean present, Object value, Object current,
                     Map<String, Object> context, Map<String, Object> existing) {
    boolean shown = !shape.disabled() && visibility.visible(shape.hides(), context);
    if (!shown) {
      if (present) {
        throw new InvalidInputException(name, shape.disabled() ? "kan ikke ændres i formularen"
            : "vises ikke i formularen med de valgte svar og kan ikke indsendes");
      }
      return;
    }
    if (shape.isField()) {
      checkField(name, shape.field(), present, value, current, existing);
    } else if (shape.isList()) {
      if (value == null) {
        return;
      }
      if (!(value instanceof List<?> rows)) {
        throw new InvalidInputException(name, "skal være en liste");
      }
      for (int i = 0; i < rows.size(); i++) {
        checkObject(name + "[" + i + "]", shape.row(), rows.get(i), context, existing);
      }
    } else {
      checkObject(name, shape, value, context, existing);
    }
  }

  private void checkObject(String name, FormShape shape, Object value, Map<String, Object> context,
                           Map<String, Object> existing) {
    if (value != null && !(value instanceof Map<?, ?>)) {
      throw new InvalidInputException(name, "skal være et objekt med formularens felter");
    }
    Map<?, ?> entries = value == null ? Map.of() : (Map<?, ?>) value;
    for (Object key : entries.keySet()) {
      if (!shape.entries().containsKey(String.valueOf(key))) {
        throw new InvalidInputException(name + "." + key, "er ikke et felt i formularen og kan ikke indsendes");
      }
    }
    shape.entries().forEach((key, inner) -> check(name + "." + key, inner, entries.containsKey(key),
        entries.get(key), null, context, existing));
  }

  private void checkField(String name, FormField field, boolean present, Object value, Object current,
                          Map<String, Object> existing) {
    if (isEmpty(field, value)) {
      if (field.required()) {
        throw new InvalidInputException(name, missing(field));
      }
      return;
    }
    if (field.readonly() && !same(value, current)) {
      throw new InvalidInputException(name, "kan ikke ændres i formularen");
    }
    switch (field.type()) {
      case "textfield", "textarea" -> checkText(name, field, value);
      case "number" -> checkNumber(name, field, value);
      case "checkbox" -> {
        if (!(value instanceof Boolean)) {
          throw new InvalidInputException(name, "skal være sand eller falsk (true/false)");
        }
      }
      case "checklist", "taglist" -> {
        if (!(value instanceof List<?> chosen)) {
          throw new InvalidInputException(name, "skal være en liste af valg");
        }
        List<String> options = options(name, field, existing);
        for (Object option : chosen) {
          if (option instanceof Collection<?> || option instanceof Map<?, ?> || !options.contains(
              String.valueOf(option))) {
            throw new InvalidInputException(name, "'" + option + "' er ikke et af valgene");
          }
        }
      }
      case "radio", "select" -> {
        if (value instanceof Collection<?> || value instanceof Map<?, ?>
            || !options(name, field, existing).contains(String.valueOf(value))) {
          throw new InvalidInputException(name, "'" + value + "' er ikke et af valgene");
        }
      }
      case "datetime" -> checkDate(name, field, value);
      default -> throw new InvalidInputException(name, "felttypen '" + field.type() + "' kan ikke indsendes");
    }
  }

  private static void checkText(String name, FormField field, Object value) {
    if (!(value instanceof String text)) {
      throw new InvalidInputException(name, "skal være tekst");
    }
    if (field.maxLength() != null && text.length() > field.maxLength()) {
      throw new InvalidInputException(name, "må højst være " + field.maxLength() + " tegn (er " + text.length() + ")");
    }
    if (field.minLength() != null && text.trim().length() < field.minLength()) {
      throw new InvalidInputException(name, "skal være mindst " + field.minLength() + " tegn");
    }
    if (field.pattern() != null && !Pattern.compile(field.pattern()).matcher(text).find()) {
      throw new InvalidInputException(name, "har ikke det format, formularen beder om");
    }
  }

  private static void checkNumber(String name, FormField field, Object value) {
    if (!(value instanceof Number number)) {
      throw new InvalidInputException(name, "skal være et tal");
    }
    double n = number.doubleValue();
    if (Double.isNaN(n) || Double.isInfinite(n)) {
      throw new InvalidInputException(name, "skal være et tal");
    }
    if (field.min() != null && n < field.min()) {
      throw new InvalidInputException(name, "skal være mindst " + plain(field.min()));
    }
    if (field.max() != null && n > field.max()) {
      throw new InvalidInputException(name, "må højst være " + plain(field.max()));
    }
  }

  private static void checkDate(String name, FormField field, Object value) {
    if (!(value instanceof String text)) {
      throw new InvalidInputException(name, "skal være en dato (åååå-mm-dd)");
    }
    String subtype = field.subtype() == null ? "date" : field.subtype();
    try {
      switch (subtype) {
        case "time" -> LocalTime.parse(text);
        case "datetime" -> {
          try {
            OffsetDateTime.parse(text);
          } catch (DateTimeParseException e) {
            LocalDateTime.parse(text);
          }
        }
        default -> LocalDate.parse(text);
      }
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(name, switch (subtype) {
        case "time" -> "skal være et klokkeslæt (tt:mm)";
        case "datetime" -> "skal være dato og tid (åååå-mm-ddTtt:mm)";
        default -> "skal være en dato (åååå-mm-dd)";
      });
    }
  }

  /** The field's option values: its own {@code values}, or those of the variable its {@code valuesKey} names. */
  private static List<String> options(String name, FormField field, Map<String, Object> existing) {
    if (field.values() != null) {
      return field.values();
    }
    Object options = field.valuesKey() == null ? null : existing.get(field.valuesKey());
    if (!(options instanceof List<?> list)) {
      throw new InvalidInputException(name, "har ingen valgmuligheder i denne opgave");
    }
    return list.stream().map(option -> option instanceof Map<?, ?> map ? String.valueOf(map.get("value"))
        : String.valueOf(option)).toList();
  }

  /** What a caseworker must do with a required field she left empty, in the words of its kind. */
  private static String missing(FormField field) {
    return switch (field.type()) {
      case "checkbox" -> "skal krydses af";
      case "checklist", "taglist" -> "vælg mindst én";
      case "radio", "select" -> "skal vælges";
      default -> "skal udfyldes";
    };
  }

  private static boolean isEmpty(FormField field, Object value) {
    return value == null || "".equals(value) || (value instanceof Collection<?> c && c.isEmpty())
        || ("checkbox".equals(field.type()) && Boolean.FALSE.equals(value));
  }

  private static boolean same(Object submitted, Object current) {
    return Objects.equals(submitted, current)
        || (submitted != null && current != null && String.valueOf(submitted).equals(String.valueOf(current)));
  }

  private static String plain(double number) {
    return number == Math.rint(number) ? String.valueOf((long) number) : String.valueOf(number);
  }
}
