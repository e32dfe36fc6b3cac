package dk.enplan.distribution;

import static dk.enplan.course.CourseVariables.CHOSEN_SECTORS;
import static dk.enplan.course.CourseVariables.CONSENTED_SECTORS;
import static dk.enplan.course.CourseVariables.COORDINATOR;
import static dk.enplan.course.CourseVariables.COURSE_ID;
import static dk.enplan.course.CourseVariables.PLAN_VERSION;

import dk.enplan.notice.Notice.RecipientKind;
import dk.enplan.notice.Notices;
import dk.enplan.sector.SectorCatalog;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The seam where an agreed plan version reaches the specialist systems. Until integrations are configured, each
 * sector gets a REFERENCE record kept locally and visible: the citizen receives intervention under Én Plan and the
 * main law, with plan version and contact person. Sectors with consent are marked as entitled to the full plan.
 */
@Component("distributePlan")
class DistributePlanDelegate implements JavaDelegate {

  private final Notices notices;
  private final SectorCatalog sectors;

  DistributePlanDelegate(Notices notices, SectorCatalog sectors) {
    this.notices = notices;
    this.sectors = sectors;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String courseId = COURSE_ID.from(execution);
    int version = PLAN_VERSION.from(execution);
    String coordinator = COORDINATOR.from(execution);
    List<String> consented = CONSENTED_SECTORS.from(execution);
    for (String sector : CHOSEN_SECTORS.from(execution)) {
      notices.send(courseId, RecipientKind.SECTOR_SYSTEM, sector,
          "Borgeren modtager indsats efter Én Plan (planversion " + version + ")",
          "Forløb " + courseId + ", planversion " + version + ". Koordinerende kontaktperson: " + coordinator
              + ". Sektor: " + sectors.get(sector).name() + ". "
              + (consented.contains(sector)
                  ? "Borgeren har givet samtykke til, at sektoren får planens indhold."
                  : "Ingen samtykke til deling af planens indhold: kun henvisning."));
    }
  }
}
