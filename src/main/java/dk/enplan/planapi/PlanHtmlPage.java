package dk.enplan.planapi;

import dk.enplan.course.DanishDates;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.web.util.HtmlUtils;

/**
 * The citizen's Én Plan as a printable page in plain Danish: their own words first, their goals, what will happen
 * and who is responsible, their contact person, their consent and how to complain. Every value from the plan store
 * is HTML-escaped; the page has no scripts.
 */
final class PlanHtmlPage {

  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("d. MMMM yyyy", Locale.forLanguageTag("da"));

  private static final String STYLE = """
      body { font-family: "Segoe UI", Arial, sans-serif; font-size: 12pt; line-height: 1.5; color: #111;
             max-width: 46em; margin: 2em auto; padding: 0 1em; }
      h1 { font-size: 1.8em; margin-bottom: 0.2em; }
      h2 { font-size: 1.3em; margin-top: 1.6em; border-bottom: 1px solid #999; }
      .intro, .meta { color: #333; }
      blockquote { font-size: 1.15em; margin: 0.5em 0; padding: 0.5em 1em; border-left: 4px solid #555;
                   background: #f3f3f3; }
      .goal { margin: 0.8em 0; padding: 0.5em 0.8em; border: 1px solid #ccc; }
      .goal h3 { margin: 0 0 0.3em 0; font-size: 1.05em; }
      .contact { font-size: 1.1em; }
      table { border-collapse: collapse; width: 100%; }
      th, td { border: 1px solid #999; padding: 0.3em 0.5em; text-align: left; vertical-align: top; }
      th { background: #eee; }
      footer { margin-top: 2em; font-size: 0.9em; color: #555; }
      @page { size: A4; margin: 2cm; }
      @media print {
        body { margin: 0; max-width: none; font-size: 11pt; }
        blockquote, th { background: none; }
        h2 { page-break-after: avoid; break-after: avoid; }
        .goal, tr, section { page-break-inside: avoid; break-inside: avoid; }
      }
      """;

  private PlanHtmlPage() {
  }

  static String render(PlanViews.CurrentPlan plan, Instant printedAt) {
    StringBuilder html = new StringBuilder(8192);
    html.append("<!DOCTYPE html>\n<html lang=\"da\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>Din Én Plan – ").append(e(plan.citizen().name())).append("</title>\n")
        .append("<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n");

    html.append("<header>\n<h1>Din Én Plan</h1>\n<p class=\"meta\">")
        .append(e(plan.citizen().name())).append(", CPR-nr. ").append(e(plan.citizen().maskedCpr()))
        .append("<br>").append(e(plan.municipality().name())).append(" Kommune</p>\n")
        .append("<p class=\"intro\">Det her er den plan, du har lavet sammen med kommunen. Du har én plan og én ")
        .append("kontaktperson, også selv om flere afdelinger hjælper dig. Planen blev aftalt med dig den ")
        .append(e(date(plan.agreedAt()))).append(". Det er version ").append(plan.planVersion())
        .append(" af planen.</p>\n</header>\n");

    html.append("<section>\n<h2>Med dine egne ord</h2>\n<p>Det sagde du, at du gerne vil:</p>\n<blockquote>")
        .append(lines(plan.citizenGoals())).append("</blockquote>\n</section>\n");

    html.append("<section>\n<h2>Dine mål</h2>\n");
    for (PlanViews.Goal goal : plan.goals()) {
      html.append("<div class=\"goal\">\n<h3>").append(goal.sequence()).append(". ")
          .append(e(goal.lifeDomain().label())).append("</h3>\n")
          .append("<p><strong>Det siger du:</strong> »").append(lines(goal.citizenWords())).append("«</p>\n")
          .append("<p><strong>Målet:</strong> ").append(lines(goal.goal())).append("</p>\n");
      if (goal.subGoals() != null && !goal.subGoals().isBlank()) {
        html.append("<p><strong>Skridt på vejen:</strong> ").append(lines(goal.subGoals())).append("</p>\n");
      }
      html.append("</div>\n");
    }
    html.append("</section>\n");

    html.append("<section>\n<h2>Det skal der ske</h2>\n")
        .append("<p>Her kan du se, hvad der skal ske, i den rækkefølge det er planlagt, og hvem der har ")
        .append("ansvaret.</p>\n")
        .append("<table>\n<thead><tr><th>Nr.</th><th>Hvad skal der ske</th><th>Hvem har ansvaret</th>")
        .append("<th>Hvornår</th><th>Hvilken afdeling</th><th>Hvordan går det</th></tr></thead>\n<tbody>\n");
    for (PlanViews.Intervention i : plan.interventions()) {
      html.append("<tr><td>").append(i.sequence()).append("</td><td>").append(lines(i.description()))
          .append("</td><td>").append(e(i.responsible())).append("</td><td>").append(period(i.plannedStart(),
              i.plannedEnd())).append("</td><td>").append(e(i.sector().name())).append("<br><small>Efter ")
          .append(e(lowerFirst(i.law()))).append("</small></td><td>").append(e(progress(i)))
          .append("</td></tr>\n");
    }
    html.append("</tbody>\n</table>\n</section>\n");

    html.append("<section>\n<h2>Din kontaktperson</h2>\n");
    if (plan.contactPerson() == null) {
      html.append("<p>Du får snart en kontaktperson.</p>\n");
    } else {
      contactPerson(html, plan.contactPerson(), plan.municipality().name());
    }
    html.append("</section>\n");

    html.append("<section>\n<h2>Dit samtykke</h2>\n")
        .append("<p>Du bestemmer, hvem der må se og bruge din plan. Du har sagt ja til disse afdelinger:</p>\n<ul>\n");
    for (PlanViews.Consent consent : plan.consents()) {
      html.append("<li>").append(e(consent.sector().name())).append(": ja fra ").append(e(date(consent.givenAt())));
      if (!consent.active()) {
        html.append(" – du trak dit ja tilbage den ").append(e(date(consent.withdrawnAt())));
      }
      html.append("</li>\n");
    }
    html.append("</ul>\n<p>Du kan altid trække dit samtykke tilbage. Sig det til din kontaktperson. Så stopper ")
        .append("kommunen med at dele din plan med den afdeling med det samme.</p>\n</section>\n");

    html.append("<section>\n<h2>Hvis du vil klage</h2>\n")
        .append("<p>Du kan klage over kommunens afgørelse om din plan. Sig det til din kontaktperson, eller skriv ")
        .append("til ").append(e(plan.municipality().name())).append(" Kommune. Du behøver ikke at skrive, hvorfor ")
        .append("du klager, men det hjælper. Fristen for at klage står i den afgørelse, du har fået.</p>\n")
        .append("<p>Kommunen ser på sagen igen. Hvis kommunen ikke giver dig ret, sender kommunen din klage videre ")
        .append("til Ankestyrelsen, som træffer afgørelsen.</p>\n</section>\n");

    html.append("<footer>Udskrevet den ").append(e(date(printedAt))).append(". Planversion ")
        .append(plan.planVersion()).append(", aftalt den ").append(e(date(plan.agreedAt())))
        .append(". Forløb ").append(e(plan.courseId())).append(".</footer>\n</body>\n</html>\n");
    return html.toString();
  }

