package dk.enplan.course;

import java.util.List;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/** The sectors taking part in a running course, read the way the model reads them: from the plan store. */
record SectorSelectionProbe(CourseService courses) {

  List<String> participating(ProcessInstance course) {
    List<String> consented = courses.consentedSectors(course.getBusinessKey());
    return courses.get(course.getBusinessKey()).chosenSectors().stream().filter(consented::contains).toList();
  }
}
