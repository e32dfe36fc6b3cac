package dk.enplan.demo;

import java.util.Map;

/** What a sector's caseworker writes in the demo: the assessment, the recommendation and the planned intervention. */
record SectorTexts(String assessment, String recommendation, String intervention) {

  private static final Map<String, SectorTexts> BY_SECTOR = Map.of(
      "beskaeftigelse", new SectorTexts(
          "%s har været ledig i længere tid og har svært ved at holde et fast mødetidspunkt. Motiveret for praktik "
              + "inden for lager eller grønne områder.",
          "Virksomhedspraktik på nedsat tid med mentor, gradvis optrapning.",
          "Virksomhedspraktik 12 timer om ugen med mentor, optrappes efter 8 uger"),
      "ydelse", new SectorTexts(
          "%s modtager kontanthjælp og har gæld til flere kreditorer. Huslejen er betalt, men budgettet hænger ikke "
              + "sammen.",
          "Budget- og gældsrådgivning; overvej enkeltydelse til tandbehandling.",
          "Budgetrådgivning hver 14. dag i 3 måneder"),
      "sygedagpenge", new SectorTexts(
          "%s er sygemeldt med stress og smerter i ryggen. Lægeattest foreligger; forventet varighed over 22 uger.",
          "Forlængelse af sygedagpenge og delvis raskmelding i samarbejde med arbejdspladsen.",
          "Opfølgningssamtaler og plan for delvis raskmelding"),
      "voksen", new SectorTexts(
          "%s har et dagligt forbrug af hash og bor midlertidigt hos en ven. Ønsker egen bolig og hjælp til at "
              + "skære ned.",
          "Ambulant misbrugsbehandling og bostøtte efter servicelovens § 85.",
          "Ambulant misbrugsbehandling og bostøtte 3 timer om ugen"),
      "familie", new SectorTexts(
          "Børnene trives i skole og dagtilbud, men hverdagen i hjemmet er uforudsigelig. %s ønsker selv hjælp.",
          "Familiebehandling i hjemmet og en fast kontakt til skolen.",
          "Familiebehandling i hjemmet en gang om ugen"),
      "sundhed", new SectorTexts(
          "%s har søvnproblemer, angst og ubehandlede smerter. Egen læge er inddraget.",
          "Forløb i kommunens sundhedscenter og henvisning til psykolog via egen læge.",
          "Forløb i sundhedscenteret: træning og mestring af smerter og angst"),
      "unge", new SectorTexts(
          "%s har afbrudt to ungdomsuddannelser og har ikke været i uddannelse eller job det seneste år.",
          "Forberedende grunduddannelse (FGU) med en fast kontaktperson i ungeindsatsen.",
          "Opstart på FGU med fast kontaktperson i ungeindsatsen"));

  private static final SectorTexts GENERIC = new SectorTexts(
      "Sektoren har talt med %s og gennemgået sagens oplysninger.",
      "Sektoren anbefaler en indsats, der koordineres i den samlede plan.",
      "Indsats efter sektorens lovgivning");

  static SectorTexts of(String sector) {
    return BY_SECTOR.getOrDefault(sector, GENERIC);
  }

  String assessmentOf(DemoCitizen citizen) {
    return assessment.formatted(citizen.firstName());
  }
}
