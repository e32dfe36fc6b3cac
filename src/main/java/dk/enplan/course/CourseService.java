package dk.enplan.course;

import dk.enplan.privacy.CprProtection;
import dk.enplan.process.InvalidInputException;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The course record's life cycle, in step with the process. */
@Service
@Transactional
public class CourseService {

  private final CourseRepository courses;
  private final ConsentScopeRepository consents;
  private final CprProtection cprProtection;

  CourseService(CourseRepository courses, ConsentScopeRepository consents, CprProtection cprProtection) {
    this.courses = courses;
    this.consents = consents;
    this.cprProtection = cprProtection;
  }

  Course register(String tenant, Referral referral, String processInstanceId) {
    String cprHash = cprProtection.lookupHash(referral.cpr().digits());
    return courses.save(new Course(tenant, referral, cprHash, processInstanceId, now()));
  }

  void visitated(String courseId, List<String> sectors, String coordinator) {
    get(courseId).visitated(sectors, coordinator);
  }

  void consented(String courseId, List<String> sectors) {
    Instant now = now();
    get(courseId).consented(now);
    sectors.forEach(sector -> consents.save(new ConsentScope(courseId, sector, now)));
  }

  void withdrawConsent(String courseId, List<String> sectors) {
    Instant now = now();
    consents.findByCourseIdOrderById(courseId).stream()
        .filter(scope -> scope.isActive() && sectors.contains(scope.sector()))
        .forEach(scope -> scope.withdraw(now));
  }

  /** Every consent scope of the course, given and withdrawn, in the order given. */
  @Transactional(readOnly = true)
  public List<ConsentScope> consents(String courseId) {
    return consents.findByCourseIdOrderById(courseId);
  }

  /**
   * The sectors whose consent is in force now, in the order given: the one stored fact behind routing (which sectors
   * assess and get interventions), the plan API's sector access and the mode of every delivery.
   */
  @Transactional(readOnly = true)
  public List<String> consentedSectors(String courseId) {
    return consents.findByCourseIdOrderById(courseId).stream().filter(ConsentScope::isActive)
        .map(ConsentScope::sector).distinct().toList();
  }

  /** Whether the citizen's consent for {@code sector} is in force now ({@link #consentedSectors}). */
  @Transactional(readOnly = true)
  public boolean consentCovers(String courseId, String sector) {
    return consentedSectors(courseId).contains(sector);
  }

  /** Records who closes the course (the user who completed the closing task); the closure itself may run later. */
  void closingBy(String courseId, String userId) {
    get(courseId).closingBy(userId);
  }

  void end(String courseId, CourseStatus status, String reason) {
    get(courseId).end(status, reason, now());
  }

  @Transactional(readOnly = true)
  public Course get(String courseId) {
    return courses.findById(courseId)
        .orElseThrow(() -> new InvalidInputException("courseId", "ukendt forløb '" + courseId + "'"));
  }

  /** Every course of the citizen with this CPR number, oldest first, in every municipality. */
  @Transactional(readOnly = true)
  public List<Course> findByCpr(CprNumber cpr) {
    return courses.findByCprHash(cprProtection.lookupHash(cpr.digits())).stream()
        .sorted(Comparator.comparing(Course::createdAt)).toList();
  }

  private static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }
}
