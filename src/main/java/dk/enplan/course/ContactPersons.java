package dk.enplan.course;

import dk.enplan.process.WithoutUserChecks;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Finds a contact person's name and e-mail in the identity service (Camunda's users, or the directory behind it) and
 * her phone in configuration ({@code enplan.contact-persons.phones}: Camunda users have no phone number).
 */
@Component
public class ContactPersons {

  private final IdentityService identity;
  private final Map<String, String> phones;

  ContactPersons(IdentityService identity, ContactPersonProperties properties) {
    this.identity = identity;
    this.phones = properties.phones().stream().collect(Collectors.toUnmodifiableMap(
        ContactPersonProperties.Phone::user, ContactPersonProperties.Phone::phone));
  }

  /** The contact person with this user id; only the id and a configured phone if the user is not known. */
  public ContactPerson of(String userId) {
    Optional<User> user = Optional.ofNullable(
        WithoutUserChecks.get(() -> identity.createUserQuery().userId(userId).singleResult()));
    return new ContactPerson(userId, user.map(ContactPersons::name).orElse(null), blankToNull(phones.get(userId)),
        user.map(User::getEmail).map(ContactPersons::blankToNull).orElse(null));
  }

  /** "First Last", null when the user has neither. */
  static String name(User user) {
    return blankToNull(((user.getFirstName() == null ? "" : user.getFirstName()) + " "
        + (user.getLastName() == null ? "" : user.getLastName())).trim());
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.trim();
  }

  /** {@code enplan.contact-persons.phones}: the phone number citizens call each contact person on. */
  @ConfigurationProperties("enplan.contact-persons")
  record ContactPersonProperties(List<Phone> phones) {

    ContactPersonProperties {
      phones = phones == null ? List.of() : List.copyOf(phones);
    }

    record Phone(String user, String phone) {
    }
  }
}
