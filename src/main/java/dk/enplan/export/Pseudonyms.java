package dk.enplan.export;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The evaluator's pseudonyms: HMAC-SHA256 with a secret of its own ({@value #PROPERTY}, at least 32 bytes, base64),
 * as 64 hex characters. A citizen's pseudonym is computed from the plan store's keyed CPR hash, so the same citizen
 * gets the same pseudonym in every export and in every municipality, without the CPR number being decrypted; a
 * different secret gives unrelated pseudonyms. Without the secret a pseudonym cannot be traced back (docs/export.md).
 */
@Component
class Pseudonyms {

  static final String PROPERTY = "enplan.export.pseudonym-secret";
  static final int MIN_BYTES = 32;
  private static final String MAC = "HmacSHA256";

  private final SecretKeySpec key;

  Pseudonyms(@Value("${" + PROPERTY + ":}") String secret) {
    if (secret == null || secret.isBlank()) {
      throw new IllegalStateException(PROPERTY + " is not set: set ENPLAN_EXPORT_SECRET to 32 random bytes, "
          + "base64-encoded ('openssl rand -base64 32'); docs/export.md");
    }
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(secret.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(PROPERTY + " is not base64");
    }
    if (bytes.length < MIN_BYTES) {
      throw new IllegalStateException(PROPERTY + " must be at least " + MIN_BYTES + " bytes after base64 decoding, "
          + "not " + bytes.length);
    }
    this.key = new SecretKeySpec(bytes, MAC);
  }

  /** A pseudonymiser for one export (one thread): a Mac is not thread-safe, and creating one per row is slow. */
  Pseudonymiser start() {
    try {
      Mac mac = Mac.getInstance(MAC);
      mac.init(key);
      return new Pseudonymiser(mac);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available (" + e.getClass().getSimpleName() + ")");
    }
  }

  static final class Pseudonymiser {

    private static final HexFormat HEX = HexFormat.of();
    private final Mac mac;

    private Pseudonymiser(Mac mac) {
      this.mac = mac;
    }

    /** The citizen's pseudonym from the stored CPR hash (dk.enplan.privacy.CprProtection#lookupHash). */
    String citizen(String cprHash) {
      return of("borger:" + cprHash);
    }

    String course(String courseId) {
      return of("forloeb:" + courseId);
    }

    private String of(String value) {
      return HEX.formatHex(mac.doFinal(value.getBytes(StandardCharsets.US_ASCII)));
    }
  }
}
