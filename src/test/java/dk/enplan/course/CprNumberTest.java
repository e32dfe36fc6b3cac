package dk.enplan.course;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.enplan.process.InvalidInputException;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CprNumberTest {

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({"010190-1234, 1990-01-01", "0101901234, 1990-01-01", "290200-4123, 2000-02-29",
      "311299-5123, 1899-12-31", "010105-4123, 2005-01-01", "150420-9123, 2020-04-15", "150437-9123, 1937-04-15"})
  void readsTheBirthDateWithTheCprOfficesCenturyRule(String cpr, LocalDate birthDate) {
    assertThat(CprNumber.parse(cpr).birthDate()).isEqualTo(birthDate);
    assertThat(CprNumber.parse(cpr).masked()).isEqualTo(cpr.substring(0, 6) + "-xxxx");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "12345", "010190-12345", "0101901234x", "01019O1234", "320190-1234", "011390-1234",
      "290201-1234", "01-0190-1234", "010150-5123"})
  void rejectsAnythingElseNamingTheField(String cpr) {
    assertThatThrownBy(() -> CprNumber.parse(cpr)).isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("cpr: ");
  }
}
