package dk.enplan.course;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The decision tables on the DMN engine alone: every rule, in milliseconds. */
class DecisionTablesTest {

  private static final DmnEngine DMN = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

  private static DmnDecision decision(String file, String key) throws IOException {
    try (InputStream in = new FileInputStream("processes/" + file)) {
      return DMN.parseDecision(key, in);
    }
  }

  @ParameterizedTest(name = "{0} problemområde(r) → i målgruppen: {1}")
  @CsvSource({"ledighed, false", "ledighed|misbrug, true", "ledighed|gaeld|bolig|helbred, true"})
  void maalgruppeKraeverUdfordringerPaaFlereOmraader(String areas, boolean expected) throws IOException {
    Object result = DMN.evaluateDecisionTable(decision("maalgruppe.dmn", "maalgruppe"),
        Variables.putValue("problemAreas", List.of(areas.split("\\|")))).getSingleEntry();
    assertThat(result).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({
      "ledighed, beskaeftigelse|ydelse",
      "sygemelding, beskaeftigelse|sygedagpenge",
      "forsoergelse, ydelse",
      "misbrug, voksen|sundhed",
      "psykisk_sygdom, voksen|sundhed",
      "bolig, voksen",
      "boern_familie, familie",
      "helbred, sundhed",
      "ung_uddannelse, unge",
      "misbrug|bolig|boern_familie, voksen|familie|sundhed"})
  void sektorforslagFoelgerProblemomraaderne(String areas, String sectors) throws IOException {
    List<Object> suggested = DMN.evaluateDecisionTable(decision("sektorforslag.dmn", "sektorforslag"),
        Variables.putValue("problemAreas", List.of(areas.split("\\|")))).collectEntries("sector");
    assertThat(suggested).containsExactlyInAnyOrder((Object[]) sectors.split("\\|"));
  }

  @Test
  void fristerHarEnFaellesStandard() throws IOException {
    Map<String, Object> deadlines = DMN.evaluateDecisionTable(decision("frister.dmn", "frister"),
        Variables.putValue("municipality", "allerod")).getSingleResult().getEntryMap();
    assertThat(deadlines).containsEntry("assessmentDeadline", "P28D").containsEntry("followUpInterval", "P90D")
        .containsEntry("complaintDeadline", "P28D").containsEntry("taskDeadline", "P14D");
  }
}
