package dk.enplan.course;

import dk.enplan.courseevent.CourseEvent;
import dk.enplan.courseevent.CourseEvent.Kind;
import dk.enplan.privacy.CprProtection;
import dk.enplan.process.InvalidInputException;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The course record's life cycle, in step with the process. */
@Service
@Transactional
public class CourseService {

  private final CourseRepository courses;
  private final ConsentScopeRepository consents;
  private final CprProtection cprProtection;
  private final ApplicationEventPublisher events;

  CourseService(CourseRepository courses, ConsentScopeRepository consents, CprProtection cprProtection,
                ApplicationEventPublisher events) {
    this.courses = courses;
    this.consents = consents;
    this.cprProtection = cprProtection;
    this.events = events;
  }

  Course register(String tenant, Referral referral, String processInstanceId) {
    String cprHash = cprProtection.lookupHash(referral.cpr().digits());
    Course course = courses.save(new Course(tenant, referral, cprHash, processInstanceId, now()));
    events.publishEvent(new CourseEvent(Kind.REFERRED, "referred:" + course.id(), course.id(), tenant, cprHash, null,
        null, course.createdAt()));
    return course;
  }

  void visitated(String courseId, List<String> sectors, String coordinator) {
    get(courseId).visitated(sectors, coordinator);
    if (coordinator != null) {
      events.publishEvent(CourseEvent.of(Kind.CONTACT_PERSON, "contact:" + courseId + ":" + coordinator, courseId,
          coordinator, now()));
    }
  }

  void consented(String courseId, List<String> sectors) {
    Instant now = now();
    get(courseId).consented(now);
    sectors.forEach(sector -> consents.save(new ConsentScope(courseId, sector, now)));
    events.publishEvent(CourseEvent.of(Kind.CONSENT_GIVEN, "consent:" + courseId, courseId, "", now));
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

  /** The sectors whose consent is in force now, in the order given. */
  @Transactional(readOnly = true)
  public List<String> consentedSectors(String courseId) {
    return consents.findByCourseIdOrderById(courseId).stream().filter(ConsentScope::isActive)
        .map(ConsentScope::sector).distinct().toList();
  }

  void end(String courseId, CourseStatus status, String reason) {
    Instant now = now();
    get(courseId).end(status, reason, now);
    if (status == CourseStatus.NO_CONSENT) {
      events.publishEvent(CourseEvent.of(Kind.CONSENT_REFUSED, "consent-refused:" + courseId, courseId, "", now));
    }
    events.publishEvent(CourseEvent.of(Kind.ENDED, "ended:" + courseId, courseId, reason, now));
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
