package dk.enplan.planapi;

import static org.assertj.core.api.Assertions.assertThat;

import dk.enplan.course.CourseStatus;
import dk.enplan.plan.PlanIntervention;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The citizen's page from its template: every value escaped (a caseworker's text cannot add markup or scripts), the
 * line breaks typed kept, and each optional part (sub-goals, withdrawn consent, contact person and how to reach her)
 * shown only when there is something to show.
 */
class PlanHtmlPageTest {

  static final Instant AGREED = Instant.parse("2026-11-02T10:00:00Z");
  static final Instant PRINTED = Instant.parse("2026-12-01T08:00:00Z");

  static PlanViews.CurrentPlan plan(PlanViews.ContactPerson contact) {
    PlanViews.Sector job = new PlanViews.Sector("beskaeftigelse", "Jobcenter & <Ydelse>");
    return new PlanViews.CurrentPlan("course-\"1\"", new PlanViews.Municipality("allerod", 201, "Allerød"),
        CourseStatus.values()[0], new PlanViews.Citizen("Kim <b>Lund</b>", "250569-xxxx"), contact, 2, AGREED,
        "koordinator.allerod", "Jeg vil have et job.\nOg en 'bolig' & ro.",
        List.of(new PlanViews.Goal(1, new PlanViews.LifeDomain("arbejde", "Arbejde og uddannelse"), "Et job",
                "Job inden <sommer>", "Cv\r\nSamtale"),
            new PlanViews.Goal(2, new PlanViews.LifeDomain("bolig", "Bolig"), "Ro", "Egen bolig", " ")),
        List.of(new PlanViews.Intervention(1, job, "Lov om en aktiv beskæftigelsesindsats", "Praktik\n<i>4 uger</i>",
                "Mette \"Holm\"", LocalDate.of(2026, 11, 10), LocalDate.of(2026, 12, 10),
                PlanIntervention.Status.values()[0], "Planlagt", null, null),
            new PlanViews.Intervention(2, job, "Lov", "Forløb", "Jonas", LocalDate.of(2026, 11, 12), null,
                PlanIntervention.Status.values()[1], "I gang", LocalDate.of(2026, 11, 13), null)),
        null,
        List.of(new PlanViews.Consent(job, AGREED, null, true),
            new PlanViews.Consent(new PlanViews.Sector("ydelse", "Ydelse"), AGREED, PRINTED, false)));
  }

  /**
   * The page as the hand-built StringBuilder version wrote it (the two files were written by it before the template
   * replaced it): the same bytes, escaping and line breaks included.
   */
  @Test
  void theSamePageAsBeforeTheTemplate() throws Exception {
    assertThat(PlanHtmlPage.render(plan(new PlanViews.ContactPerson("k", "Mette <Holm>", "48 10 00 01", "m@a.dk")),
        PRINTED)).isEqualTo(golden("citizen-plan-contact.html"));
    assertThat(PlanHtmlPage.render(plan(null), PRINTED)).isEqualTo(golden("citizen-plan-no-contact.html"));
  }

  @Test
  void everyValueIsEscapedAndOnlyWhatThereIsIsShown() {
    String page = PlanHtmlPage.render(plan(new PlanViews.ContactPerson("k", null, null, "m@a.dk")), PRINTED);
    assertThat(page).doesNotContain("<b>Lund", "<sommer>", "<i>4 uger", "<Ydelse>", "\"Holm\"")
        .contains("Kim &lt;b&gt;Lund&lt;/b&gt;", "Mette &quot;Holm&quot;", "&#39;bolig&#39; &amp; ro",
            "Praktik<br>\n&lt;i&gt;4 uger&lt;/i&gt;", "E-mail: <strong>m@a.dk</strong>", "Skriv til din kontaktperson",
            " – du trak dit ja tilbage den 1. december 2026")
        .doesNotContain("Telefon:", "Din kontaktperson er", "Skridt på vejen:</strong>  ");
    assertThat(page.split("Skridt på vejen", -1)).as("goal 2 has blank sub-goals: not shown").hasSize(2);
    assertThat(PlanHtmlPage.render(plan(new PlanViews.ContactPerson("k", "Mette", null, null)), PRINTED))
        .contains("Kontakt Allerød Kommune og spørg efter din kontaktperson").doesNotContain("class=\"contact\"");
  }

  private static String golden(String name) throws Exception {
    try (var in = PlanHtmlPageTest.class.getResourceAsStream("/planapi/" + name)) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
  }
}
