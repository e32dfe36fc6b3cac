package dk.enplan.names;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The values of the forms' answers with fixed options (radio buttons, selects), which the models' gateways compare and
 * the delegates check; and the values a model sets itself. Options that are data (problem areas, sectors, life
 * domains, coordinators) are not here: they come from configuration or their own type.
 */
public final class AnswerValues {

  public static final String YES = "ja";
  public static final String NO = "nej";
  public static final List<String> YES_NO = List.of(YES, NO);

  /** The coordinator's decision at a follow-up ({@code followUpDecision}). */
  public static final String CONTINUE = "fortsaet";
  public static final String REVISE = "revider";
  public static final String CLOSE = "afslut";
  public static final List<String> FOLLOW_UP_DECISIONS = List.of(CONTINUE, REVISE, CLOSE);

  /** Why a course closes ({@code closureReason}): the closure form's options. */
  public static final String GOAL_REACHED = "maal_naaet";
  public static final String NO_LONGER_NEEDED = "ikke_laengere_behov";
  public static final String CITIZEN_ENDS = "borger_oensker_ophoer";
  public static final String OTHER = "andet";
  public static final List<String> CLOSURE_REASONS = List.of(GOAL_REACHED, NO_LONGER_NEEDED, CITIZEN_ENDS, OTHER);
  /** The closure reason the move-out hand-over sets ({@code camunda:outputParameter}), never offered by a form. */
  public static final String MOVED_OUT = "fraflytning";

  /** How a sector's intervention ended ({@code interventionOutcome}). */
  public static final String COMPLETED = "gennemfoert";
  public static final String DISCONTINUED = "afbrudt";
  public static final String NOT_STARTED = "ikke_startet";
  public static final List<String> INTERVENTION_OUTCOMES = List.of(COMPLETED, DISCONTINUED, NOT_STARTED);

  /** Every answer field with fixed options, and its options in the form's order. */
  public static final Map<String, List<String>> FORM_OPTIONS = ordered(
      "targetGroupConfirmed", YES_NO,
      "consentGiven", YES_NO,
      "citizenAgrees", YES_NO,
      "revisionRequested", YES_NO,
      "complaintUpheld", YES_NO,
      "followUpDecision", FOLLOW_UP_DECISIONS,
      "closureReason", CLOSURE_REASONS,
      "interventionOutcome", INTERVENTION_OUTCOMES);

  /** Values models set on these fields themselves, beyond the form's options. */
  public static final Map<String, List<String>> SET_BY_MODELS = Map.of("closureReason", List.of(MOVED_OUT));

  private AnswerValues() {
  }

  /** Every value the field may hold: the form's options and what a model sets; empty for an unknown field. */
  public static List<String> of(String field) {
    List<String> values = new java.util.ArrayList<>(FORM_OPTIONS.getOrDefault(field, List.of()));
    values.addAll(SET_BY_MODELS.getOrDefault(field, List.of()));
    return List.copyOf(values);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, List<String>> ordered(Object... fieldsAndValues) {
    Map<String, List<String>> map = new LinkedHashMap<>();
    for (int i = 0; i < fieldsAndValues.length; i += 2) {
      map.put((String) fieldsAndValues[i], (List<String>) fieldsAndValues[i + 1]);
    }
    return java.util.Collections.unmodifiableMap(map);
  }
}
