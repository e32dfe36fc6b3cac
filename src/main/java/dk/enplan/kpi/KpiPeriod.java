package dk.enplan.kpi;

import dk.enplan.course.DanishDates;
import dk.enplan.process.RequestRefusedException;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;

/** The period a KPI request asks for: whole months {@code from} to {@code to}, both included, at most ten years. */
record KpiPeriod(YearMonth from, YearMonth to) {

  private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");
  static final int MAX_MONTHS = 120;

  static KpiPeriod parse(String from, String to) {
    YearMonth first = month("from", from);
    YearMonth last = month("to", to);
    if (first.isAfter(last)) {
      throw new RequestRefusedException(HttpStatus.BAD_REQUEST, "from",
          "perioden begynder efter den slutter (to er " + last + ")");
    }
    if (first.plusMonths(MAX_MONTHS).isBefore(last.plusMonths(1))) {
      throw new RequestRefusedException(HttpStatus.BAD_REQUEST, "to", "perioden må højst være " + MAX_MONTHS
          + " måneder");
    }
    return new KpiPeriod(first, last);
  }

  private static YearMonth month(String field, String value) {
    if (value == null || value.isBlank()) {
      throw new RequestRefusedException(HttpStatus.BAD_REQUEST, field, "mangler; angiv en måned som ÅÅÅÅ-MM, fx 2026-01");
    }
    if (!MONTH.matcher(value).matches()) {
      throw new RequestRefusedException(HttpStatus.BAD_REQUEST, field, "'" + RequestRefusedException.shorten(value)
          + "' er ikke en måned som ÅÅÅÅ-MM, fx 2026-01");
    }
    try {
      YearMonth month = YearMonth.parse(value);
      if (month.getYear() < 2000) {
        throw new RequestRefusedException(HttpStatus.BAD_REQUEST, field, "'" + value + "' ligger før år 2000");
      }
      return month;
    } catch (DateTimeParseException e) {
      throw new RequestRefusedException(HttpStatus.BAD_REQUEST, field, "'" + value + "' er ikke en gyldig måned");
    }
  }

  /** The period's first moment, midnight Danish time at the start of {@code from}. */
  Instant start() {
    return from.atDay(1).atStartOfDay(DanishDates.DANISH_TIME).toInstant();
  }

  /** The first moment after the period. */
  Instant end() {
    return to.plusMonths(1).atDay(1).atStartOfDay(DanishDates.DANISH_TIME).toInstant();
  }

  int fromMonth() {
    return KpiMonth.of(from);
  }

  int toMonth() {
    return KpiMonth.of(to);
  }

  List<YearMonth> months() {
    List<YearMonth> months = new ArrayList<>();
    for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
      months.add(m);
    }
    return months;
  }
}
