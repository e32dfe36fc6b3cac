package dk.enplan.course;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import org.springframework.stereotype.Component;

/**
 * Dates as a caseworker reads them in a form: {@code dd-mm-åååå}, a point in time in Danish time
 * (Europe/Copenhagen) whatever the server's or the browser's time zone. Tasklist shows a stored date as the raw
 * ISO text ({@code 2026-12-29T20:56:25}, in the browser's zone), so what a form's text view shows is written here.
 * Models call it as {@code ${danishDates.date(dueDate)}} (an input parameter of the user task).
 */
@Component("danishDates")
public class DanishDates {

  public static final ZoneId DANISH_TIME = ZoneId.of("Europe/Copenhagen");
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd-MM-yyyy");

  /** {@code 29-12-2026}: the day in Danish time of a stored point in time; empty when there is none. */
  public String date(Date moment) {
    return moment == null ? "" : DATE.format(moment.toInstant().atZone(DANISH_TIME));
  }

  /** {@code 29-12-2026}: the day in Danish time of a stored instant. */
  public static String of(Instant moment) {
    return DATE.format(moment.atZone(DANISH_TIME));
  }

  /** {@code 29-12-2026}: a calendar date (a planned start, an end); empty when there is none. */
  public static String of(LocalDate day) {
    return day == null ? "" : DATE.format(day);
  }
}
