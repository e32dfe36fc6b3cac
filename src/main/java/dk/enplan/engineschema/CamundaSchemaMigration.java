package dk.enplan.engineschema;

import java.sql.Connection;
import java.util.List;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.EncodedResource;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/**
 * One engine version's step of the engine schema ({@link EngineSchema}): the camunda-engine jar's own scripts, run
 * as they are. The first version creates every table (engine, history, identity, CMMN, DMN: CMMN's stay empty while
 * cmmn-enabled is false, but every later upgrade script of Camunda expects them); each later version runs
 * Camunda's upgrade script {@code <type>_engine_<from>_to_<to>.sql} from the same jar. Upgrading Camunda: add the
 * new version to {@link #VERSIONS}.
 */
final class CamundaSchemaMigration implements JavaMigration {

  /** The engine versions in order; the first is created, each later one upgraded from the one before. */
  private static final List<String> VERSIONS = List.of("7.24.0");

  private static final List<String> CREATE = List.of("engine", "history", "identity", "case.engine",
      "case.history", "decision.engine", "decision.history");

  private final String databaseType;
  private final String version;
  private final List<String> scripts;

  private CamundaSchemaMigration(String databaseType, String version, List<String> scripts) {
    this.databaseType = databaseType;
    this.version = version;
    this.scripts = scripts;
  }

  static List<String> versions() {
    return VERSIONS;
  }

  static List<CamundaSchemaMigration> all(String databaseType) {
    var migrations = new java.util.ArrayList<CamundaSchemaMigration>();
    migrations.add(new CamundaSchemaMigration(databaseType, VERSIONS.get(0), CREATE.stream()
        .map(part -> "org/camunda/bpm/engine/db/create/activiti." + databaseType + ".create." + part + ".sql")
        .toList()));
    for (int i = 1; i < VERSIONS.size(); i++) {
      migrations.add(new CamundaSchemaMigration(databaseType, VERSIONS.get(i), List.of(
          "org/camunda/bpm/engine/db/upgrade/" + databaseType + "_engine_" + minor(VERSIONS.get(i - 1)) + "_to_"
              + minor(VERSIONS.get(i)) + ".sql")));
    }
    return migrations;
  }

  private static String minor(String version) {
    return version.substring(0, version.lastIndexOf('.'));
  }

  List<String> scripts() {
    return scripts;
  }

  @Override
  public MigrationVersion getVersion() {
    return MigrationVersion.fromVersion(version);
  }

  @Override
  public String getDescription() {
    return (version.equals(VERSIONS.get(0)) ? "create Camunda " : "upgrade to Camunda ") + version + " ("
        + databaseType + ")";
  }

  @Override
  public Integer getChecksum() {
    return scripts.hashCode();
  }

  @Override
  public boolean canExecuteInTransaction() {
    return true;
  }

  @Override
  public void migrate(Context context) throws Exception {
    Connection connection = context.getConnection();
    for (String script : scripts) {
      ClassPathResource resource = new ClassPathResource(script, CamundaSchemaMigration.class.getClassLoader());
      if (!resource.exists()) {
        throw new IllegalStateException("the camunda-engine jar has no " + script);
      }
      ScriptUtils.executeSqlScript(connection, new EncodedResource(resource, "UTF-8"));
    }
  }
}
