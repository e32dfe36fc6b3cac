package dk.enplan.course;

import static org.assertj.core.api.Assertions.assertThat;

import dk.enplan.postgres.EmbeddedPostgresSupport;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Existing courses move to the one-home schema by migration V7 on H2 and on PostgreSQL alike: the comma-joined
 * chosen sectors and problem areas become rows in their order, a course without sectors (before visitation) gets
 * none, and the old columns are gone.
 */
class CourseRowsMigrationIT {

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"h2", "postgresql"})
  void commaJoinedListsBecomeRowsInTheirOrder(String database) throws Exception {
    String url = database.equals("h2") ? "jdbc:h2:mem:course-rows-migration;DB_CLOSE_DELAY=-1"
        : EmbeddedPostgresSupport.newDatabase("course_rows");
    String user = database.equals("h2") ? "sa" : EmbeddedPostgresSupport.USER;
    String password = database.equals("h2") ? "" : EmbeddedPostgresSupport.PASSWORD;
    flyway(url, user, password, "5").migrate();
    try (Connection connection = DriverManager.getConnection(url, user, password);
         Statement statement = connection.createStatement()) {
      statement.executeUpdate(course("a", "'ledighed,forsoergelse,bolig'", "'ydelse,beskaeftigelse'"));
      statement.executeUpdate(course("b", "'misbrug'", "null"));
    }

    flyway(url, user, password, "7").migrate();

    try (Connection connection = DriverManager.getConnection(url, user, password);
         Statement statement = connection.createStatement()) {
      assertThat(rows(statement, "select course_id, sequence, sector from course_sector order by 1, 2"))
          .containsExactly("a 0 ydelse", "a 1 beskaeftigelse");
      assertThat(rows(statement, "select course_id, sequence, problem_area from course_problem_area order by 1, 2"))
          .containsExactly("a 0 ledighed", "a 1 forsoergelse", "a 2 bolig", "b 0 misbrug");
      try (ResultSet columns = connection.getMetaData().getColumns(null, null, null, null)) {
        List<String> courseColumns = new ArrayList<>();
        while (columns.next()) {
          if (columns.getString("TABLE_NAME").equalsIgnoreCase("course")) {
            courseColumns.add(columns.getString("COLUMN_NAME").toLowerCase());
          }
        }
        assertThat(courseColumns).contains("coordinator", "closed_by")
            .doesNotContain("chosen_sectors", "problem_areas");
      }
    }
  }

  private static Flyway flyway(String url, String user, String password, String target) {
    return Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration").target(target)
        .load();
  }

  private static String course(String id, String problemAreas, String sectors) {
    return "insert into course (id, tenant_id, citizen_name, cpr, referring_unit, referral_reason, problem_areas, "
        + "status, coordinator, chosen_sectors, process_instance_id, created_at) values ('" + id + "', 'allerod', "
        + "'Test', 'v1:x', 'Jobcenter', 'Grund', " + problemAreas + ", 'ACTIVE', 'koordinator.allerod', " + sectors
        + ", 'pi-" + id + "', current_timestamp)";
  }

  private static List<String> rows(Statement statement, String sql) throws Exception {
    List<String> rows = new ArrayList<>();
    try (ResultSet result = statement.executeQuery(sql)) {
      while (result.next()) {
        rows.add(result.getString(1) + " " + result.getInt(2) + " " + result.getString(3));
      }
    }
    return rows;
  }
}
