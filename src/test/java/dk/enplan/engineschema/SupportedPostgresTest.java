package dk.enplan.engineschema;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.Configuration;
import org.junit.jupiter.api.Test;

/** Which databases the application accepts, checked before the first migration runs. */
class SupportedPostgresTest {

  @Test
  void postgres14And15AreRefusedBeforeAnyMigrationNamingTheVersion() throws Exception {
    for (String version : new String[] {"14.22", "15.10"}) {
      Flyway flyway = flywayOn(database("PostgreSQL", Integer.parseInt(version.split("\\.")[0]), version));
      assertThatThrownBy(() -> new SupportedPostgres(new EngineSchema("true")).migrate(flyway)).isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("16 or later").hasMessageContaining(version);
      verify(flyway, never()).migrate();
    }
  }

  @Test
  void postgres16AndLaterAndOtherDatabasesAreMigrated() throws Exception {
    for (DataSource accepted : new DataSource[] {database("PostgreSQL", 16, "16.0"), database("PostgreSQL", 17,
        "17.11"), database("H2", 2, "2.3.232")}) {
      Flyway flyway = flywayOn(accepted);
      assertThatCode(() -> new SupportedPostgres(new EngineSchema("true")).migrate(flyway)).doesNotThrowAnyException();
      verify(flyway).migrate();
    }
  }

  private static DataSource database(String product, int major, String version) throws Exception {
    DatabaseMetaData metaData = mock(DatabaseMetaData.class);
    when(metaData.getDatabaseProductName()).thenReturn(product);
    when(metaData.getDatabaseMajorVersion()).thenReturn(major);
    when(metaData.getDatabaseProductVersion()).thenReturn(version);
    Connection connection = mock(Connection.class);
    when(connection.getMetaData()).thenReturn(metaData);
    DataSource dataSource = mock(DataSource.class);
    when(dataSource.getConnection()).thenReturn(connection);
    return dataSource;
  }

  private static Flyway flywayOn(DataSource dataSource) {
    Configuration configuration = mock(Configuration.class);
    when(configuration.getDataSource()).thenReturn(dataSource);
    Flyway flyway = mock(Flyway.class);
    when(flyway.getConfiguration()).thenReturn(configuration);
    return flyway;
  }
}
