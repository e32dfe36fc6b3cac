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
      select c.id, c.cpr_hash, c.status, a.problem_area, s.sector, c.closure_reason,
             c.created_at, c.consent_at, c.closed_at, p.versions, p.first_agreed, p.latest_agreed
      from course c
      left join (select course_id, count(*) as versions, min(agreed_at) as first_agreed,
                        max(agreed_at) as latest_agreed
                 from plan_version group by course_id) p on p.course_id = c.id
      left join course_sector s on s.course_id = c.id
      left join course_problem_area a on a.course_id = c.id
      where c.tenant_id = ? and c.created_at >= ? and c.created_at < ?
      order by c.created_at, c.id, s.sequence, a.sequence""";

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
    CourseRows rows = new CourseRows(course -> {
      sink.accept(course);
      count[0]++;
    });
    jdbc.query(connection -> {
      var statement = connection.prepareStatement(SQL, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
      statement.setFetchSize(FETCH_SIZE);
      statement.setString(1, municipality.tenant());
      statement.setTimestamp(2, from);
      statement.setTimestamp(3, until);
      return statement;
    }, (ResultSet row) -> rows.add(row, pseudonyms, municipality));
    rows.finish();
    return count[0];
  }

  /**
   * A course comes as consecutive rows, one per chosen sector and problem area (tables {@code course_sector} and
   * {@code course_problem_area}, each in its order; no sector before visitation): each list keeps its order with
   * every value once, and the course is handed on when the next one starts, and at the end.
   */
  private static final class CourseRows {

    private final RowSink sink;
    private String id;
    private java.util.function.BiFunction<List<String>, List<String>, ExportedCourse> course;
    private final java.util.Set<String> sectors = new java.util.LinkedHashSet<>();
    private final java.util.Set<String> problemAreas = new java.util.LinkedHashSet<>();

    CourseRows(RowSink sink) {
      this.sink = sink;
    }

    void add(ResultSet row, Pseudonymiser pseudonyms, Municipality municipality) throws SQLException {
      String rowId = row.getString("id");
      if (!rowId.equals(id)) {
        finish();
        id = rowId;
        String citizen = pseudonyms.citizen(row.getString("cpr_hash"));
        String pseudonym = pseudonyms.course(rowId);
        String status = row.getString("status");
        LocalDate created = day(row, "created_at");
        LocalDate consent = day(row, "consent_at");
        int versions = row.getInt("versions");
        LocalDate firstAgreed = day(row, "first_agreed");
        LocalDate latestAgreed = day(row, "latest_agreed");
        LocalDate closed = day(row, "closed_at");
        String reason = code(row.getString("closure_reason"));
        course = (areas, chosen) -> new ExportedCourse(citizen, pseudonym, municipality.code(),
            municipality.tenant(), status, created, consent, versions, firstAgreed, latestAgreed, closed, reason,
            areas, chosen);
      }
      addCode(sectors, row.getString("sector"));
      addCode(problemAreas, row.getString("problem_area"));
    }

    void finish() {
      if (course != null) {
        sink.accept(course.apply(List.copyOf(problemAreas), List.copyOf(sectors)));
      }
      course = null;
      sectors.clear();
      problemAreas.clear();
    }

    private static void addCode(java.util.Set<String> codes, String value) {
      if (value != null && CODE.matcher(value).matches()) {
        codes.add(value);
      }
    }
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

}
