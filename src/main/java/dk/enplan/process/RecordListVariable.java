package dk.enplan.process;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.spin.json.SpinJsonNode;

/**
 * A list of records, as a dynamic list in a Camunda Form writes it (a JSON array of objects). Each record is read
 * as field → value; errors name the list, the position and the field, e.g. {@code goals[2].goal}.
 */
public final class RecordListVariable {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String name;

  public RecordListVariable(String name) {
    this.name = name;
  }

  public String name() {
    return name;
  }

  public List<Record> from(VariableScope scope) {
    Object value = scope.getVariable(name);
    List<Map<String, Object>> rows;
    if (value == null) {
      rows = List.of();
    } else if (value instanceof SpinJsonNode node && node.isArray()) {
      try {
        rows = JSON.readValue(node.toString(), new TypeReference<>() { });
      } catch (JsonProcessingException | IllegalArgumentException e) {
        throw new InvalidInputException(name, "skal være en liste af felter");
      }
    } else if (value instanceof List<?> list && list.stream().allMatch(Map.class::isInstance)) {
      rows = list.stream().map(row -> (Map<String, Object>) row).toList();
    } else {
      throw new InvalidInputException(name, "skal være en liste af felter");
    }
    List<Record> records = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      records.add(new Record(name + "[" + (i + 1) + "]", rows.get(i)));
    }
    return records;
  }

  /** One row of the list. */
  public record Record(String path, Map<String, Object> fields) {

    public String text(String field, int maxLength) {
      return optionalText(field, maxLength)
          .orElseThrow(() -> new InvalidInputException(path + "." + field, "skal udfyldes"));
    }

    public Optional<String> optionalText(String field, int maxLength) {
      Object value = fields.get(field);
      if (value == null || String.valueOf(value).isBlank()) {
        return Optional.empty();
      }
      String text = String.valueOf(value).trim();
      if (text.length() > maxLength) {
        throw new InvalidInputException(path + "." + field,
            "må højst være " + maxLength + " tegn (er " + text.length() + ")");
      }
      return Optional.of(text);
    }

    /** A date as the form's date picker writes it (yyyy-mm-dd). */
    public Optional<LocalDate> optionalDate(String field) {
      return optionalText(field, 40).map(text -> {
        try {
          return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
          throw new InvalidInputException(path + "." + field, "skal være en dato (åååå-mm-dd)");
        }
      });
    }

    public LocalDate date(String field) {
      return optionalDate(field).orElseThrow(() -> new InvalidInputException(path + "." + field, "skal udfyldes"));
    }

    public InvalidInputException invalid(String field, String message) {
      return new InvalidInputException(path + "." + field, message);
    }
  }
}
