package dk.enplan.security;

import dk.enplan.names.GroupNames;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.authorization.Groups;

/**
 * Who calls the engine's API: the user, her groups and her municipalities (tenants), as the engine itself sees
 * them for this request.
 */
record EngineCaller(String userId, List<String> groups, List<String> tenants) {

  static final String SECTOR_GROUP_PREFIX = GroupNames.SECTOR_PREFIX;

  EngineCaller {
    groups = groups == null ? List.of() : List.copyOf(groups);
    tenants = tenants == null ? List.of() : List.copyOf(tenants);
  }

  boolean isAdmin() {
    return groups.contains(Groups.CAMUNDA_ADMIN);
  }

  boolean isIn(Role role) {
    return groups.stream().anyMatch(role::matches);
  }

  boolean isInAny(List<Role> roles) {
    return roles.stream().anyMatch(this::isIn);
  }

  /** The caller's one municipality, or none when she belongs to none or to several. */
  Optional<String> onlyTenant() {
    return tenants.size() == 1 ? Optional.of(tenants.get(0)) : Optional.empty();
  }

  /** The roles of Én Plan as groups; a sector's caseworkers are the groups {@code sektor-<key>}. */
  enum Role {
    VISITATION(GroupNames.VISITATION),
    COORDINATOR(GroupNames.COORDINATOR),
    SECTOR(SECTOR_GROUP_PREFIX),
    MANAGER(GroupNames.MANAGER),
    ANALYST(GroupNames.ANALYST),
    SPECIALIST_SYSTEM(GroupNames.SPECIALIST_SYSTEM),
    NETWORK(GroupNames.NETWORK),
    EVALUATOR(GroupNames.EVALUATOR);

    private final String group;

    Role(String group) {
      this.group = group;
    }

    boolean matches(String groupId) {
      return this == SECTOR ? groupId.startsWith(SECTOR_GROUP_PREFIX) : groupId.equals(group);
    }
  }
}
