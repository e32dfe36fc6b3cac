package dk.enplan.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Failed logins counted per pair of user id and source address, in this node's memory ({@link LoginThrottleRules}).
 * Someone else's wrong passwords for a user therefore delay and lock only their own address, never the real user
 * at hers. Thread-safe; every method is short and synchronized.
 */
@Component
class LoginThrottle {

  private static final Logger LOG = LoggerFactory.getLogger(LoginThrottle.class);

  /** A user id and where the attempt came from: an IPv4 address or an IPv6 /64 prefix. */
  record LoginPair(String userId, String source) {
  }

  /** What an administrator sees of a throttled pair. */
  record ThrottledLogin(String userId, String source, int failures, int refused, boolean locked, Instant until,
                        Instant lastFailure) {
  }

  /** May this attempt be checked, and if not, for how long is the pair refused. */
  record Decision(boolean allowed, Duration retryAfter, boolean locked) {

    static final Decision ALLOWED = new Decision(true, Duration.ZERO, false);
  }

  private static final class Attempts {
    int failures;
    int refused;
    Instant blockedUntil;
    boolean locked;
    Instant lastFailure;

    boolean blocked(Instant now) {
      return blockedUntil != null && now.isBefore(blockedUntil);
    }
  }

  private final Clock clock;
  private final LoginThrottleRules rules;
  /** In order of the last wrong password (re-inserted on each), oldest first. */
  private final LinkedHashMap<LoginPair, Attempts> pairs = new LinkedHashMap<>();

  @Autowired
  LoginThrottle() {
    this(Clock.systemUTC(), LoginThrottleRules.DEFAULT);
  }

  LoginThrottle(Clock clock, LoginThrottleRules rules) {
    this.clock = clock;
    this.rules = rules;
  }


  /**
   * Before the password is checked: allowed, or refused (429) for the time left. A refused attempt counts towards
   * the lock: a client that ignores Retry-After is locked sooner.
   */
  synchronized Decision check(LoginPair pair) {
    Instant now = clock.instant();
    Attempts attempts = pairs.get(pair);
    if (attempts == null) {
      return Decision.ALLOWED;
    }
    if (!attempts.blocked(now)) {
      if (attempts.lastFailure.plus(rules.forgetAfter()).isBefore(now)) {
        pairs.remove(pair);
      }
      return Decision.ALLOWED;
    }
    if (!attempts.locked) {
      attempts.refused++;
      if (attempts.failures + attempts.refused >= rules.lockAfter()) {
        lock(pair, attempts, now);
      }
    }
    return new Decision(false, Duration.between(now, attempts.blockedUntil), attempts.locked);
  }

  /** The password was wrong. */
  synchronized void failed(LoginPair pair) {
    Instant now = clock.instant();
    Attempts attempts = pairs.remove(pair);
    if (attempts == null) {
      attempts = new Attempts();
      makeRoom(now);
    }
    pairs.put(pair, attempts);
    attempts.failures++;
    attempts.lastFailure = now;
    if (attempts.failures + attempts.refused >= rules.lockAfter()) {
      lock(pair, attempts, now);
    } else {
      Duration delay = rules.delayAfter(attempts.failures);
      attempts.blockedUntil = delay.isZero() ? null : now.plus(delay);
    }
  }

  /** The password was right: the pair starts afresh. */
  synchronized void succeeded(LoginPair pair) {
    pairs.remove(pair);
  }

  /** The pairs that are delayed or locked now, locked first. */
  synchronized List<ThrottledLogin> throttled() {
    Instant now = clock.instant();
    List<ThrottledLogin> result = new ArrayList<>();
    pairs.forEach((pair, attempts) -> {
      if (attempts.blocked(now)) {
        result.add(new ThrottledLogin(pair.userId(), pair.source(), attempts.failures, attempts.refused,
            attempts.locked, attempts.blockedUntil, attempts.lastFailure));
      }
    });
    result.sort((a, b) -> Boolean.compare(b.locked(), a.locked()));
    return result;
  }

  /** An administrator lifts a pair's delay or lock and resets its count; empty if the pair was not tracked. */
  synchronized Optional<LoginPair> lift(LoginPair pair) {
    if (pairs.remove(pair) == null) {
      return Optional.empty();
    }
    LOG.warn("Login throttle lifted by an administrator for user {} from {}", pair.userId(), pair.source());
    return Optional.of(pair);
  }

  synchronized int trackedPairs() {
    return pairs.size();
  }

  private void lock(LoginPair pair, Attempts attempts, Instant now) {
    attempts.locked = true;
    attempts.blockedUntil = now.plus(rules.lockDuration());
    LOG.warn("Login locked for user {} from {} until {} after {} wrong passwords and {} refused attempts",
        pair.userId(), pair.source(), attempts.blockedUntil, attempts.failures, attempts.refused);
  }

  /** Keeps the map within its bound: forgotten pairs go first, then the oldest unlocked one, then the oldest. */
  private void makeRoom(Instant now) {
    if (pairs.size() < rules.maxTrackedPairs()) {
      return;
    }
    pairs.values().removeIf(a -> !a.blocked(now) && a.lastFailure.plus(rules.forgetAfter()).isBefore(now));
    if (pairs.size() < rules.maxTrackedPairs()) {
      return;
    }
    for (Iterator<Map.Entry<LoginPair, Attempts>> it = pairs.entrySet().iterator(); it.hasNext(); ) {
      if (!it.next().getValue().blocked(now)) {
        it.remove();
        return;
      }
    }
    Iterator<LoginPair> oldest = pairs.keySet().iterator();
    oldest.next();
    oldest.remove();
  }

  /**
   * The source of a request as the throttle counts it: an IPv4 address as it is, an IPv6 address by its /64 prefix
   * (one subscriber's network: a host picks any address within it at will).
   */
  static String source(String remoteAddress) {
    if (remoteAddress == null || remoteAddress.indexOf(':') < 0) {
      return String.valueOf(remoteAddress);
    }
    try {
      byte[] bytes = InetAddress.getByName(remoteAddress).getAddress();
      if (bytes.length != 16) {
        return InetAddress.getByAddress(bytes).getHostAddress();
      }
      StringBuilder prefix = new StringBuilder();
      for (int i = 0; i < 8; i += 2) {
        prefix.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
      }
      return prefix.append(":/64").toString();
    } catch (UnknownHostException e) {
      return remoteAddress;
    }
  }

}
