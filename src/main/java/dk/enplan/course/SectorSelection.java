package dk.enplan.course;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The sectors that take part in a course's joint assessment and interventions: those chosen at visitation that the
 * citizen's consent covers, in the order chosen. A chosen sector without consent learns only that the citizen has
 * an Én Plan. Models iterate it as {@code ${sectorSelection.participating(execution)}}.
 */
@Component("sectorSelection")
public class SectorSelection {

  public List<String> participating(DelegateExecution execution) {
    List<String> consented = CourseVariables.CONSENTED_SECTORS.from(execution);
    return CourseVariables.CHOSEN_SECTORS.from(execution).stream().filter(consented::contains).toList();
  }
}
