package dk.enplan.course;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The sectors of a course as the models iterate them. Participating: those chosen at visitation that the citizen's
 * consent covers, in the order chosen; they assess and deliver interventions. Chosen: every sector chosen at
 * visitation; each is told about the plan, a sector without consent only that the citizen has an Én Plan.
 */
@Component("sectorSelection")
public class SectorSelection {

  public List<String> chosen(DelegateExecution execution) {
    return CourseVariables.CHOSEN_SECTORS.from(execution);
  }

  public List<String> participating(DelegateExecution execution) {
    List<String> consented = CourseVariables.CONSENTED_SECTORS.from(execution);
    return CourseVariables.CHOSEN_SECTORS.from(execution).stream().filter(consented::contains).toList();
  }
}
