package dk.enplan.export;

import dk.enplan.course.DanishDates;
import dk.enplan.export.Pseudonyms.Pseudonymiser;
import dk.enplan.municipality.Municipality;
import dk.enplan.names.AnswerValues;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the courses of one export from the plan store in one query and hands them on one at a time: the JDBC driver
 * fetches {@value #FETCH_SIZE} rows per round trip (PostgreSQL: a cursor, which needs the read-only transaction), so
 * memory stays bounded however many courses match. Only coded columns are read; the CPR number, name, referral text,
 * household and plan texts are never selected.
 */
@Component
class CourseExportQuery {

  static final int FETCH_SIZE = 1000;
  /** A closure reason is a code of the closure form (maal_naaet …); anything else is exported as "andet". */
  private static final Pattern CODE = Pattern.compile("[a-z0-9_-]{1,64}");
  private static final String SQL = """
      select c.id, c.cpr_hash, c.status, c.problem_areas, c.chosen_sectors, c.closure_reason,
             c.created_at, c.consent_at, c.closed_at, p.versions, p.first_agreed, p.latest_agreed
      from course c
      left join (select course_id, count(*) as versions, min(agreed_at) as first_agreed,
                        max(agreed_at) as latest_agreed
                 from plan_version group by course_id) p on p.course_id = c.id
      where c.tenant_id = ? and c.created_at >= ? and c.created_at < ?
      order by c.created_at, c.id""";

  private final JdbcTemplate jdbc;

  CourseExportQuery(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Calls {@code sink} for every course of the request in order of referral; returns how many. */
  @Transactional(readOnly = true)
  public long stream(ExportRequest request, Pseudonymiser pseudonyms, RowSink sink) {
    Municipality municipality = request.municipality();
    Timestamp from = Timestamp.from(request.from().atStartOfDay(DanishDates.DANISH_TIME).toInstant());
    Timestamp until = Timestamp.from(request.to().plusDays(1).atStartOfDay(DanishDates.DANISH_TIME).toInstant());
    long[] count = {0};
    jdbc.query(connection -> {
      var statement = connection.prepareStatement(SQL, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
      statement.setFetchSize(FETCH_SIZE);
      statement.setString(1, municipality.tenant());
      statement.setTimestamp(2, from);
      statement.setTimestamp(3, until);
      return statement;
    }, (ResultSet row) -> {
      sink.accept(new ExportedCourse(pseudonyms.citizen(row.getString("cpr_hash")),
          pseudonyms.course(row.getString("id")), municipality.code(), municipality.tenant(),
          row.getString("status"), day(row, "created_at"), day(row, "consent_at"), row.getInt("versions"),
          day(row, "first_agreed"), day(row, "latest_agreed"), day(row, "closed_at"),
          code(row.getString("closure_reason")), list(row.getString("problem_areas")),
          list(row.getString("chosen_sectors"))));
      count[0]++;
    });
    return count[0];
  }

  /** Receives the rows; an I/O error (the client went away) ends the query. */
  interface RowSink {
    void accept(ExportedCourse course);
  }

  private static LocalDate day(ResultSet row, String column) throws SQLException {
    OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.atZoneSameInstant(DanishDates.DANISH_TIME).toLocalDate();
  }

  private static String code(String value) {
    return value == null ? null : CODE.matcher(value).matches() ? value : AnswerValues.OTHER;
  }

  private static List<String> list(String commaSeparated) {
    return commaSeparated == null || commaSeparated.isBlank() ? List.of()
        : Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(s -> CODE.matcher(s).matches()).toList();
  }
}
