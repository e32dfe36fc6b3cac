package dk.enplan.deployment;

/** An expression outside the safe grammar; the message (Danish) says why. */
class UnsafeExpressionException extends Exception {

  UnsafeExpressionException(String message) {
    super(message, null, false, false);
  }
}
