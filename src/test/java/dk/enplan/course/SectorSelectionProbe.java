package dk.enplan.course;

import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/** The sectors taking part in a running course, read the way the model reads them. */
record SectorSelectionProbe(RuntimeService runtime) {

  @SuppressWarnings("unchecked")
  List<String> participating(ProcessInstance course) {
    List<String> chosen = (List<String>) runtime.getVariable(course.getId(), "chosenSectors");
    List<String> consented = (List<String>) runtime.getVariable(course.getId(), "consentedSectors");
    return chosen.stream().filter(consented::contains).toList();
  }
}
