package dk.enplan.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.enplan.courseevent.CourseEvent;
import dk.enplan.courseevent.CourseEvent.Kind;
import dk.enplan.process.RequestRefusedException;
import dk.enplan.testing.EngineOnlyTest;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The drill-down lists page by page (50 rows, then {@code after=} the answer's {@code next}): 160 courses of one
 * municipality recorded through the ledger, some referred at the same moment, some before the period, ended, in
 * several phases, with late follow-ups, several failed deliveries, progression and citizens with two plans. Every
 * list, read to its end, holds exactly the rows it should, each once, in its order; a cursor that is not one is
 * refused naming {@code after}.
 */
@EngineOnlyTest
class KpiDrillDownPagesTest {

  private static final Instant NOW = instant("2032-06-15T12:00:00+02:00");
  private static final KpiPeriod PERIOD = KpiPeriod.parse("2032-01", "2032-06");
  private static final int COURSES = 160;

  @Autowired KpiLedger ledger;
  @Autowired KpiDrillDown drillDown;

  private final String tenant = "pages-" + UUID.randomUUID().toString().substring(0, 8);
  private final List<Course> courses = new ArrayList<>();

  /** One course as recorded, with what each list needs to know of it. */
  private record Course(String id, Instant referredAt, String phase, boolean ended, int contactPersons,
                        String cprHash, boolean plan, List<Item> lateFollowUps, int failedDeliveries,
                        boolean progression) {
  }

  /** A follow-up past its due date: the course, when it was due, its task. */
  private record Item(String course, Instant due, String task) {
  }

  @BeforeEach
  void recordCourses() {
    Instant start = instant("2031-12-20T09:00:00+01:00");
    String[] phases = {"VISITATION", "JOINT_ASSESSMENT", "INTERVENTION"};
    for (int i = 0; i < COURSES; i++) {
      String id = UUID.randomUUID().toString();
      // Pairs referred at the same moment (the course id decides), the first ones before the period.
      Instant referred = start.plus(Duration.ofHours(24L * (i / 2)));
      String cprHash = "cpr-" + (i < 150 ? i % 25 : i);
      record(new CourseEvent(Kind.REFERRED, "referred:" + id, id, tenant, cprHash, null, null, referred));
      boolean ended = i % 5 == 0;
      String phase = ended ? null : phases[i % 3];
      if (!ended) {
        record(CourseEvent.of(Kind.PHASE, "phase:" + id, id, phase, referred.plusSeconds(60)));
      }
      int contactPersons = i % 4 == 0 ? 2 : 1;
      for (int c = 0; c < contactPersons; c++) {
        record(CourseEvent.of(Kind.CONTACT_PERSON, "contact:" + id + ":" + c, id, "koordinator-" + c,
            referred.plusSeconds(120 + c)));
      }
      boolean plan = !ended && i % 2 == 0;
      if (plan) {
        record(CourseEvent.of(Kind.CONSENT_GIVEN, "consent:" + id, id, "", referred.plusSeconds(180)));
        record(CourseEvent.of(Kind.PLAN_AGREED, "plan:" + id + ":1", id, "1", referred.plusSeconds(240)));
      }
      List<Item> late = new ArrayList<>();
      for (int f = 0; f < (i % 3 == 0 ? 2 : 0); f++) {
        Instant due = referred.plus(Duration.ofDays(10 + f));
        String task = id + "-f" + f;
        record(new CourseEvent(Kind.DUE, "due:" + task, id, tenant, KpiEnginePlugin.FOLLOW_UP, null, due,
            referred.plusSeconds(300)));
        if (due.isBefore(NOW)) {
          late.add(new Item(id, due, task));
        }
      }
      int failed = i % 7 == 0 ? 2 : 0;
      for (int d = 0; d < failed; d++) {
        record(CourseEvent.of(Kind.DELIVERY_FAILED, "delivery-failed:" + id + d, id, "ydelse",
            referred.plusSeconds(400)));
      }
      boolean progression = i % 2 == 1;
      if (progression) {
        record(new CourseEvent(Kind.PROGRESSION, "progression:" + id + ":1", id, null, "arbejde", 2, null,
            referred.plusSeconds(500)));
        record(new CourseEvent(Kind.PROGRESSION, "progression:" + id + ":2", id, null, "arbejde", 4, null,
            referred.plusSeconds(600)));
      }
      if (ended) {
        record(CourseEvent.of(Kind.ENDED, "ended:" + id, id, "maal_naaet", referred.plusSeconds(700)));
      }
      courses.add(new Course(id, referred, phase, ended, contactPersons, cprHash, plan, late, failed, progression));
    }
  }

  @Test
  void everyListReadToItsEndHoldsItsRowsOnceInOrder() {
    Comparator<Course> byReferral = Comparator.comparing(Course::referredAt).thenComparing(Course::id);
    assertPages("activeCourses", null, ids(c -> !c.ended(), byReferral));
    assertPages("activeCourses", "INTERVENTION", ids(c -> "INTERVENTION".equals(c.phase()), byReferral));
    assertPages("contactPersons", null, ids(c -> inPeriod(c) && c.contactPersons() > 1, byReferral));
    // Referrals in the period, in the order they happened; at the same moment, in the order recorded.
    assertPages("referrals", null, courses.stream().filter(this::inPeriod).map(Course::id).toList());
    assertPages("daysToFirstPlan", null, courses.stream().filter(c -> inPeriod(c) && c.plan()).map(Course::id)
        .toList());
    assertPages("progression", "arbejde", ids(c -> inPeriod(c) && c.progression(),
        Comparator.comparing(Course::id)));

    List<String> plans = courses.stream().filter(Course::plan)
        .filter(c -> courses.stream().filter(o -> o.plan() && o.cprHash().equals(c.cprHash())).count() > 1)
        .sorted(Comparator.comparing(Course::cprHash).thenComparing(Course::id)).map(Course::id).toList();
    assertThat(plans).as("the data hold citizens with two active plans").hasSizeGreaterThan(50);
    assertPages("activePlansPerCitizen", null, plans);

    List<String> late = courses.stream().flatMap(c -> c.lateFollowUps().stream())
        .filter(item -> !item.due().isBefore(PERIOD.start()))
        .sorted(Comparator.comparing(Item::due).thenComparing(Item::task)).map(Item::course).toList();
    assertThat(late).hasSizeGreaterThan(50);
    assertPages("lateFollowUps", null, late);
    List<String> failed = courses.stream().filter(this::inPeriod)
        .flatMap(c -> java.util.stream.Stream.generate(c::id).limit(c.failedDeliveries())).toList();
    assertPages("deliveriesFailed", "ydelse", failed);
  }

  @Test
  void aCursorThatIsNotOneIsRefusedNamingAfter() {
    for (String after : List.of("nonsense!", "bm9uc2Vuc2U", "x".repeat(500))) {
      assertThatThrownBy(() -> drillDown.courses("referrals", null, tenant, PERIOD, after, NOW))
          .isInstanceOfSatisfying(RequestRefusedException.class, e -> {
            assertThat(e.field()).isEqualTo("after");
            assertThat(e.status().value()).isEqualTo(400);
          });
    }
  }

  /** Reads the list page by page to its end and compares the course ids with the expected ones. */
  private void assertPages(String kpi, String key, List<String> expected) {
    List<String> read = new ArrayList<>();
    String after = null;
    int pages = 0;
    do {
      KpiCourses page = drillDown.courses(kpi, key, tenant, PERIOD, after, NOW);
      assertThat(page.courses()).as("%s: a page", kpi).hasSizeLessThanOrEqualTo(KpiDrillDown.LIMIT);
      assertThat(page.truncated()).isEqualTo(page.next() != null);
      page.courses().forEach(row -> read.add(row.courseId()));
      after = page.next();
      pages++;
    } while (after != null && pages < 20);
    assertThat(read).as("%s %s", kpi, key).containsExactlyElementsOf(expected);
    assertThat(pages).as("%s: pages", kpi).isEqualTo(Math.max(1, (expected.size() + KpiDrillDown.LIMIT - 1)
        / KpiDrillDown.LIMIT));
  }

  private List<String> ids(Predicate<Course> filter, Comparator<Course> order) {
    return courses.stream().filter(filter).sorted(order).map(Course::id).toList();
  }

  private boolean inPeriod(Course course) {
    return !course.referredAt().isBefore(PERIOD.start()) && course.referredAt().isBefore(PERIOD.end());
  }

  private void record(CourseEvent event) {
    ledger.record(event);
  }

  private static Instant instant(String time) {
    return OffsetDateTime.parse(time).toInstant();
  }
}
