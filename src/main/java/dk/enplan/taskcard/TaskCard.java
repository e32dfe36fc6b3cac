package dk.enplan.taskcard;

import java.util.List;
import java.util.Map;

/**
 * What a Tasklist card shows of the course a task belongs to: task-local variables, set on every user task when it
 * is created ({@link TaskCardListener}). Task-local, because the engine lets whoever may read a task read its local
 * variables (task READ), while a course's process variables need the process instance (docs/security.md): a sector
 * caseworker sees the citizen on her card and nothing more of the course.
 */
public final class TaskCard {

  /** The citizen's name. */
  public static final String CITIZEN_NAME = "cardCitizenName";
  /** The citizen's masked CPR number ({@code 010190-xxxx}); never the full number. */
  public static final String MASKED_CPR = "cardMaskedCpr";
  /** The course's phase, in Danish; kept up to date on every open task of the course when the phase changes. */
  public static final String PHASE = "cardPhase";

  /** The variables a Tasklist filter shows on each card, with their Danish labels. */
  public static final List<Map<String, String>> FILTER_VARIABLES = List.of(
      Map.of("name", CITIZEN_NAME, "label", "Borger"),
      Map.of("name", MASKED_CPR, "label", "CPR"),
      Map.of("name", PHASE, "label", "Fase"));

  private TaskCard() {
  }
}
