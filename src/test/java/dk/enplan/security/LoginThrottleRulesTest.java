package dk.enplan.security;

import static org.assertj.core.api.Assertions.assertThat;

import dk.enplan.security.LoginThrottle.Decision;
import dk.enplan.security.LoginThrottle.LoginPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * The throttle's figures measured on a simulated clock: how many passwords an attacker gets checked per account and
 * source address, patient (waits out every Retry-After) or not, and that the memory stays bounded.
 */
class LoginThrottleRulesTest {

  private final MutableClock clock = new MutableClock();
  private final LoginThrottle throttle = new LoginThrottle(clock, LoginThrottleRules.DEFAULT);
  private final LoginPair pair = new LoginPair("koordinator.allerod", "203.0.113.7");

  @Test
  void aPatientGuesserGets20GuessesInTenMinutesThenFourAnHour() {
    int firstTwenty = 0;
    long secondsForTwenty = 0;
    int firstHour = 0;
    int firstDay = 0;
    Instant start = clock.instant();
    while (Duration.between(start, clock.instant()).compareTo(Duration.ofDays(1)) < 0) {
      // The worst case: a guesser who knows the published rules and never sends an attempt before the delay is
      // over (each 429 would count towards the lock).
      assertThat(throttle.check(pair).allowed()).isTrue();
      Instant guessedAt = clock.instant();
      throttle.failed(pair);
      throttle.throttled().stream().filter(t -> t.userId().equals(pair.userId())).findFirst()
          .ifPresent(t -> clock.advance(Duration.between(clock.instant(), t.until())));
      long elapsed = Duration.between(start, guessedAt).toSeconds();
      firstDay++;
      if (elapsed < 3600) {
        firstHour++;
      }
      if (++firstTwenty == 20) {
        secondsForTwenty = elapsed;
      }
    }
    System.out.printf("LOGIN THROTTLE figures: a patient guesser per account and source: 20 guesses after %d s, "
        + "%d in the first hour, %d in the first day%n", secondsForTwenty, firstHour, firstDay);
    assertThat(secondsForTwenty).isEqualTo(603);
    assertThat(firstHour).isEqualTo(23);
    assertThat(firstDay).as("20, then one per 15-minute lock: 95 more in the day").isEqualTo(115);
  }

  @Test
  void aGuesserIgnoringRetryAfterIsLockedAfterSixChecksAndTheLockIsNotExtended() {
    int checked = 0;
    for (int attempt = 0; attempt < 100; attempt++) {
      if (throttle.check(pair).allowed()) {
        throttle.failed(pair);
        checked++;
      }
      clock.advance(Duration.ofMillis(100));
    }
    Decision locked = throttle.check(pair);
    assertThat(checked).as("passwords checked: 5 free, 1 after the first second's delay").isEqualTo(6);
    assertThat(locked.locked()).isTrue();
    assertThat(locked.retryAfter()).isLessThanOrEqualTo(Duration.ofMinutes(15));
    clock.advance(locked.retryAfter());
    assertThat(throttle.check(pair).allowed()).as("the lock ends on time, however often it was tried").isTrue();
    throttle.succeeded(pair);
    assertThat(throttle.trackedPairs()).isZero();
  }

  @Test
  void memoryIsBoundedAndLockedPairsAreEvictedLast() {
    LoginThrottle small = new LoginThrottle(clock, new LoginThrottleRules(5, Duration.ofSeconds(1),
        Duration.ofSeconds(60), 20, Duration.ofMinutes(15), Duration.ofHours(24), 100));
    for (int i = 0; i < 20; i++) {
      small.failed(pair);
    }
    assertThat(small.check(pair).locked()).isTrue();
    for (int i = 0; i < 1000; i++) {
      small.failed(new LoginPair("user" + i, "198.51.100.1"));
      clock.advance(Duration.ofMillis(10));
    }
    assertThat(small.trackedPairs()).isEqualTo(100);
    assertThat(small.check(pair).locked()).as("flooding with other user ids did not evict the lock").isTrue();
  }

  @Test
  void anIpv6SourceCountsByItsSlash64() {
    assertThat(LoginThrottle.source("2001:db8:1:2:aaaa:bbbb:cccc:dddd")).isEqualTo("2001:db8:1:2::/64");
    assertThat(LoginThrottle.source("2001:db8:1:2::1")).isEqualTo("2001:db8:1:2::/64");
    assertThat(LoginThrottle.source("127.0.0.3")).isEqualTo("127.0.0.3");
  }

  private static final class MutableClock extends Clock {
    private Instant now = Instant.parse("2026-01-05T08:00:00Z");

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
