package dk.enplan.privacy;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import org.springframework.stereotype.Component;

/**
 * Stores a full CPR number (ten digits) encrypted with {@link CprProtection}: the column holds {@code v1:<base64>},
 * the entity the digits. A Spring bean: Hibernate obtains it through Spring's bean container, with the key.
 */
@Component
@Converter
public class CprConverter implements AttributeConverter<String, String> {

  private final CprProtection protection;

  public CprConverter(CprProtection protection) {
    this.protection = protection;
  }

  @Override
  public String convertToDatabaseColumn(String digits) {
    return digits == null ? null : protection.encrypt(digits);
  }

  @Override
  public String convertToEntityAttribute(String stored) {
    return protection.decrypt(stored);
  }
}