  /**
   * The contact person by name, with the phone and e-mail to reach her; never the user id, which means nothing to the
   * citizen. Without a name or a way to reach her, the citizen is told to ask the municipality for her.
   */
  private static void contactPerson(StringBuilder html, PlanViews.ContactPerson person, String municipality) {
    html.append("<p>");
    if (person.name() != null) {
      html.append("Din kontaktperson er <strong>").append(e(person.name())).append("</strong>. ");
    }
    html.append("Din kontaktperson hjælper dig, holder styr på planen og taler med de andre afdelinger for dig.")
        .append("</p>\n");
    if (person.phone() == null && person.email() == null) {
      html.append("<p>Kontakt ").append(e(municipality)).append(" Kommune og spørg efter din kontaktperson, hvis ")
          .append("noget ændrer sig, eller hvis du har spørgsmål.</p>\n");
      return;
    }
    html.append("<p class=\"contact\">");
    if (person.phone() != null) {
      html.append("Telefon: <strong>").append(e(person.phone())).append("</strong>");
    }
    if (person.email() != null) {
      html.append(person.phone() != null ? "<br>" : "").append("E-mail: <strong>").append(e(person.email()))
          .append("</strong>");
    }
    html.append("</p>\n<p>")
        .append(person.phone() != null && person.email() != null ? "Ring eller skriv til din kontaktperson"
            : person.phone() != null ? "Ring til din kontaktperson" : "Skriv til din kontaktperson")
        .append(", hvis noget ændrer sig, eller hvis du har spørgsmål.</p>\n");
  }

  /** HTML-escapes a value (the five special characters; Danish letters stay as they are in UTF-8). */
  static String e(String value) {
    return value == null ? "" : HtmlUtils.htmlEscape(value, "UTF-8");
  }

  /** Escaped, with the line breaks the caseworker typed kept. */
  private static String lines(String value) {
    return e(value).replace("\r\n", "\n").replace("\n", "<br>\n");
  }

  private static String date(Instant instant) {
    return instant == null ? "" : DATE.format(instant.atZone(DanishDates.DANISH_TIME));
  }

  private static String period(LocalDate start, LocalDate end) {
    return end == null ? "Fra " + e(DATE.format(start)) : e(DATE.format(start)) + " til " + e(DATE.format(end));
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
