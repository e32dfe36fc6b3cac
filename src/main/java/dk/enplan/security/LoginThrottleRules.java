package dk.enplan.security;

import java.time.Duration;

/**
 * The figures of the login throttle (docs/accounts.md). Per pair of user id and source address:
 *
 * <ul>
 *   <li>the first {@code freeFailures} wrong passwords are answered as usual (401);</li>
 *   <li>after that each wrong password delays the pair: {@code firstDelay}, doubling with every further wrong
 *       password, at most {@code maxDelay}; attempts within the delay are answered 429 with Retry-After, without the
 *       password being checked;</li>
 *   <li>after {@code lockAfter} attempts (wrong passwords plus attempts answered 429) the pair is locked for
 *       {@code lockDuration}; each wrong password after a lock locks it again;</li>
 *   <li>the right password resets the pair; a pair without a wrong password for {@code forgetAfter} is forgotten;</li>
 *   <li>at most {@code maxTrackedPairs} pairs are kept (the ones with the oldest wrong password go first, locked
 *       pairs last).</li>
 * </ul>
 */
record LoginThrottleRules(int freeFailures, Duration firstDelay, Duration maxDelay, int lockAfter,
                          Duration lockDuration, Duration forgetAfter, int maxTrackedPairs) {

  /**
   * A real user who mistypes gets 5 tries without any delay; a patient guesser gets 20 guesses in about 10 minutes,
   * then one per 15 minutes (4 an hour, 96 a day) per account and source address.
   */
  static final LoginThrottleRules DEFAULT = new LoginThrottleRules(5, Duration.ofSeconds(1), Duration.ofSeconds(60),
      20, Duration.ofMinutes(15), Duration.ofHours(24), 100_000);

  /** The delay after the {@code failures}-th wrong password, zero while still among the free ones. */
  Duration delayAfter(int failures) {
    if (failures < freeFailures) {
      return Duration.ZERO;
    }
    int doublings = Math.min(failures - freeFailures, 30);
    Duration delay = firstDelay.multipliedBy(1L << doublings);
    return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
  }
}
