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
 * Protects full CPR numbers at rest in the plan store: AES-256-GCM with a random 12-byte IV per value, and a keyed
 * hash (HMAC-SHA256 of the ten digits, hex) so that a course can still be found by CPR without decrypting every row.
 *
 * <p>Keys are versioned so they can be rotated (docs/privacy.md). {@code enplan.privacy.cpr-keys} (production:
 * {@code ENPLAN_CPR_KEYS}) lists {@code id:base64} pairs, newest first: the first encrypts, as
 * {@code v2:<id>:<base64(iv || ciphertext || tag)>}, every listed one decrypts its own values. The original single
 * key {@code enplan.privacy.cpr-key} ({@code ENPLAN_CPR_KEY}) reads the values stored as
 * {@code v1:<base64(…)>} and encrypts so while no versioned key is set. {@link CprReEncryption} moves every stored
 * value to the current key. Each key is 32 random bytes, base64-encoded. The lookup key is {@code enplan.privacy.cpr-lookup-key} if set, otherwise derived from
 * the first key there was (the original key if set, else the last, oldest, versioned key; HMAC-SHA256 of a fixed
 * label), so encryption and lookup never use the same key and a rotation changes no lookup hash. The bean is created
 * at startup and refuses a missing or malformed key, so the application does not start without one. Error messages
 * never contain a key, a CPR number or a stored value.
 */
@Component
public class CprProtection {

