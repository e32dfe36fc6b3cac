package dk.enplan.privacy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Protects full CPR numbers at rest in the plan store: AES-256-GCM with a random 12-byte IV per value, stored as
 * {@code v1:<base64(iv || ciphertext || tag)>}, and a keyed hash (HMAC-SHA256 of the ten digits, hex) so that a
 * course can still be found by CPR without decrypting every row.
 *
 * <p>The key is {@code enplan.privacy.cpr-key}: 32 random bytes, base64-encoded (production: environment variable
 * {@code ENPLAN_CPR_KEY}). The lookup key is {@code enplan.privacy.cpr-lookup-key} if set, otherwise derived from
 * the CPR key (HMAC-SHA256 of a fixed label), so encryption and lookup never use the same key. The bean is created
 * at startup and refuses a missing or malformed key, so the application does not start without one. Error messages
 * never contain a key, a CPR number or a stored value.
 */
@Component
public class CprProtection {

  static final String PROPERTY = "enplan.privacy.cpr-key";
  static final String LOOKUP_PROPERTY = "enplan.privacy.cpr-lookup-key";
  static final String FORMAT = "v1";
  static final int KEY_BYTES = 32;
  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final String CIPHER = "AES/GCM/NoPadding";
  private static final String MAC = "HmacSHA256";
  private static final byte[] LOOKUP_LABEL = "en-plan cpr lookup key v1".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] AAD = ("en-plan course.cpr " + FORMAT).getBytes(StandardCharsets.US_ASCII);

  private final SecretKeySpec encryptionKey;
  private final SecretKeySpec lookupKey;
  private final SecureRandom random = new SecureRandom();

  public CprProtection(@Value("${" + PROPERTY + ":}") String cprKey,
                       @Value("${" + LOOKUP_PROPERTY + ":}") String lookupKey) {
    byte[] key = decodeKey(PROPERTY, cprKey);
    if (key.length != KEY_BYTES) {
      throw new IllegalStateException(PROPERTY + " must be " + KEY_BYTES + " bytes (AES-256) after base64 decoding, "
          + "not " + key.length + ": generate one with 'openssl rand -base64 32'" + productionHint(PROPERTY));
    }
    this.encryptionKey = new SecretKeySpec(key, "AES");
    if (isBlank(lookupKey)) {
      this.lookupKey = new SecretKeySpec(hmac(key, LOOKUP_LABEL), MAC);
    } else {
      byte[] lookup = decodeKey(LOOKUP_PROPERTY, lookupKey);
      if (lookup.length < KEY_BYTES) {
        throw new IllegalStateException(LOOKUP_PROPERTY + " must be at least " + KEY_BYTES
            + " bytes after base64 decoding, not " + lookup.length + ": generate one with 'openssl rand -base64 32'");
      }
      this.lookupKey = new SecretKeySpec(lookup, MAC);
    }
    Arrays.fill(key, (byte) 0);
  }

  /** {@code v1:<base64>}, a different value on every call for the same number. */
  public String encrypt(String digits) {
    requireDigits(digits);
    byte[] iv = new byte[IV_BYTES];
    random.nextBytes(iv);
    try {
      Cipher cipher = Cipher.getInstance(CIPHER);
      cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, iv));
      cipher.updateAAD(AAD);
      byte[] sealed = cipher.doFinal(digits.getBytes(StandardCharsets.US_ASCII));
      byte[] stored = new byte[IV_BYTES + sealed.length];
      System.arraycopy(iv, 0, stored, 0, IV_BYTES);
      System.arraycopy(sealed, 0, stored, IV_BYTES, sealed.length);
      return FORMAT + ":" + Base64.getEncoder().encodeToString(stored);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("CPR number could not be encrypted (" + e.getClass().getSimpleName() + ")");
    }
  }

  /** The ten digits; fails on anything not encrypted by {@link #encrypt} with this key, or changed since. */
  public String decrypt(String stored) {
    if (stored == null) {
      return null;
    }
    if (!stored.startsWith(FORMAT + ":")) {
      throw new IllegalStateException("stored CPR number is not in the encrypted format '" + FORMAT + ":…'");
    }
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(stored.substring(FORMAT.length() + 1));
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("stored CPR number is not valid base64");
    }
    if (bytes.length < IV_BYTES + TAG_BITS / 8) {
      throw new IllegalStateException("stored CPR number is too short to be encrypted");
    }
    try {
      Cipher cipher = Cipher.getInstance(CIPHER);
      cipher.init(Cipher.DECRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, bytes, 0, IV_BYTES));
      cipher.updateAAD(AAD);
      String digits = new String(cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES),
          StandardCharsets.US_ASCII);
      requireDigits(digits);
      return digits;
    } catch (AEADBadTagException e) {
      throw new IllegalStateException("stored CPR number could not be decrypted: wrong key, or the value was changed");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("stored CPR number could not be decrypted (" + e.getClass().getSimpleName()
          + ")");
    }
  }

  /** HMAC-SHA256 of the ten digits as 64 lower-case hex characters: the same number always gives the same hash. */
  public String lookupHash(String digits) {
    requireDigits(digits);
    try {
      Mac mac = Mac.getInstance(MAC);
      mac.init(lookupKey);
      return HexFormat.of().formatHex(mac.doFinal(digits.getBytes(StandardCharsets.US_ASCII)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("CPR lookup hash could not be computed (" + e.getClass().getSimpleName() + ")");
    }
  }

  private static byte[] decodeKey(String property, String value) {
    if (isBlank(value) || value.contains("${")) {
      throw new IllegalStateException("Én Plan will not start without a key for CPR numbers: set " + property
          + " to 32 random bytes, base64-encoded ('openssl rand -base64 32')" + productionHint(property));
    }
    try {
      return Base64.getDecoder().decode(value.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(property + " is not valid base64: generate one with 'openssl rand -base64 32'"
          + productionHint(property));
    }
  }

  private static String productionHint(String property) {
    return PROPERTY.equals(property) ? " (in production: the environment variable ENPLAN_CPR_KEY)" : "";
  }

  private static void requireDigits(String digits) {
    if (digits == null || !digits.matches("\\d{10}")) {
      throw new IllegalArgumentException("a CPR number to protect must be exactly 10 digits");
    }
  }

  private static byte[] hmac(byte[] key, byte[] data) {
    try {
      Mac mac = Mac.getInstance(MAC);
      mac.init(new SecretKeySpec(key, MAC));
      return mac.doFinal(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("CPR lookup key could not be derived (" + e.getClass().getSimpleName() + ")");
    }
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
