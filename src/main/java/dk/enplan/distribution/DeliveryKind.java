package dk.enplan.distribution;

/** What a delivery to a specialist system tells it. */
public enum DeliveryKind {
  /** An agreed plan version. */
  PLAN,
  /** The course is closed; the citizen no longer receives intervention under Én Plan. */
  CLOSURE,
  /** The citizen withdrew consent for the sector: stop using the plan's content. */
  WITHDRAWAL
}