  static final String PROPERTY = "enplan.privacy.cpr-key";
  static final String KEYS_PROPERTY = "enplan.privacy.cpr-keys";
  static final String LOOKUP_PROPERTY = "enplan.privacy.cpr-lookup-key";
  /** The format of values under the original key. */
  static final String FORMAT = "v1";
  /** The format of values under a versioned key: {@code v2:<key id>:<base64>}. */
  static final String VERSIONED_FORMAT = "v2";
  private static final java.util.regex.Pattern KEY_ID = java.util.regex.Pattern.compile("[a-z0-9]{1,16}");
  static final int KEY_BYTES = 32;
  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final String CIPHER = "AES/GCM/NoPadding";
  private static final String MAC = "HmacSHA256";
  private static final byte[] LOOKUP_LABEL = "en-plan cpr lookup key v1".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] AAD = ("en-plan course.cpr " + FORMAT).getBytes(StandardCharsets.US_ASCII);

  /** The original key (values {@code v1:…}), or null. */
  private final SecretKeySpec originalKey;
  /** The versioned keys by id, newest first. */
  private final java.util.LinkedHashMap<String, SecretKeySpec> versionedKeys = new java.util.LinkedHashMap<>();
  /** The prefix of every value the current key writes. */
  private final String currentPrefix;
  private final SecretKeySpec lookupKey;
  private final SecureRandom random = new SecureRandom();

  /** Only the original key (and an optional lookup key): values {@code v1:…}. */
  public CprProtection(String cprKey, String lookupKey) {
    this(cprKey, "", lookupKey);
  }

  @org.springframework.beans.factory.annotation.Autowired
  public CprProtection(@Value("${" + PROPERTY + ":}") String cprKey,
                       @Value("${" + KEYS_PROPERTY + ":}") String cprKeys,
                       @Value("${" + LOOKUP_PROPERTY + ":}") String lookupKey) {
    byte[] oldestVersioned = null;
    if (!isBlank(cprKeys) && !cprKeys.contains("${")) {
      for (String entry : cprKeys.split(",")) {
        int colon = entry.indexOf(':');
        String id = colon < 0 ? "" : entry.substring(0, colon).trim();
        if (!KEY_ID.matcher(id).matches()) {
          throw new IllegalStateException(KEYS_PROPERTY + " lists 'id:base64' pairs, newest first, each id 1-16 "
              + "lower-case letters or digits (in production: the environment variable ENPLAN_CPR_KEYS)");
        }
        if (versionedKeys.containsKey(id)) {
          throw new IllegalStateException(KEYS_PROPERTY + " lists the key id '" + id + "' twice");
        }
        byte[] key = aesKey(KEYS_PROPERTY + " (key " + id + ")", entry.substring(colon + 1));
        versionedKeys.put(id, new SecretKeySpec(key, "AES"));
        if (oldestVersioned != null) {
          Arrays.fill(oldestVersioned, (byte) 0);
        }
        oldestVersioned = key;
      }
    }
    byte[] key = versionedKeys.isEmpty() || !isBlank(cprKey) ? aesKey(PROPERTY, cprKey) : null;
    this.originalKey = key == null ? null : new SecretKeySpec(key, "AES");
    this.currentPrefix = versionedKeys.isEmpty() ? FORMAT + ":"
        : VERSIONED_FORMAT + ":" + versionedKeys.keySet().iterator().next() + ":";
    byte[] first = key != null ? key : oldestVersioned;
    if (isBlank(lookupKey)) {
      this.lookupKey = new SecretKeySpec(hmac(first, LOOKUP_LABEL), MAC);
    } else {
      byte[] lookup = decodeKey(LOOKUP_PROPERTY, lookupKey);
      if (lookup.length < KEY_BYTES) {
        throw new IllegalStateException(LOOKUP_PROPERTY + " must be at least " + KEY_BYTES
            + " bytes after base64 decoding, not " + lookup.length + ": generate one with 'openssl rand -base64 32'");
      }
      this.lookupKey = new SecretKeySpec(lookup, MAC);
    }
    Arrays.fill(first, (byte) 0);
  }

  private static byte[] aesKey(String property, String value) {
    byte[] key = decodeKey(property, value);
    if (key.length != KEY_BYTES) {
      throw new IllegalStateException(property + " must be " + KEY_BYTES + " bytes (AES-256) after base64 decoding, "
          + "not " + key.length + ": generate one with 'openssl rand -base64 32'" + productionHint(property));
    }
    return key;
  }

  /** Whether a stored value is under the current key (nothing for {@link CprReEncryption} to do). */
  public boolean isCurrent(String stored) {
    return stored != null && stored.startsWith(currentPrefix);
  }

  /** The prefix of the values the current key writes: {@code v1:} or {@code v2:<id>:}. */
  public String currentPrefix() {
    return currentPrefix;
  }

  /**
   * {@code v2:<id>:<base64>} under the current versioned key ({@code v1:<base64>} under the original key while
   * there is none), a different value on every call for the same number.
   */
  public String encrypt(String digits) {
    requireDigits(digits);
    byte[] iv = new byte[IV_BYTES];
    random.nextBytes(iv);
    SecretKeySpec encryptionKey = versionedKeys.isEmpty() ? originalKey : versionedKeys.values().iterator().next();
    try {
      Cipher cipher = Cipher.getInstance(CIPHER);
      cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, iv));
      cipher.updateAAD(aad(currentPrefix));
      byte[] sealed = cipher.doFinal(digits.getBytes(StandardCharsets.US_ASCII));
      byte[] stored = new byte[IV_BYTES + sealed.length];
      System.arraycopy(iv, 0, stored, 0, IV_BYTES);
      System.arraycopy(sealed, 0, stored, IV_BYTES, sealed.length);
      return currentPrefix + Base64.getEncoder().encodeToString(stored);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("CPR number could not be encrypted (" + e.getClass().getSimpleName() + ")");
    }
  }

  /** The ten digits; fails on anything not encrypted by {@link #encrypt} with one of the keys, or changed since. */
  public String decrypt(String stored) {
    if (stored == null) {
      return null;
    }
    String prefix;
    SecretKeySpec key;
    if (stored.startsWith(FORMAT + ":")) {
      prefix = FORMAT + ":";
      key = originalKey;
      if (key == null) {
        throw new IllegalStateException("stored CPR number is under the original key (" + FORMAT + "), and "
            + PROPERTY + " (ENPLAN_CPR_KEY) is not set");
      }
    } else if (stored.startsWith(VERSIONED_FORMAT + ":") && stored.indexOf(':', 3) > 3) {
      String id = stored.substring(3, stored.indexOf(':', 3));
      prefix = VERSIONED_FORMAT + ":" + id + ":";
      key = versionedKeys.get(id);
      if (key == null) {
        throw new IllegalStateException("stored CPR number is under the key '" + id + "', which " + KEYS_PROPERTY
            + " (ENPLAN_CPR_KEYS) does not list");
      }
    } else {
      throw new IllegalStateException("stored CPR number is not in the encrypted format ('" + FORMAT + ":…' or '"
          + VERSIONED_FORMAT + ":<key id>:…')");
    }
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(stored.substring(prefix.length()));
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("stored CPR number is not valid base64");
    }
    if (bytes.length < IV_BYTES + TAG_BITS / 8) {
      throw new IllegalStateException("stored CPR number is too short to be encrypted");
    }
    try {
      Cipher cipher = Cipher.getInstance(CIPHER);
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, IV_BYTES));
      cipher.updateAAD(aad(prefix));
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

  /** The associated data: binds a value to its format and key id, so a value cannot pass for another key's. */
  private static byte[] aad(String prefix) {
    return prefix.equals(FORMAT + ":") ? AAD
        : ("en-plan course.cpr " + prefix.substring(0, prefix.length() - 1)).getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] decodeKey(String property, String value) {
    if (isBlank(value) || value.contains("${")) {
      throw new IllegalStateException("Én Plan will not start without a key for CPR numbers: set " + property
          + " to 32 random bytes, base64-encoded ('openssl rand -base64 32')" + productionHint(property)
          + (PROPERTY.equals(property) ? ", or versioned keys in " + KEYS_PROPERTY + " (ENPLAN_CPR_KEYS)" : ""));
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
