package dk.enplan.export;

import java.time.LocalDate;
import java.util.List;

/**
 * One row of the evaluator's export: codes, dates and counts only — no CPR number, no name, no free text
 * (docs/export.md describes every column).
 */
record ExportedCourse(String citizenPseudonym, String coursePseudonym, int municipalityCode, String municipality,
                      String status, LocalDate referredOn, LocalDate consentOn, int planVersions,
                      LocalDate firstPlanOn, LocalDate latestPlanOn, LocalDate closedOn, String closureReason,
                      List<String> problemAreas, List<String> sectors) {

  /** The columns in order, as the CSV header and the JSON field names. */
  static final List<String> COLUMNS = List.of("borger_pseudonym", "forloeb_pseudonym", "kommunekode", "kommune",
      "status", "henvist_dato", "samtykke_dato", "planversioner", "foerste_plan_dato", "seneste_plan_dato",
      "afsluttet_dato", "afslutningsaarsag", "problemomraader", "sektorer");

  /** The values in the order of {@link #COLUMNS}: strings, numbers, dates, lists (null where empty). */
  List<Object> values() {
    return java.util.Arrays.asList(citizenPseudonym, coursePseudonym, municipalityCode, municipality, status,
        referredOn, consentOn, planVersions, firstPlanOn, latestPlanOn, closedOn, closureReason, problemAreas,
        sectors);
  }
}
