package dk.enplan.operations;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * A value read at most once per time to live, however often it is asked for: a health check or a metric polled by a
 * load balancer and by Prometheus costs one query per period, not one per poll. Thread-safe; a slow read holds the
 * other callers back instead of reading in parallel.
 */
final class CachedValue<T> {

  private final long ttlNanos;
  private final Supplier<T> read;
  private T value;
  private long readAt;

  CachedValue(Duration ttl, Supplier<T> read) {
    this.ttlNanos = ttl.toNanos();
    this.read = read;
  }

  synchronized T get() {
    long now = System.nanoTime();
    if (value == null || now - readAt >= ttlNanos) {
      value = read.get();
      readAt = now;
    }
    return value;
  }
}
