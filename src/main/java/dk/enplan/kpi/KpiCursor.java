package dk.enplan.kpi;

import dk.enplan.process.RequestRefusedException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * Where the next page of a drill-down list starts: the sort values of the last row shown ({@code next} in the answer,
 * {@code after=} in the request), opaque to the caller. A moment is stored as microseconds since 1970 (the read
 * model's precision), text and numbers as they are.
 */
final class KpiCursor {

  /** The type of one sort value. */
  enum Type { TIME, TEXT, NUMBER }

  static final int MAX_LENGTH = 400;

  private KpiCursor() {
  }

  static String encode(List<Object> values) {
    List<String> parts = new ArrayList<>();
    for (Object value : values) {
      parts.add(value instanceof Timestamp t ? String.valueOf(ChronoUnit.MICROS.between(Instant.EPOCH, t.toInstant()))
          : String.valueOf(value));
    }
    return Base64.getUrlEncoder().withoutPadding().encodeToString(String.join("\n", parts)
        .getBytes(StandardCharsets.UTF_8));
  }

  /** The sort values of {@code after} for a list sorted by values of these types; empty when there is none. */
  static List<Object> decode(String after, List<Type> types) {
    if (after == null || after.isBlank()) {
      return List.of();
    }
    if (after.length() > MAX_LENGTH) {
      throw refused(after);
    }
    String[] parts;
    try {
      parts = new String(Base64.getUrlDecoder().decode(after), StandardCharsets.UTF_8).split("\n", -1);
    } catch (IllegalArgumentException e) {
      throw refused(after);
    }
    if (parts.length != types.size()) {
      throw refused(after);
    }
    List<Object> values = new ArrayList<>();
    for (int i = 0; i < parts.length; i++) {
      try {
        values.add(switch (types.get(i)) {
          case TIME -> Timestamp.from(Instant.EPOCH.plus(Long.parseLong(parts[i]), ChronoUnit.MICROS));
          case NUMBER -> Long.parseLong(parts[i]);
          case TEXT -> parts[i];
        });
      } catch (RuntimeException e) {
        throw refused(after);
      }
    }
    return values;
  }

  private static RequestRefusedException refused(String after) {
    return new RequestRefusedException(HttpStatus.BAD_REQUEST, "after", "'" + RequestRefusedException.shorten(after)
        + "' er ikke en gyldig fortsættelse af listen; brug next fra det forrige svar");
  }
}
