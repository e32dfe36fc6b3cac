package dk.enplan.process;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Rows a form offers as numbered groups of fields, e.g. {@code goal1Goal}, {@code goal1SubGoals}, {@code goal2Goal}
 * (Tasklist cannot complete a form after a dynamic list was edited, so forms use a fixed number of groups). A row
 * counts when any of its fields is filled; errors name the exact form field.
 */
public final class NumberedRows {

  private final String prefix;
  private final int count;
  private final List<String> fields;

  public NumberedRows(String prefix, int count, List<String> fields) {
    this.prefix = prefix;
    this.count = count;
    this.fields = List.copyOf(fields);
  }

  /** What every row's fields start with before the row's number, e.g. {@code goal}. */
  public String prefix() {
    return prefix;
  }

  /** How many rows the form offers. */
  public int count() {
    return count;
  }

  /** The name of the whole set, for errors about it, e.g. {@code goal1}. */
  public String first() {
    return prefix + 1;
  }

  /** Every field name of every row, e.g. {@code goal1Goal} … {@code goal3SubGoals}, in the form's order. */
  public List<String> names() {
    List<String> names = new ArrayList<>();
    for (int n = 1; n <= count; n++) {
      Row row = new Row(prefix + n, null);
      fields.forEach(field -> names.add(row.name(field)));
    }
    return names;
  }

  /** Row {@code n} (from 1) over {@code scope}. */
  public Row row(int n, VariableScope scope) {
    return new Row(prefix + n, scope);
  }

  public List<Row> from(VariableScope scope) {
    List<Row> rows = new ArrayList<>();
    for (int n = 1; n <= count; n++) {
      Row row = new Row(prefix + n, scope);
      if (fields.stream().anyMatch(field -> row.optionalText(field, Integer.MAX_VALUE).isPresent())) {
        rows.add(row);
      }
    }
    return rows;
  }

  /** One numbered group of fields. */
  public record Row(String path, VariableScope scope) {

    /** The form field of this row, e.g. {@code goal2SubGoals} for {@code subGoals}. */
    public String name(String field) {
      return path + Character.toUpperCase(field.charAt(0)) + field.substring(1);
    }

    public String text(String field, int maxLength) {
      return optionalText(field, maxLength)
          .orElseThrow(() -> new InvalidInputException(name(field), "skal udfyldes"));
    }

    public Optional<String> optionalText(String field, int maxLength) {
      return ProcessVariable.of(name(field), Object.class).optionalFrom(scope).map(value -> {
        String text = String.valueOf(value).trim();
        if (text.length() > maxLength) {
          throw new InvalidInputException(name(field), "må højst være " + maxLength + " tegn (er " + text.length()
              + ")");
        }
        return text;
      }).filter(text -> !text.isEmpty());
    }

    /** A date as the form's date picker writes it (yyyy-mm-dd). */
    public Optional<LocalDate> optionalDate(String field) {
      return optionalText(field, 40).map(text -> {
        try {
          return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
          throw new InvalidInputException(name(field), "skal være en dato (åååå-mm-dd)");
        }
      });
    }

    public LocalDate date(String field) {
      return optionalDate(field).orElseThrow(() -> new InvalidInputException(name(field), "skal udfyldes"));
    }

    public InvalidInputException invalid(String field, String message) {
      return new InvalidInputException(name(field), message);
    }
  }
}
