package dk.enplan.course;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import org.junit.jupiter.api.Test;

/** Dates in forms as a caseworker reads them, in Danish time whatever the server's zone. */
class DanishDatesTest {

  private final DanishDates dates = new DanishDates();

  @Test
  void enFristSentOmAftenenUtcErNaesteDagIDanmark() {
    assertThat(dates.date(Date.from(Instant.parse("2026-12-29T23:30:00Z")))).isEqualTo("30-12-2026");
    assertThat(dates.date(Date.from(Instant.parse("2026-07-01T21:59:00Z")))).isEqualTo("01-07-2026");
    assertThat(dates.date(Date.from(Instant.parse("2026-07-01T22:00:00Z")))).isEqualTo("02-07-2026");
  }

  @Test
  void enKalenderdatoVisesSomDagMaanedAar() {
    assertThat(DanishDates.of(LocalDate.of(2027, 3, 1))).isEqualTo("01-03-2027");
    assertThat(DanishDates.of((LocalDate) null)).isEmpty();
    assertThat(dates.date(null)).isEmpty();
  }
}
