package dk.enplan.demo;

import java.util.List;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Profile;

/**
 * Demo mode settings ({@code enplan.demo}): the one password of every demo user, the municipalities that get a
 * full staff of demo users, and the demo users who have a name and an e-mail of their own (the others are named after
 * their role and municipality).
 */
@Profile("demo")
@ConfigurationProperties("enplan.demo")
record DemoProperties(String password, List<String> staffedMunicipalities, List<Person> people) {

  DemoProperties {
    if (password == null || password.isBlank()) {
      throw new IllegalStateException("enplan.demo.password must be set in demo mode");
    }
    staffedMunicipalities = staffedMunicipalities == null ? List.of() : List.copyOf(staffedMunicipalities);
    people = people == null ? List.of() : List.copyOf(people);
  }

  /** A demo user's name and e-mail, e.g. the coordinating contact person a citizen's page names. */
  record Person(String user, String firstName, String lastName, String email) {
  }

  Optional<Person> person(String userId) {
    return people.stream().filter(person -> person.user().equals(userId)).findFirst();
  }
}
