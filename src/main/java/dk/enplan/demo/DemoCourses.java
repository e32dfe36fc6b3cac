package dk.enplan.demo;

import static dk.enplan.demo.DemoCourse.Phase.CONSENT;
import static dk.enplan.demo.DemoCourse.Phase.INTERVENTION;
import static dk.enplan.demo.DemoCourse.Phase.JOINT_ASSESSMENT;
import static dk.enplan.demo.DemoCourse.Phase.PLAN_MEETING;
import static dk.enplan.demo.DemoCourse.Phase.VISITATION;

import dk.enplan.course.CourseProcess;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A handful of courses in Allerød and Ballerup, each waiting in a different phase, so Tasklist and Cockpit show
 * something from the first start. Runs only while no course exists at all (running or ended), and before the job
 * executor starts (runners run before {@code ApplicationReadyEvent}), so it runs the courses' jobs itself.
 * All citizens and CPR numbers are fictitious.
 */
@Component
@Profile("demo")
@Order(DemoCourses.ORDER)
class DemoCourses implements ApplicationRunner {

  static final int ORDER = TasklistFilters.ORDER + 1;
  private static final Logger LOG = LoggerFactory.getLogger(DemoCourses.class);

  static final List<DemoCourse> COURSES = List.of(
      new DemoCourse("allerod", new DemoCitizen("Mette Kjær Hansen", "120385-1127", "Jobcenter Allerød",
          List.of("ledighed", "psykisk_sygdom", "bolig"),
          "Ledig i to år, angst og depression, opsagt fra sin lejlighed pr. 1. i næste måned.",
          null, null, null),
          List.of(), VISITATION),
      new DemoCourse("allerod", new DemoCitizen("Louise Bach Jensen", "2311882046", "Skolesundhedsplejen, Allerød",
          List.of("boern_familie", "misbrug", "forsoergelse"),
          "Alenemor med et alkoholforbrug, der påvirker børnene; økonomien er presset.",
          "Emma Bach Jensen (7 år), Noah Bach Jensen (4 år)", null, null),
          List.of("familie", "voksen", "ydelse"), CONSENT),
      new DemoCourse("allerod", new DemoCitizen("Jonas Vestergaard", "1406014185", "Ungeindsatsen, Allerød Kommune",
          List.of("ung_uddannelse", "misbrug", "psykisk_sygdom"),
          "20 år, ude af uddannelse, dagligt hashforbrug og tiltagende social isolation.",
          null, null, null),
          List.of("unge", "voksen", "sundhed"), JOINT_ASSESSMENT),
      new DemoCourse("ballerup", new DemoCitizen("Ahmad Rasuli", "0708921563", "Egen læge",
          List.of("sygemelding", "helbred", "forsoergelse"),
          "Sygemeldt efter en arbejdsulykke, kroniske smerter og usikker forsørgelse.",
          "Hustru Mariam Rasuli og tre børn (2, 6 og 9 år)", null, null),
          List.of(), VISITATION),
      new DemoCourse("ballerup", new DemoCitizen("Birgitte Holm", "0902761338",
          "Sygedagpengeafdelingen, Ballerup Kommune",
          List.of("sygemelding", "helbred", "psykisk_sygdom"),
          "Langvarig sygemelding med stress og rygsmerter; risiko for at miste tilknytningen til arbejdsmarkedet.",
          null, null, null),
          List.of("sygedagpenge", "beskaeftigelse", "sundhed"), PLAN_MEETING),
      new DemoCourse("ballerup", new DemoCitizen("Kim Andersen Lund", "2505691779", "Jobcenter Ballerup",
          List.of("ledighed", "misbrug", "bolig", "forsoergelse"),
          "Mange års ledighed, hashmisbrug, bor hos en ven og har gæld.",
          null,
          "Jeg vil have min egen lejlighed og noget at stå op til om morgenen. Og jeg vil ud af gælden.",
          "Mål: egen bolig inden for et år.\n- Delmål: stabilt forbrug, deltager i behandling hver uge.\n"
              + "- Delmål: i praktik 12 timer om ugen inden 3 måneder.\n- Delmål: budget, der holder."),
          List.of("beskaeftigelse", "ydelse", "voksen"), INTERVENTION));

  private final HistoryService history;
  private final DemoCourseDriver driver;

  DemoCourses(HistoryService history, DemoCourseDriver driver) {
    this.history = history;
    this.driver = driver;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (history.createHistoricProcessInstanceQuery().processDefinitionKey(CourseProcess.KEY).count() > 0) {
      LOG.info("Demo: courses exist already, no demo courses started");
      return;
    }
    COURSES.forEach(course -> {
      String processInstanceId = driver.drive(course);
      LOG.info("Demo: course {} in {} waits at {}", processInstanceId, course.tenant(), course.phase());
    });
  }
}
