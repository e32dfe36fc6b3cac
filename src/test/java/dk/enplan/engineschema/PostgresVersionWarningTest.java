package dk.enplan.engineschema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Which PostgreSQL versions the engine schema additions accept, warn about or refuse. */
class PostgresVersionWarningTest {

  @Test
  void postgres13IsRefusedNamingTheVersion() {
    assertThatThrownBy(() -> EngineSchemaAdditions.versionWarning(130018))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("14 or later").hasMessageContaining("13.18");
  }

  @Test
  void postgres14And15WorkWithAWarningAboutTasklist() {
    assertThat(EngineSchemaAdditions.versionWarning(140022)).hasValueSatisfying(warning -> assertThat(warning)
        .contains("PostgreSQL 14").contains("16 or later"));
    assertThat(EngineSchemaAdditions.versionWarning(150010)).isPresent();
  }

  @Test
  void postgres16AndLaterNeedNoWarning() {
    assertThat(EngineSchemaAdditions.versionWarning(160000)).isEmpty();
    assertThat(EngineSchemaAdditions.versionWarning(170011)).isEmpty();
  }
}
