package dk.enplan.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Encryption at rest of course.cpr: AES-256-GCM with a random IV, and the keyed lookup hash. */
class CprConverterTest {

  static final String KEY = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());
  static final String OTHER_KEY = Base64.getEncoder().encodeToString("fedcba9876543210fedcba9876543210".getBytes());
  static final String CPR = "2412851237";

  private final CprConverter converter = new CprConverter(new CprProtection(KEY, ""));

  @Test
  void roundTrip() {
    String stored = converter.convertToDatabaseColumn(CPR);

    assertThat(stored).startsWith("v1:").doesNotContain(CPR).doesNotContain("241285").hasSizeLessThanOrEqualTo(128);
    assertThat(Base64.getDecoder().decode(stored.substring(3))).hasSize(12 + 10 + 16);
    assertThat(converter.convertToEntityAttribute(stored)).isEqualTo(CPR);
    assertThat(converter.convertToDatabaseColumn(null)).isNull();
    assertThat(converter.convertToEntityAttribute(null)).isNull();
  }

  @Test
  void theSameNumberIsStoredDifferentlyEveryTime() {
    String first = converter.convertToDatabaseColumn(CPR);
    String second = converter.convertToDatabaseColumn(CPR);

    assertThat(first).isNotEqualTo(second);
    assertThat(first.substring(3, 19)).as("IV").isNotEqualTo(second.substring(3, 19));
    assertThat(converter.convertToEntityAttribute(first)).isEqualTo(converter.convertToEntityAttribute(second));
  }

  @Test
  void aTamperedValueIsRejected() {
    byte[] bytes = Base64.getDecoder().decode(converter.convertToDatabaseColumn(CPR).substring(3));
    for (int position : new int[] {0, 11, 12, 21, bytes.length - 1}) {
      byte[] tampered = bytes.clone();
      tampered[position] ^= 0x01;
      String stored = "v1:" + Base64.getEncoder().encodeToString(tampered);
      assertThatThrownBy(() -> converter.convertToEntityAttribute(stored)).as("bit flipped at %d", position)
          .isInstanceOf(IllegalStateException.class).hasMessageContaining("wrong key, or the value was changed");
    }
    assertThatThrownBy(() -> converter.convertToEntityAttribute("v1:" + Base64.getEncoder().encodeToString(
        java.util.Arrays.copyOf(bytes, 20)))).hasMessageContaining("too short");
    assertThatThrownBy(() -> converter.convertToEntityAttribute("v1:not base64!")).hasMessageContaining("base64");
  }

  @Test
  void anotherKeyCannotReadIt() {
    String stored = converter.convertToDatabaseColumn(CPR);
    CprConverter other = new CprConverter(new CprProtection(OTHER_KEY, ""));

    assertThatThrownBy(() -> other.convertToEntityAttribute(stored)).hasMessageContaining("wrong key");
  }

  @Test
  void plainTextIsNotAcceptedAndNeverEchoed() {
    assertThatThrownBy(() -> converter.convertToEntityAttribute(CPR))
        .hasMessageContaining("not in the encrypted format").hasMessageNotContaining(CPR);
    assertThatThrownBy(() -> converter.convertToDatabaseColumn("010190-1234"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("1234");
  }

  @Test
  void aKeyOfTheWrongLengthIsRejectedWithAClearMessage() {
    String sixteenBytes = Base64.getEncoder().encodeToString("0123456789abcdef".getBytes());

    assertThatThrownBy(() -> new CprProtection(sixteenBytes, ""))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("enplan.privacy.cpr-key must be 32 bytes (AES-256) after base64 decoding, not 16")
        .hasMessageContaining("openssl rand -base64 32").hasMessageContaining("ENPLAN_CPR_KEY")
        .hasMessageNotContaining(sixteenBytes);
    assertThatThrownBy(() -> new CprProtection("", ""))
        .hasMessageContaining("will not start without a key for CPR numbers").hasMessageContaining("ENPLAN_CPR_KEY");
    assertThatThrownBy(() -> new CprProtection("${ENPLAN_CPR_KEY}", "")).hasMessageContaining("without a key");
    assertThatThrownBy(() -> new CprProtection("this is not base64!", ""))
        .hasMessageContaining("not valid base64").hasMessageNotContaining("this is not");
    assertThatThrownBy(() -> new CprProtection(KEY, sixteenBytes))
        .hasMessageContaining("enplan.privacy.cpr-lookup-key must be at least 32 bytes");
  }

  @Test
  void theLookupHashIsStableKeyedAndNotTheEncryptionKey() {
    CprProtection protection = new CprProtection(KEY, "");

    String hash = protection.lookupHash(CPR);
    assertThat(hash).matches("[0-9a-f]{64}").isEqualTo(new CprProtection(KEY, "").lookupHash(CPR));
    assertThat(protection.lookupHash("0503774821")).isNotEqualTo(hash);
    assertThat(new CprProtection(OTHER_KEY, "").lookupHash(CPR)).as("another key").isNotEqualTo(hash);
    assertThat(new CprProtection(KEY, OTHER_KEY).lookupHash(CPR)).as("a separate lookup key").isNotEqualTo(hash);
    assertThat(hash).as("not a plain hash of the number")
        .isNotEqualTo(sha256(CPR)).isNotEqualTo(hmac(Base64.getDecoder().decode(KEY), CPR));
  }

  private static String sha256(String text) {
    try {
      return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes()));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String hmac(byte[] key, String text) {
    try {
      javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
      mac.init(new javax.crypto.spec.SecretKeySpec(key, "HmacSHA256"));
      return java.util.HexFormat.of().formatHex(mac.doFinal(text.getBytes()));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
