package dk.enplan.engineschema;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.ClassProvider;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.migration.JavaMigration;
import org.flywaydb.core.api.resource.LoadableResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The engine's own tables, created and upgraded by Flyway from the scripts the camunda-engine jar ships (never by
 * the engine at start) when {@code camunda.bpm.database.schema-update} is {@code false}, as in production
 * (application-prod.yaml, application-postgres.yaml): every node then runs no DDL of its own at start, and several
 * nodes starting on one database create the schema once, under Flyway's lock. Its own history table
 * ({@value #HISTORY_TABLE}) with one migration per engine version ({@link CamundaSchemaMigration}). A database whose
 * engine tables exist already (created by the engine's schema-update before) is baselined at the version the engine
 * recorded in {@code ACT_GE_SCHEMA_LOG}, so nothing runs twice. Demo and tests keep the engine's schema-update.
 * Runs before the engine is built, from {@link SupportedPostgres} (after the plan store's migrations).
 */
@Component
public class EngineSchema {

  static final String HISTORY_TABLE = "enplan_camunda_schema_history";
  private static final Logger LOG = LoggerFactory.getLogger(EngineSchema.class);

  /** Camunda's database type for each JDBC product name (the file names of its scripts). */
  private static final Map<String, String> DATABASE_TYPES = Map.of("PostgreSQL", "postgres", "H2", "h2",
      "MySQL", "mysql", "MariaDB", "mariadb", "Oracle", "oracle", "Microsoft SQL Server", "mssql");

  private final boolean managed;

  EngineSchema(@Value("${camunda.bpm.database.schema-update:true}") String schemaUpdate) {
    this.managed = "false".equalsIgnoreCase(schemaUpdate.trim());
  }

  /** Whether Flyway, not the engine, owns the engine's schema. */
  boolean managed() {
    return managed;
  }

  /** Creates or upgrades the engine's schema, if Flyway owns it; returns the migrations it ran. */
  int migrateIfManaged(DataSource dataSource) {
    return managed ? migrate(dataSource) : 0;
  }

  /** Creates or upgrades the engine's schema on this database; returns the migrations it ran. */
  public static int migrate(DataSource dataSource) {
    String databaseType;
    String baseline;
    try (Connection connection = dataSource.getConnection()) {
      DatabaseMetaData metaData = connection.getMetaData();
      databaseType = DATABASE_TYPES.get(metaData.getDatabaseProductName());
      if (databaseType == null) {
        throw new IllegalStateException("no engine schema scripts for " + metaData.getDatabaseProductName());
      }
      baseline = tableExists(connection, "ACT_GE_PROPERTY") && !tableExists(connection, HISTORY_TABLE)
          ? existingEngineVersion(connection) : "0";
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the engine's schema", e);
    }
    if (!baseline.equals("0") && CamundaSchemaMigration.versions().stream().noneMatch(baseline::equals)) {
      throw new IllegalStateException("the database holds engine tables of Camunda " + baseline + "; upgrade them to "
          + CamundaSchemaMigration.versions().get(0) + " with Camunda's scripts first (docs/operations.md)");
    }
    var result = Flyway.configure()
        .dataSource(dataSource)
        .table(HISTORY_TABLE)
        .resourceProvider(NO_SQL_FILES)
        .javaMigrationClassProvider(NO_CLASSES)
        .javaMigrations(CamundaSchemaMigration.all(databaseType).toArray(JavaMigration[]::new))
        // Below its first migration: the plan store's tables are there already (fresh database), or the engine's
        // (a database the engine's schema-update created: nothing to create again).
        .baselineOnMigrate(true)
        .baselineVersion(baseline)
        // No apostrophe: Flyway writes the description into its own SQL on PostgreSQL.
        .baselineDescription(baseline.equals("0") ? "before the engine tables" : "engine tables already there")
        .load()
        .migrate();
    LOG.info("Engine schema ({}): {} migration(s) applied, baseline {}", databaseType, result.migrationsExecuted,
        baseline);
    return result.migrationsExecuted;
  }

  private static boolean tableExists(Connection connection, String table) throws SQLException {
    DatabaseMetaData metaData = connection.getMetaData();
    for (String name : new String[] {table.toLowerCase(), table.toUpperCase()}) {
      try (ResultSet tables = metaData.getTables(connection.getCatalog(), connection.getSchema(), name, null)) {
        if (tables.next()) {
          return true;
        }
      }
    }
    return false;
  }

  private static String existingEngineVersion(Connection connection) throws SQLException {
    // The engine logs every create and upgrade in ACT_GE_SCHEMA_LOG (id 0 for the version it was created with, then one row per upgrade).
    String version = "unknown";
    long latest = -1;
    try (var statement = connection.createStatement();
         ResultSet rows = statement.executeQuery("select ID_, VERSION_ from ACT_GE_SCHEMA_LOG")) {
      while (rows.next()) {
        long id = Long.parseLong(rows.getString(1).trim());
        if (id > latest) {
          latest = id;
          version = rows.getString(2);
        }
      }
    }
    return version;
  }

  private static final ResourceProvider NO_SQL_FILES = new ResourceProvider() {
    @Override
    public LoadableResource getResource(String name) {
      return null;
    }

    @Override
    public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
      return List.of();
    }
  };

  private static final ClassProvider<JavaMigration> NO_CLASSES = List::of;
}
