package dk.enplan.course;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** The sectors of a course, as the multi-instance activities iterate them ({@code ${sectorSelection.chosen(execution)}}). */
@Component("sectorSelection")
public class SectorSelection {

  public List<String> chosen(DelegateExecution execution) {
    return CourseVariables.CHOSEN_SECTORS.from(execution);
  }
}
