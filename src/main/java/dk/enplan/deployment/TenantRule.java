package dk.enplan.deployment;

import dk.enplan.names.GroupNames;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Who may deploy for whom: an administrator ({@code camunda-admin}) anywhere; anyone else only under one of her own
 * tenants (her municipality); a deployment without tenant, shared by all nine municipalities, needs the network
 * role {@code netvaerk}. Without an authenticated caller (the application's own deployments at start) there is
 * nothing to check.
 */
final class TenantRule {

  static final String NETWORK_GROUP = GroupNames.NETWORK;

  Optional<Finding> check(Authentication caller, String tenantId, String deploymentName) {
    if (caller == null || caller.getUserId() == null) {
      return Optional.empty();
    }
    List<String> groups = caller.getGroupIds() == null ? List.of() : caller.getGroupIds();
    if (groups.contains(Groups.CAMUNDA_ADMIN)) {
      return Optional.empty();
    }
    String deployment = deploymentName == null ? "udrulningen" : "udrulningen '" + deploymentName + "'";
    if (tenantId == null) {
      return groups.contains(NETWORK_GROUP) ? Optional.empty() : Optional.of(new Finding(deployment, null,
          "tenant-id", "en fælles udrulning uden tenant-id (for alle ni kommuner) kræver netværksrollen '"
              + NETWORK_GROUP + "'; angiv din kommunes tenant-id"));
    }
    List<String> tenants = caller.getTenantIds() == null ? List.of() : caller.getTenantIds();
    if (tenants.contains(tenantId)) {
      return Optional.empty();
    }
    return Optional.of(new Finding(deployment, null, "tenant-id", "'" + tenantId + "' er ikke din kommune; du kan "
        + "kun udrulle under " + (tenants.isEmpty() ? "din egen kommunes tenant-id" : String.join(" eller ", tenants))));
  }
}
