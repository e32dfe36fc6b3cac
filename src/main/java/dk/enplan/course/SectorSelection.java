package dk.enplan.course;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The sectors of a course as the models iterate them, from the plan store (never the process variables).
 * Participating: those chosen at visitation that the citizen's consent covers now, in the order chosen; they assess
 * and deliver interventions. Chosen: every sector chosen at visitation; each is told about the plan, a sector
 * without consent only that the citizen has an Én Plan.
 */
@Component("sectorSelection")
public class SectorSelection {

  private final CourseIdentity identity;
  private final CourseService courses;

  SectorSelection(CourseIdentity identity, CourseService courses) {
    this.identity = identity;
    this.courses = courses;
  }

  public List<String> chosen(DelegateExecution execution) {
    return identity.of(execution).chosenSectors();
  }

  public List<String> participating(DelegateExecution execution) {
    Course course = identity.of(execution);
    List<String> consented = courses.consentedSectors(course.id());
    return course.chosenSectors().stream().filter(consented::contains).toList();
  }
}
