package dk.enplan.privacy;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds and masks full CPR numbers in free text (exception messages, operation log values): ten digits, with or
 * without a dash after the sixth, whose first six digits look like a date (ddmmyy), not part of a longer word or
 * number. Masked the way the process shows them: {@code 010190-xxxx}.
 */
public final class CprText {

  private static final Pattern CPR = Pattern.compile(
      "(?<![0-9A-Za-z])((?:0[1-9]|[12][0-9]|3[01])(?:0[1-9]|1[0-2])[0-9]{2})-?[0-9]{4}(?![0-9A-Za-z])");

  private CprText() {
  }

  public static boolean containsCpr(String text) {
    return text != null && CPR.matcher(text).find();
  }

  /** The text with every full CPR number replaced by its masked form; {@code null} stays {@code null}. */
  public static String mask(String text) {
    return containsCpr(text) ? CPR.matcher(text).replaceAll("$1-xxxx") : text;
  }

  /**
   * The throwable itself if neither it nor a cause or suppressed exception mentions a full CPR number; otherwise
   * a copy with masked messages and the same stack traces, whose {@link Throwable#toString()} still names the
   * original exception class.
   */
  public static Throwable scrub(Throwable throwable) {
    if (!mentionsCpr(throwable, Collections.newSetFromMap(new IdentityHashMap<>()))) {
      return throwable;
    }
    return copy(throwable, Collections.newSetFromMap(new IdentityHashMap<>()));
  }

  private static boolean mentionsCpr(Throwable throwable, Set<Throwable> seen) {
    if (throwable == null || !seen.add(throwable)) {
      return false;
    }
    if (containsCpr(throwable.getMessage()) || containsCpr(throwable.getLocalizedMessage())
        || containsCpr(throwable.toString())) {
      return true;
    }
    for (Throwable suppressed : throwable.getSuppressed()) {
      if (mentionsCpr(suppressed, seen)) {
        return true;
      }
    }
    return mentionsCpr(throwable.getCause(), seen);
  }

  private static Throwable copy(Throwable throwable, Set<Throwable> seen) {
    if (throwable == null || !seen.add(throwable)) {
      return null;
    }
    if (!mentionsCpr(throwable, Collections.newSetFromMap(new IdentityHashMap<>()))) {
      return throwable;
    }
    MaskedException masked = new MaskedException(throwable, copy(throwable.getCause(), seen));
    for (Throwable suppressed : throwable.getSuppressed()) {
      Throwable copied = copy(suppressed, seen);
      if (copied != null) {
        masked.addSuppressed(copied);
      }
    }
    return masked;
  }

  /** An exception whose message mentioned a full CPR number, with the number masked. */
  static final class MaskedException extends RuntimeException {

    private final String originalType;

    MaskedException(Throwable original, Throwable maskedCause) {
      super(mask(original.getMessage()), maskedCause);
      this.originalType = original.getClass().getName();
      setStackTrace(original.getStackTrace());
    }

    String originalType() {
      return originalType;
    }

    @Override
    public String toString() {
      String message = getLocalizedMessage();
      return message == null ? originalType : originalType + ": " + message;
    }
  }
}
