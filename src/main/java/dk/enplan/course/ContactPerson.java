package dk.enplan.course;

import java.util.ArrayList;
import java.util.List;

/**
 * The coordinating contact person as citizen and caseworkers meet her: the user id (for systems), her name and
 * e-mail from the identity service, her phone from configuration. Any of name, phone and e-mail may be unknown (null).
 */
public record ContactPerson(String userId, String name, String phone, String email) {

  /** One line for the forms: "Mette Holm, tlf. 48 10 00 01, mette.holm@allerod.dk"; the user id if no name is known. */
  public String line() {
    List<String> parts = new ArrayList<>();
    parts.add(name != null ? name : userId);
    if (phone != null) {
      parts.add("tlf. " + phone);
    }
    if (email != null) {
      parts.add(email);
    }
    return String.join(", ", parts);
  }
}
