package dk.enplan.course;

import dk.enplan.process.InvalidInputException;
import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * A Danish CPR number: ten digits (a dash after the sixth is accepted), of which the first six are a real birth
 * date, not in the future. The century follows the CPR office's rule on the seventh digit. No modulus-11 check: it was dropped in 2007.
 */
public record CprNumber(String digits) {

  public CprNumber {
    if (digits == null || !digits.matches("\\d{10}")) {
      throw new InvalidInputException("cpr", "skal være 10 cifre, fx 010190-1234");
    }
    birthDate(digits);
  }

  public static CprNumber parse(String text) {
    if (text == null) {
      throw new InvalidInputException("cpr", "skal udfyldes");
    }
    String trimmed = text.trim();
    if (!trimmed.matches("\\d{6}-?\\d{4}")) {
      throw new InvalidInputException("cpr", "skal være 10 cifre, fx 010190-1234");
    }
    return new CprNumber(trimmed.replace("-", ""));
  }

  /** The birth date part and a masked serial: {@code 010190-xxxx}. */
  public String masked() {
    return digits.substring(0, 6) + "-xxxx";
  }

  public LocalDate birthDate() {
    return birthDate(digits);
  }

  private static LocalDate birthDate(String digits) {
    int day = Integer.parseInt(digits.substring(0, 2));
    int month = Integer.parseInt(digits.substring(2, 4));
    int yy = Integer.parseInt(digits.substring(4, 6));
    int seventh = digits.charAt(6) - '0';
    int century;
    if (seventh <= 3) {
      century = 1900;
    } else if (seventh == 4 || seventh == 9) {
      century = yy <= 36 ? 2000 : 1900;
    } else {
      century = yy <= 57 ? 2000 : 1800;
    }
    LocalDate date;
    try {
      date = LocalDate.of(century + yy, month, day);
    } catch (DateTimeException e) {
      throw new InvalidInputException("cpr", "de første seks cifre er ikke en gyldig dato (ddmmåå)");
    }
    if (date.isAfter(LocalDate.now())) {
      throw new InvalidInputException("cpr", "fødselsdatoen ligger i fremtiden");
    }
    return date;
  }

  @Override
  public String toString() {
    return masked();
  }
}
