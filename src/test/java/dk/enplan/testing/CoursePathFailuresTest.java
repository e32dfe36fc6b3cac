package dk.enplan.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A path test's failure as an analyst reads it, with the Danish names from the models in processes/. */
class CoursePathFailuresTest {

  @Test
  void aFailureNamesThePathAndTheElementsInDanish() {
    String told = CoursePathFailures.tell("borgerenGiverIkkeSamtykkeOgVenderTilbageTilSektorerne",
        "Expecting ProcessInstance to be waiting at [visitation], but it is actually waiting at [obtainConsent].");

    assertThat(told).isEqualTo("Stien \"borgeren giver ikke samtykke og vender tilbage til sektorerne\" fejlede: "
        + "Expecting ProcessInstance to be waiting at [visitation 'Visitér henvisningen'], but it is actually "
        + "waiting at [obtainConsent 'Indhent samtykke'].");
  }
}
