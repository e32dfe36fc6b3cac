package dk.enplan.planapi;

import dk.enplan.course.DanishDates;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import com.samskivert.mustache.Escapers;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.core.io.ClassPathResource;

/**
 * The citizen's Én Plan as a printable page in plain Danish: their own words first, their goals, what will happen
 * and who is responsible, their contact person, their consent and how to complain. From the Mustache template
 * {@code templates/citizen-plan.mustache}, which escapes every value it writes (nothing is written unescaped); the
 * page has no scripts.
 */
final class PlanHtmlPage {

  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("d. MMMM yyyy", Locale.forLanguageTag("da"));

  /**
   * The five characters Spring's HtmlUtils.htmlEscape escapes, as {@link HtmlUtils} writes them (Danish letters stay
   * as they are in UTF-8): every {@code {{value}}} of the template is escaped so.
   */
  private static final Mustache.Escaper HTML = Escapers.simple(new String[][] {
      {"&", "&amp;"}, {"<", "&lt;"}, {">", "&gt;"}, {"\"", "&quot;"}, {"'", "&#39;"}});

  /** {@code {{#breaks}}…{{/breaks}}}: the escaped text with the line breaks the caseworker typed kept. */
  private static final Mustache.Lambda LINES = (fragment, out) ->
      out.write(fragment.execute().replace("\r\n", "\n").replace("\n", "<br>\n"));

  /** The template, compiled once: {@code templates/citizen-plan.mustache}. */
  private static final Template TEMPLATE = compile();

  private PlanHtmlPage() {
  }

  private static Template compile() {
    try (var reader = new InputStreamReader(new ClassPathResource("templates/citizen-plan.mustache",
        PlanHtmlPage.class.getClassLoader()).getInputStream(), StandardCharsets.UTF_8)) {
      return Mustache.compiler().withEscaper(HTML).emptyStringIsFalse(true).nullValue("").compile(reader);
    } catch (IOException e) {
      throw new UncheckedIOException("the citizen's page template is missing", e);
    }
  }

  static String render(PlanViews.CurrentPlan plan, Instant printedAt) {
    Map<String, Object> page = new HashMap<>();
    page.put("breaks", LINES);
    page.put("citizenName", plan.citizen().name());
    page.put("maskedCpr", plan.citizen().maskedCpr());
    page.put("municipality", plan.municipality().name());
    page.put("agreedAt", date(plan.agreedAt()));
    page.put("printedAt", date(printedAt));
    page.put("planVersion", plan.planVersion());
    page.put("courseId", plan.courseId());
    page.put("citizenGoals", plan.citizenGoals());
    page.put("goals", plan.goals().stream().map(goal -> {
      Map<String, Object> view = new HashMap<>();
      view.put("sequence", goal.sequence());
      view.put("lifeDomain", goal.lifeDomain().label());
      view.put("citizenWords", goal.citizenWords());
      view.put("goal", goal.goal());
      view.put("subGoals", goal.subGoals());
      view.put("hasSubGoals", goal.subGoals() != null && !goal.subGoals().isBlank());
      return view;
    }).toList());
    page.put("interventions", plan.interventions().stream().map(i -> {
      Map<String, Object> view = new HashMap<>();
      view.put("sequence", i.sequence());
      view.put("description", i.description());
      view.put("responsible", i.responsible());
      view.put("period", period(i.plannedStart(), i.plannedEnd()));
      view.put("sector", i.sector().name());
      view.put("law", lowerFirst(i.law()));
      view.put("progress", progress(i));
      return view;
    }).toList());
    page.put("contact", plan.contactPerson() == null ? null : contactPerson(plan.contactPerson()));
    page.put("consents", plan.consents().stream().map(consent -> {
      Map<String, Object> view = new HashMap<>();
      view.put("sector", consent.sector().name());
      view.put("givenAt", date(consent.givenAt()));
      view.put("withdrawnAt", consent.active() ? null : date(consent.withdrawnAt()));
      return view;
    }).toList());
    return TEMPLATE.execute(page);
  }

  /**
   * The contact person by name, with the phone and e-mail to reach her; never the user id, which means nothing to the
   * citizen. Without a name or a way to reach her, the citizen is told to ask the municipality for her.
   */
  private static Map<String, Object> contactPerson(PlanViews.ContactPerson person) {
    Map<String, Object> view = new HashMap<>();
    view.put("name", person.name());
    view.put("phone", person.phone());
    view.put("email", person.email());
    view.put("reachable", person.phone() != null || person.email() != null);
    view.put("reachBy", person.phone() != null && person.email() != null ? "Ring eller skriv til din kontaktperson"
        : person.phone() != null ? "Ring til din kontaktperson" : "Skriv til din kontaktperson");
    return view;
  }

  private static String date(Instant instant) {
    return instant == null ? "" : DATE.format(instant.atZone(DanishDates.DANISH_TIME));
  }

  private static String period(LocalDate start, LocalDate end) {
    return end == null ? "Fra " + DATE.format(start) : DATE.format(start) + " til " + DATE.format(end);
  }

  private static String lowerFirst(String law) {
    return law == null || law.isEmpty() ? "" : Character.toLowerCase(law.charAt(0)) + law.substring(1);
  }

  /** The status word, with the dates the sector started and ended it: "I gang siden 1. december 2026". */
  private static String progress(PlanViews.Intervention i) {
    String started = i.actualStart() == null ? "" : DATE.format(i.actualStart());
    String ended = i.actualEnd() == null ? "" : " den " + DATE.format(i.actualEnd());
    return switch (i.status()) {
      case PLANNED -> i.statusText();
      case STARTED -> i.statusText() + (started.isEmpty() ? "" : " siden " + started);
      case COMPLETED, DISCONTINUED, STOPPED_AT_CLOSURE, REPLACED_BY_REVISION -> i.statusText() + ended
          + (started.isEmpty() ? "" : " (startet " + started + ")");
      case NOT_STARTED, NOT_STARTED_AT_CLOSURE -> i.statusText() + ended;
    };
  }
}
