package dk.enplan.plan;

import dk.enplan.course.DanishDates;
import dk.enplan.courseevent.CourseEvent;
import dk.enplan.plan.SectorReport.Kind;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The Én Plan store: plan versions, the sectors' reports and the citizen's progression, per course. */
@Service
@Transactional
public class PlanStore {


  private final PlanVersionRepository versions;
  private final SectorReportRepository reports;
  private final ProgressionMeasurementRepository progression;
  private final ApplicationEventPublisher events;

  PlanStore(PlanVersionRepository versions, SectorReportRepository reports,
            ProgressionMeasurementRepository progression, ApplicationEventPublisher events) {
    this.versions = versions;
    this.reports = reports;
    this.progression = progression;
    this.events = events;
  }

  /**
   * Saves the plan agreed with the citizen as the next version; earlier versions stay as agreed, only their
   * interventions still open are marked as replaced by the revision (the sectors start the new version's).
   */
  public PlanVersion agree(String courseId, AgreedPlan plan, String agreedBy) {
    Optional<PlanVersion> previous = current(courseId);
    previous.ifPresent(version -> version.interventions().stream().filter(PlanIntervention::isOpen)
        .forEach(intervention -> intervention.replaceByRevision(today())));
    int next = previous.map(PlanVersion::version).orElse(0) + 1;
    PlanVersion version = new PlanVersion(courseId, next, plan.citizenGoals(), plan.meetingNote(), agreedBy, now());
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
    PlanVersion saved = versions.save(version);
    events.publishEvent(CourseEvent.of(CourseEvent.Kind.PLAN_AGREED, "plan:" + courseId + ":" + next, courseId,
        String.valueOf(next), saved.agreedAt()));
    return saved;
  }

  /** Records the combined decision on the current version. */
  public void decide(String courseId, String decisionText, String decidedBy) {
    current(courseId).orElseThrow(() -> new IllegalStateException("no plan version for " + courseId))
        .decide(decisionText, decidedBy, now());
  }

  /** The sector started its interventions of the current version on {@code date}; returns them. */
  public List<PlanIntervention> startInterventions(String courseId, String sector, LocalDate date) {
    List<PlanIntervention> interventions = interventionsOf(courseId, sector);
    interventions.forEach(intervention -> intervention.start(date));
    return interventions;
  }

  /** The sector ended its interventions of the current version with {@code outcome} on {@code date}. */
  public void endInterventions(String courseId, String sector, PlanIntervention.Status outcome, LocalDate date) {
    interventionsOf(courseId, sector).forEach(intervention -> intervention.end(outcome, date));
  }

  /** The course closes: every intervention of the current version not yet ended is marked as ended with it. */
  public void closeOpenInterventions(String courseId, LocalDate date) {
    current(courseId).ifPresent(version -> version.interventions().stream().filter(PlanIntervention::isOpen)
        .forEach(intervention -> intervention.closeWithCourse(date)));
  }

  /** The current version's interventions of {@code sector}, in the plan's order. */
  @Transactional(readOnly = true)
  public List<PlanIntervention> interventionsOf(String courseId, String sector) {
    return current(courseId).map(version -> version.interventions().stream()
        .filter(intervention -> intervention.sector().equals(sector)).toList()).orElse(List.of());
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
    scores.forEach((domain, score) -> {
      ProgressionMeasurement saved = progression.save(new ProgressionMeasurement(courseId, domain, score, now));
      events.publishEvent(new CourseEvent(CourseEvent.Kind.PROGRESSION, "progression:" + saved.id(), courseId, null,
          domain, score, null, now));
    });
  }

  @Transactional(readOnly = true)
  public List<ProgressionMeasurement> progression(String courseId) {
    return progression.findByCourseIdOrderById(courseId);
  }

  /** Today in Denmark, by the engine's clock (tests move it). */
  public static LocalDate today() {
    return LocalDate.ofInstant(now(), DanishDates.DANISH_TIME);
  }

  private static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }
}
