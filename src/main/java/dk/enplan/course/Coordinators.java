package dk.enplan.course;

import dk.enplan.names.GroupNames;
import java.util.LinkedHashMap;
import java.util.Map;
import dk.enplan.process.WithoutUserChecks;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/** The caseworkers who can be a course's coordinating contact person: members of {@code koordinator} in its municipality. */
@Component
public class Coordinators {

  public static final String GROUP = GroupNames.COORDINATOR;

  private final IdentityService identity;

  Coordinators(IdentityService identity) {
    this.identity = identity;
  }

  /** User id → "First Last", for the visitation form. */
  public Map<String, String> in(String tenant) {
    Map<String, String> options = new LinkedHashMap<>();
    WithoutUserChecks.get(() -> identity.createUserQuery().memberOfGroup(GROUP).memberOfTenant(tenant)
        .orderByUserLastName().asc().list())
        .forEach(user -> options.put(user.getId(), displayName(user)));
    return options;
  }

  public boolean isCoordinatorIn(String userId, String tenant) {
    return WithoutUserChecks.get(() ->
        identity.createUserQuery().userId(userId).memberOfGroup(GROUP).memberOfTenant(tenant).count()) == 1;
  }

  private static String displayName(User user) {
    String name = ContactPersons.name(user);
    return name == null ? user.getId() : name + " (" + user.getId() + ")";
  }
}
