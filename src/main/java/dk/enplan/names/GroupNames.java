package dk.enplan.names;

import java.util.List;

/**
 * The groups of Én Plan: candidate groups of the models' tasks, the groups users belong to (per municipality, as
 * tenant membership) and the groups the REST gate, the plan API, the export and the operations endpoints admit.
 * A sector's caseworkers are {@code sektor-<sector key>}, the sector keys being data ({@code enplan.sectors}).
 */
public final class GroupNames {

  /** Visitation: starts a course and visitates the referral. */
  public static final String VISITATION = "visitation";
  /** The coordinating contact persons; every coordinator task's candidate group, for cover. */
  public static final String COORDINATOR = "koordinator";
  /** Managers: read their municipality's courses in Cockpit. */
  public static final String MANAGER = "leder";
  /** Analysts: read the plans and statistics of their municipality. */
  public static final String ANALYST = "analytiker";
  /** The specialist systems' technical users: the plan lookup. */
  public static final String SPECIALIST_SYSTEM = "fagsystem";
  /** The network across the municipalities: shared decision tables and models. */
  public static final String NETWORK = "netvaerk";
  /** Evaluation: the pseudonymised export. */
  public static final String EVALUATOR = "evaluering";
  /** Operations: health and metrics endpoints. */
  public static final String OPERATIONS = "drift";
  /** Camunda's administrators ({@code org.camunda.bpm.engine.authorization.Groups.CAMUNDA_ADMIN}). */
  public static final String ADMIN = "camunda-admin";
  /** Prefix of a sector's caseworkers' group: {@code sektor-beskaeftigelse}. */
  public static final String SECTOR_PREFIX = "sektor-";

  /** Every group that is not a sector's, in the order the demo and the docs list them. */
  public static final List<String> FIXED = List.of(VISITATION, COORDINATOR, MANAGER, ANALYST, SPECIALIST_SYSTEM,
      NETWORK, EVALUATOR, OPERATIONS, ADMIN);

  private GroupNames() {
  }

  /** The group of a sector's caseworkers. */
  public static String sector(String sectorKey) {
    return SECTOR_PREFIX + sectorKey;
  }

  /** Whether the group is a sector's (whichever sector). */
  public static boolean isSectorGroup(String group) {
    return group != null && group.startsWith(SECTOR_PREFIX) && group.length() > SECTOR_PREFIX.length();
  }
}
