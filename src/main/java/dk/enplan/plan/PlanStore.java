package dk.enplan.plan;

import dk.enplan.plan.SectorReport.Kind;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The Én Plan store: plan versions, the sectors' reports and the citizen's progression, per course. */
@Service
@Transactional
public class PlanStore {

  private final PlanVersionRepository versions;
  private final SectorReportRepository reports;
  private final ProgressionMeasurementRepository progression;

  PlanStore(PlanVersionRepository versions, SectorReportRepository reports,
            ProgressionMeasurementRepository progression) {
    this.versions = versions;
    this.reports = reports;
    this.progression = progression;
  }

  /** Saves the plan agreed with the citizen as the next version; earlier versions stay as they were. */
  public PlanVersion agree(String courseId, AgreedPlan plan, String agreedBy) {
    int next = current(courseId).map(PlanVersion::version).orElse(0) + 1;
    PlanVersion version = new PlanVersion(courseId, next, plan.citizenGoals(), agreedBy, now());
    int sequence = 0;
    for (AgreedPlan.Goal goal : plan.goals()) {
      version.add(new PlanGoal(version, ++sequence, goal.lifeDomain(), goal.citizenWords(), goal.goal(),
          goal.subGoals()));
    }
    sequence = 0;
    for (AgreedPlan.Intervention i : plan.interventions()) {
      version.add(new PlanIntervention(version, ++sequence, i.sector(), i.law(), i.description(), i.responsible(),
          i.plannedStart(), i.plannedEnd()));
    }
    return versions.save(version);
  }

  /** Moves the current version's interventions of {@code sector} to {@code status}. */
  public void interventionsOf(String courseId, String sector, PlanIntervention.Status status) {
    current(courseId).ifPresent(version -> version.interventions().stream()
        .filter(intervention -> intervention.sector().equals(sector))
        .forEach(intervention -> intervention.moveTo(status)));
  }

  @Transactional(readOnly = true)
  public Optional<PlanVersion> current(String courseId) {
    return versions.findFirstByCourseIdOrderByVersionDesc(courseId);
  }

  @Transactional(readOnly = true)
  public List<PlanVersion> history(String courseId) {
    return versions.findByCourseIdOrderByVersion(courseId);
  }

  public SectorReport report(String courseId, String sector, Kind kind, String summary, String detail,
                             String reportedBy) {
    return reports.save(new SectorReport(courseId, sector, kind, summary, detail, reportedBy, now()));
  }

  @Transactional(readOnly = true)
  public List<SectorReport> reports(String courseId, Kind kind) {
    return reports.findByCourseIdAndKindOrderById(courseId, kind);
  }

  /** Records one score per life domain, all with the same time stamp. */
  public void measure(String courseId, Map<String, Integer> scores) {
    Instant now = now();
    scores.forEach((domain, score) -> progression.save(new ProgressionMeasurement(courseId, domain, score, now)));
  }

  @Transactional(readOnly = true)
  public List<ProgressionMeasurement> progression(String courseId) {
    return progression.findByCourseIdOrderById(courseId);
  }

  private static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }
}
