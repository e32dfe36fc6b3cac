package dk.enplan.engineschema;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Which PostgreSQL versions the application accepts (the server reports e.g. 150010 for 15.10). */
class PostgresVersionTest {

  @Test
  void postgres14And15AreRefusedNamingTheVersion() {
    assertThatThrownBy(() -> EngineSchemaAdditions.requireSupportedPostgres(140022))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("16 or later").hasMessageContaining("14.22");
    assertThatThrownBy(() -> EngineSchemaAdditions.requireSupportedPostgres(150010))
        .hasMessageContaining("15.10");
  }

  @Test
  void postgres16AndLaterAreAccepted() {
    assertThatCode(() -> EngineSchemaAdditions.requireSupportedPostgres(160000)).doesNotThrowAnyException();
    assertThatCode(() -> EngineSchemaAdditions.requireSupportedPostgres(170011)).doesNotThrowAnyException();
  }
}
