package dk.enplan.demo;

/**
 * A Camunda group that a municipality staffs with one demo user: group id and Danish name, Camunda group type,
 * and the Danish role name that becomes the demo user's first name.
 */
record StaffRole(String groupId, String groupName, String groupType, String roleName) {

  /** The demo user filling this role in a municipality: {@code <group>.<tenant>}, e.g. {@code koordinator.allerod}. */
  String userIdIn(String tenant) {
    return userId(groupId, tenant);
  }

  static String userId(String groupId, String tenant) {
    return groupId + "." + tenant;
  }
}
