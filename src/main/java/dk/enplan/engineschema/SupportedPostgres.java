package dk.enplan.engineschema;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.stereotype.Component;

/**
 * Refuses PostgreSQL below 16 before anything is written: Spring Boot runs the plan store's migrations through this
 * strategy, before the engine creates its tables. With the due-date index of {@code db/engine/postgres} (V3, V4)
 * PostgreSQL 16+ stops Tasklist's task query after the first page (incremental sort under DISTINCT, new in 16);
 * PostgreSQL 14 used that index only in a parallel plan and was twice as slow with it as without it
 * (docs/benchmarks.md). Other databases (H2 for demo and tests) pass. Where Flyway owns the engine's schema
 * (production), it creates or upgrades it here too, before the engine is built.
 */
@Component
class SupportedPostgres implements FlywayMigrationStrategy {

  private final EngineSchema engineSchema;

  SupportedPostgres(EngineSchema engineSchema) {
    this.engineSchema = engineSchema;
  }

  /** The plan store's migrations, then (in production) the engine's schema ({@link EngineSchema}). */
  @Override
  public void migrate(Flyway flyway) {
    require(flyway.getConfiguration().getDataSource());
    flyway.migrate();
    engineSchema.migrateIfManaged(flyway.getConfiguration().getDataSource());
  }

  static void require(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection()) {
      DatabaseMetaData database = connection.getMetaData();
      if (database.getDatabaseProductName().equals("PostgreSQL")) {
        require(database.getDatabaseMajorVersion(), database.getDatabaseProductVersion());
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the database's version", e);
    }
  }

  static void require(int majorVersion, String version) {
    if (majorVersion < 16) {
      throw new IllegalStateException("PostgreSQL 16 or later is required (Tasklist's task query, "
          + "docs/benchmarks.md), this is " + version);
    }
  }
}
