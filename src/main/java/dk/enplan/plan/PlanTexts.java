package dk.enplan.plan;

import dk.enplan.course.DanishDates;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The stored plan and progression as the forms show them: plain Danish lines, dates as dd-mm-åååå. */
final class PlanTexts {

  private PlanTexts() {
  }

  static String date(LocalDate date) {
    return DanishDates.of(date);
  }

  static String date(Instant instant) {
    return DanishDates.of(instant);
  }

  /** One sector's interventions, numbered as in the plan: what, who is responsible, when planned, when started. */
  static String interventions(List<PlanIntervention> interventions) {
    return interventions.stream().map(i -> "Indsats " + i.sequence() + " i planen: " + i.description()
            + "\nAnsvarlig i planen: " + i.responsible() + "\nPlanlagt: " + period(i.plannedStart(), i.plannedEnd())
            + (i.actualStart() == null ? "" : "\nStartet: " + date(i.actualStart())))
        .collect(Collectors.joining("\n\n"));
  }

  static String period(LocalDate start, LocalDate end) {
    return end == null ? "fra " + date(start) : date(start) + " til " + date(end);
  }

  /**
   * The progression measured so far, one line per life domain, oldest first:
   * {@code Bolig: 5 (01-03-2027) → 7 (01-06-2027)}.
   */
  static String progression(List<ProgressionMeasurement> measurements) {
    Map<LifeDomain, String> lines = new LinkedHashMap<>();
    for (LifeDomain domain : LifeDomain.values()) {
      String scores = measurements.stream().filter(m -> m.lifeDomain().equals(domain.key()))
          .map(m -> m.score() + " (" + date(m.measuredAt()) + ")").collect(Collectors.joining(" → "));
      if (!scores.isEmpty()) {
        lines.put(domain, domain.label() + ": " + scores);
      }
    }
    return lines.isEmpty() ? "Ingen målinger endnu: det her er den første opfølgning."
        : String.join("\n", lines.values());
  }
}
