package dk.enplan.kpi;

import dk.enplan.course.DanishDates;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;

/** Months as the read model stores them: {@code yyyymm} integers in Danish time. */
final class KpiMonth {

  /** The month of the counters that hold "now" (active courses by phase). */
  static final int NOW = 0;

  private KpiMonth() {
  }

  static int of(Instant moment) {
    return of(YearMonth.from(LocalDate.ofInstant(moment, DanishDates.DANISH_TIME)));
  }

  static int of(YearMonth month) {
    return month.getYear() * 100 + month.getMonthValue();
  }

  static YearMonth toYearMonth(int month) {
    return YearMonth.of(month / 100, month % 100);
  }

  /** Calendar days in Denmark from one moment to a later one (0 on the same day). */
  static int daysBetween(Instant from, Instant to) {
    return (int) ChronoUnit.DAYS.between(LocalDate.ofInstant(from, DanishDates.DANISH_TIME),
        LocalDate.ofInstant(to, DanishDates.DANISH_TIME));
  }
}
