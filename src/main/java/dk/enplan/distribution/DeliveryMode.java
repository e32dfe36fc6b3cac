package dk.enplan.distribution;

/** How much a specialist system receives. */
public enum DeliveryMode {
  /** The plan's content for the sector; only with the citizen's consent for that sector. */
  FULL,
  /** That the citizen receives intervention under Én Plan and the main law: plan id, version, contact person, link. */
  REFERENCE
}
