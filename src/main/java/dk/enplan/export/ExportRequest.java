package dk.enplan.export;

import dk.enplan.municipality.Municipality;
import dk.enplan.municipality.MunicipalityCatalog;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * What the evaluator asked for: one municipality, the courses referred from {@code from} to {@code to} (both days
 * included, Danish time), as CSV or JSON. Checked before anything is read or written: bad input is a 400 naming the
 * field.
 */
record ExportRequest(Municipality municipality, LocalDate from, LocalDate to, ExportFormat format) {

  static ExportRequest parse(MunicipalityCatalog municipalities, String municipality, String from, String to,
                             String format) {
    if (municipality == null || municipality.isBlank()) {
      throw new ExportRefusedException(400, "municipality", "skal angives, fx allerod");
    }
    Municipality known = municipalities.byTenant(municipality.trim()).orElseThrow(() ->
        new ExportRefusedException(400, "municipality", "ukendt kommune; brug kommunens tenant-id, fx allerod"));
    LocalDate first = date("from", from);
    LocalDate last = date("to", to);
    if (first.isAfter(last)) {
      throw new ExportRefusedException(400, "from", "perioden begynder efter den slutter (to er " + last + ")");
    }
    return new ExportRequest(known, first, last, format(format));
  }

  private static LocalDate date(String field, String value) {
    if (value == null || value.isBlank()) {
      throw new ExportRefusedException(400, field, "skal angives som dato (ÅÅÅÅ-MM-DD)");
    }
    try {
      return LocalDate.parse(value.trim());
    } catch (DateTimeParseException e) {
      throw new ExportRefusedException(400, field, "er ikke en gyldig dato; brug ÅÅÅÅ-MM-DD, fx 2026-01-31");
    }
  }

  private static ExportFormat format(String value) {
    if (value == null || value.isBlank()) {
      return ExportFormat.CSV;
    }
    try {
      return ExportFormat.valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ExportRefusedException(400, "format", "skal være csv eller json");
    }
  }
}
