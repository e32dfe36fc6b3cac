package dk.enplan.bench;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Loads courses straight into the plan store, no engine rows (the export and the KPI read model read only the plan
 * store): batches of 5,000 courses with what belongs to them, with PostgreSQL's {@code COPY} on PostgreSQL and JDBC
 * batches elsewhere. What is loaded is a {@link Mix}: {@link Mix#export} is the export benchmark's year of one
 * municipality (courses and plan versions only), {@link Mix#network} several years of a network of municipalities with
 * consents, plan versions, progression measurements, sector assessments and deliveries.
 *
 * <p>Deterministic: the same mix and count load the same rows (seeded random).
 */
final class PlanStoreLoader {

  static final int BATCH = 5_000;

  /** The network's nine municipalities (the Tasklist benchmark's spread). */
  static final List<String> NETWORK = List.of("allerod", "ballerup", "fredensborg", "frederikssund", "fureso",
      "gribskov", "halsnaes", "helsingor", "hillerod");
  static final List<String> SECTORS = List.of("beskaeftigelse", "ydelse", "familie", "sundhed");
  static final List<String> LIFE_DOMAINS = List.of("arbejde", "helbred", "bolig", "oekonomi", "netvaerk");
  static final List<String> CLOSURE_REASONS = List.of("maal_naaet", "maal_naaet", "ikke_laengere_behov",
      "borger_oensker_ophoer", "andet");
  static final String[] EXPORT_STATUSES = {"REFERRED", "AWAITING_CONSENT", "ACTIVE", "ACTIVE", "ACTIVE", "CLOSED",
      "NO_CONSENT"};

  /**
   * What to load: the municipalities (each course picks one at random), referrals at random minutes from
   * {@code from} for {@code days} days, and whether the courses get more than plan versions ({@code full}).
   */
  record Mix(List<String> tenants, Instant from, int days, boolean full, boolean events) {

    /** The export benchmark's: all in Allerød, through 2025, statuses as {@link #EXPORT_STATUSES}. */
    static Mix export() {
      return new Mix(List.of("allerod"), Instant.parse("2025-01-01T00:00:00Z"), 364, false, false);
    }

    /**
     * A network over the years until {@code until}: nine municipalities, referrals from 1 January 2022; older courses
     * mostly ended, recent ones mostly waiting or active; consents per sector (some withdrawn), 1–3 plan versions,
     * progression on two life domains at each follow-up, the sectors' assessments, the deliveries of each plan version
     * and of the closure (some failing or rejected). {@link #withEvents} adds what only the running course records:
     * contact persons (some courses two), phases, assessments' and follow-ups' due dates (some late, some open),
     * complaints and their outcomes.
     */
    static Mix network(Instant until) {
      Instant from = Instant.parse("2022-01-01T00:00:00Z");
      return new Mix(NETWORK, from, (int) ChronoUnit.DAYS.between(from, until), true, false);
    }

    /** The same, with the course events the KPI read model records as the courses run ({@code kpi_event}). */
    Mix withEvents() {
      return new Mix(tenants, from, days, full, true);
    }
  }

  static final java.time.ZoneId DANISH_TIME = java.time.ZoneId.of("Europe/Copenhagen");

  private final JdbcTemplate jdbc;
  private final List<String> cprs;
  private long nextMeasurement;
  private long nextDelivery;

  PlanStoreLoader(JdbcTemplate jdbc) {
    this(jdbc, List.of("v1:benchmark-not-a-real-cpr"));
  }

  /**
   * With the stored (encrypted) CPR numbers to use in turn, for what decrypts them (a list masks the citizen's
   * number); otherwise every course has the same text that is no ciphertext.
   */
  PlanStoreLoader(JdbcTemplate jdbc, List<String> cprs) {
    this.jdbc = jdbc;
    this.cprs = List.copyOf(cprs);
  }

  /** Loads {@code count} courses unless the store already has as many; returns the rows written per table. */
  Map<String, Long> load(int count, Mix mix) throws SQLException {
    Map<String, Long> written = new LinkedHashMap<>();
    Long existing = jdbc.queryForObject("select count(*) from course", Long.class);
    if (existing != null && existing >= count) {
      return written;
    }
    Random random = new Random(42);
    Random extras = new Random(7);
    HexFormat hex = HexFormat.of();
    String reason = "Henvisningens fritekst, som eksporten aldrig læser. ".repeat(4);
    int citizens = Math.max(1, count * 7 / 10);
    Instant until = mix.from().plus(mix.days(), ChronoUnit.DAYS);
    Tables tables = new Tables();
    for (int i = 0; i < count; i++) {
      String id = String.format("bench-%030d", i);
      byte[] hash = new byte[32];
      new Random(random.nextInt(citizens)).nextBytes(hash);
      Instant created = mix.from().plus(random.nextInt(mix.days() * 24 * 60), ChronoUnit.MINUTES);
      String tenant = mix.tenants().size() == 1 ? mix.tenants().get(0)
          : mix.tenants().get(extras.nextInt(mix.tenants().size()));
      String status = mix.full() ? networkStatus(extras, ChronoUnit.DAYS.between(created, until))
          : EXPORT_STATUSES[random.nextInt(EXPORT_STATUSES.length)];
      boolean consented = status.equals("ACTIVE") || status.equals("CLOSED");
      boolean ended = status.equals("CLOSED") || status.equals("NO_CONSENT") || status.equals("NOT_IN_TARGET_GROUP");
      List<String> sectors = mix.full() ? sectors(extras) : List.of("beskaeftigelse", "ydelse");
      // In the network mix the coordinator is chosen at visitation: none while a course waits for it.
      String coordinator = !mix.full() ? "koordinator." + tenant : status.equals("REFERRED") ? null
          : "koordinator-" + extras.nextInt(20) + "." + tenant;
      Instant consentAt = !mix.full() ? (status.equals("REFERRED") ? null : created.plus(3, ChronoUnit.DAYS))
          : consented ? capped(created.plus(1 + extras.nextInt(30), ChronoUnit.DAYS), until) : null;
      Instant closedAt = !ended ? null : !mix.full() ? created.plus(60, ChronoUnit.DAYS)
          : capped(created.plus(status.equals("CLOSED") ? 120 + extras.nextInt(600) : 5 + extras.nextInt(40),
              ChronoUnit.DAYS), until);
      String closureReason = switch (status) {
        case "CLOSED" -> mix.full() ? CLOSURE_REASONS.get(extras.nextInt(CLOSURE_REASONS.size())) : "maal_naaet";
        case "NO_CONSENT" -> "intet_samtykke";
        case "NOT_IN_TARGET_GROUP" -> "ikke_i_maalgruppen";
        default -> null;
      };
      tables.add("course", id, tenant, "Borger " + i, cprs.get(i % cprs.size()), hex.formatHex(hash),
          "Jobcenter " + tenant, reason, status, coordinator, closureReason, "bench-pi-" + i, ts(created),
          ts(consentAt), ts(closedAt));
      for (int s = 0; s < sectors.size(); s++) {
        tables.add("course_sector", id, s, sectors.get(s));
      }
      tables.add("course_problem_area", id, 0, "ledighed");
      tables.add("course_problem_area", id, 1, "forsoergelse");
      Events events = new Events(tables, mix.events(), id, tenant);
      events.add("REFERRED", "referred:" + id, hex.formatHex(hash), null, null, created);
      events.add("PHASE", "phase:" + id + ":visitation", "VISITATION", null, null, created);
      if (!status.equals("REFERRED")) {
        events.add("CONTACT_PERSON", "contact:" + id + ":" + coordinator, coordinator, null, null,
            created.plus(1, ChronoUnit.DAYS));
        if (!status.equals("NOT_IN_TARGET_GROUP")) {
          events.add("PHASE", "phase:" + id + ":consent", "CONSENT", null, null, created.plus(1, ChronoUnit.DAYS));
        }
      }
      if (status.equals("NO_CONSENT")) {
        events.add("CONSENT_REFUSED", "consent-refused:" + id, "", null, null, closedAt);
      }
      if (consented) {
        int versions = mix.full() ? 1 + extras.nextInt(3) : 1 + random.nextInt(2);
        Instant agreed = mix.full() ? capped(consentAt.plus(5 + extras.nextInt(40), ChronoUnit.DAYS), until) : null;
        Instant end = closedAt != null ? closedAt : until;
        if (mix.full()) {
          events.add("CONSENT_GIVEN", "consent:" + id, "", null, null, consentAt);
          events.add("PHASE", "phase:" + id + ":assessment", "JOINT_ASSESSMENT", null, null, consentAt);
          events.add("PHASE", "phase:" + id + ":meeting", "PLAN_MEETING", null, null,
              agreed.minus(1, ChronoUnit.DAYS));
          events.add("PHASE", "phase:" + id + ":intervention", "INTERVENTION", null, null, agreed);
          if (extras.nextInt(8) == 0) {
            String other = "koordinator-" + extras.nextInt(20) + "." + tenant;
            if (!other.equals(coordinator)) {
              events.add("CONTACT_PERSON", "contact:" + id + ":" + other, other, null, null,
                  capped(agreed.plus(30, ChronoUnit.DAYS), end));
            }
          }
        }
        for (int v = 1; v <= versions; v++) {
          Instant at = mix.full() ? capped(agreed.plus(90L * (v - 1), ChronoUnit.DAYS), end)
              : created.plus(10L * v, ChronoUnit.DAYS);
          String agreedBy = mix.full() && extras.nextInt(10) == 0 ? "koordinator-" + extras.nextInt(20) + "." + tenant
              : coordinator;
          tables.add("plan_version", id, v, "Borgerens egne ord, som eksporten aldrig læser.", agreedBy, ts(at));
          events.add("PLAN_AGREED", "plan:" + id + ":" + v, String.valueOf(v), null, null, at);
          if (mix.full()) {
            for (String sector : sectors) {
              deliver(tables, events, extras, id, sector, "PLAN", v, "FULL", id + ":" + sector + ":plan:" + v, at);
            }
          }
        }
        if (mix.full()) {
          for (String sector : sectors) {
            Instant withdrawn = extras.nextInt(20) == 0 ? capped(consentAt.plus(30 + extras.nextInt(200),
                ChronoUnit.DAYS), end) : null;
            tables.add("consent_scope", id, sector, ts(consentAt), ts(withdrawn));
            Instant assessed = capped(consentAt.plus(3 + extras.nextInt(30), ChronoUnit.DAYS), end);
            tables.add("sector_report", id, sector, "ASSESSMENT", "Sektorens vurdering.", null,
                "sagsbehandler." + tenant, ts(assessed));
            // Assessments are due 20 days after consent: a third of them are done late.
            String task = "bench-task-" + id + "-a-" + sector;
            events.add("DUE", "due:" + task, "assessment", null, consentAt.plus(20, ChronoUnit.DAYS), consentAt);
            events.add("DONE", "done:" + task, "assessment", null, null, assessed);
          }
          int followUps = 1 + extras.nextInt(4);
          int first = extras.nextInt(LIFE_DOMAINS.size());
          List<String> domains = List.of(LIFE_DOMAINS.get(first),
              LIFE_DOMAINS.get((first + 1 + extras.nextInt(LIFE_DOMAINS.size() - 1)) % LIFE_DOMAINS.size()));
          int[] scores = {extras.nextInt(8), extras.nextInt(8)};
          for (int m = 0; m < followUps; m++) {
            Instant measured = capped(agreed.plus(90L * m, ChronoUnit.DAYS), end);
            for (int d = 0; d < domains.size(); d++) {
              long measurement = ++nextMeasurement;
              int score = Math.max(0, Math.min(10, scores[d]));
              tables.add("progression_measurement", measurement, id, domains.get(d), score, ts(measured));
              events.add("PROGRESSION", "progression:" + measurement, domains.get(d), score, null, measured);
              scores[d] += extras.nextInt(4) - 1;
            }
            if (m > 0) {
              // The follow-up due 90 days after the previous one, done within 0–20 days of it.
              String task = "bench-task-" + id + "-f-" + m;
              Instant due = agreed.plus(90L * m, ChronoUnit.DAYS);
              Instant dueCreated = capped(agreed.plus(90L * (m - 1), ChronoUnit.DAYS), end);
              events.add("DUE", "due:" + task, "followUp", null, due, dueCreated);
              Instant done = due.plus(extras.nextInt(20) - 10, ChronoUnit.DAYS);
              if (done.isBefore(end)) {
                events.add("DONE", "done:" + task, "followUp", null, null, done);
              } else if (closedAt != null) {
                events.add("DONE", "done:" + task, "followUp", null, null, closedAt);
              }
            }
          }
          if (status.equals("ACTIVE")) {
            // The next follow-up, open: late when its due date has passed.
            String task = "bench-task-" + id + "-f-next";
            Instant due = agreed.plus(90L * followUps, ChronoUnit.DAYS).minus(extras.nextInt(30), ChronoUnit.DAYS);
            events.add("DUE", "due:" + task, "followUp", null, due, capped(due.minus(90, ChronoUnit.DAYS), until));
          }
          if (extras.nextInt(25) == 0) {
            Instant complained = capped(agreed.plus(10 + extras.nextInt(20), ChronoUnit.DAYS), end);
            events.add("COMPLAINT", "complaint:" + id, "", null, null, complained);
            if (complained.plus(30, ChronoUnit.DAYS).isBefore(until)) {
              events.add("COMPLAINT_OUTCOME", "complaint-outcome:" + id, extras.nextInt(3) == 0 ? "medhold"
                  : "videresendt", null, null, complained.plus(30, ChronoUnit.DAYS));
            }
          }
          if (status.equals("CLOSED")) {
            events.add("PHASE", "phase:" + id + ":closure", "CLOSURE", null, null, closedAt.minus(1, ChronoUnit.DAYS));
            for (String sector : sectors) {
              deliver(tables, events, extras, id, sector, "CLOSURE", null, "REFERENCE", id + ":" + sector + ":closure",
                  closedAt);
            }
          }
        }
      }
      if (closureReason != null) {
        events.add("ENDED", "ended:" + id, closureReason, null, null, closedAt);
      }
      if (tables.size("course") == BATCH || i == count - 1) {
        tables.flush(written);
      }
    }
    if (nextMeasurement > 0 || nextDelivery > 0) {
      restartIdentity("progression_measurement", nextMeasurement);
      restartIdentity("distribution_record", nextDelivery);
    }
    if (BenchDatabase.postgres()) {
      // What autovacuum's analyze does after so many new rows, before anyone queries them: without statistics the
      // planner takes the fresh tables for empty (a first export of 20,000 courses took 141 s to its first byte).
      written.keySet().forEach(table -> jdbc.execute("analyze " + table));
    }
    return written;
  }

  /** A delivery with its status; the KPI events of one that failed (at least once) or was rejected. */
  private void deliver(Tables tables, Events events, Random random, String id, String sector, String kind,
                       Integer version, String mode, String key, Instant at) {
    long record = ++nextDelivery;
    String status = deliveryStatus(random);
    boolean failedOnce = status.equals("FAILING") || status.equals("DELIVERED") && random.nextInt(30) == 0;
    tables.add("distribution_record", record, id, sector, kind, version, mode, key, status, failedOnce ? 2 : 1,
        status.equals("FAILING") ? "503 Service Unavailable" : null, ts(at),
        status.equals("DELIVERED") ? ts(at.plus(failedOnce ? 10 : 1, ChronoUnit.MINUTES)) : null);
    if (failedOnce) {
      events.add("DELIVERY_FAILED", "delivery-failed:" + record, sector, null, null, at);
    }
    if (status.equals("REJECTED")) {
      events.add("DELIVERY_REJECTED", "delivery-rejected:" + record, sector, null, null, at);
    }
  }

  /** Explicit ids were written: the identity continues after them. */
  private void restartIdentity(String table, long last) {
    if (BenchDatabase.postgres()) {
      jdbc.queryForObject("select setval(pg_get_serial_sequence('" + table + "', 'id'), ?)", Long.class,
          Math.max(1, last));
    } else {
      jdbc.execute("alter table " + table + " alter column id restart with " + (last + 1));
    }
  }

  /** The course events of one course, written to {@code kpi_event} when the mix has them. */
  private record Events(Tables tables, boolean on, String courseId, String tenant) {

    void add(String kind, String key, String item, Integer amount, Instant dueAt, Instant at) {
      if (on) {
        tables.add("kpi_event", key, courseId, tenant, kind, item, amount, ts(dueAt), ts(at),
            month(kind.equals("DUE") ? dueAt : at));
      }
    }

    private static int month(Instant at) {
      java.time.LocalDate day = java.time.LocalDate.ofInstant(at, DANISH_TIME);
      return day.getYear() * 100 + day.getMonthValue();
    }
  }

  /** By the course's age in days: young courses wait or are active, old ones have mostly ended. */
  private static String networkStatus(Random random, long ageDays) {
    int p = random.nextInt(100);
    if (ageDays < 60) {
      return p < 25 ? "REFERRED" : p < 45 ? "AWAITING_CONSENT" : p < 50 ? "NOT_IN_TARGET_GROUP"
          : p < 55 ? "NO_CONSENT" : "ACTIVE";
    }
    if (ageDays < 365) {
      return p < 3 ? "AWAITING_CONSENT" : p < 10 ? "NOT_IN_TARGET_GROUP" : p < 18 ? "NO_CONSENT"
          : p < 70 ? "ACTIVE" : "CLOSED";
    }
    return p < 7 ? "NOT_IN_TARGET_GROUP" : p < 15 ? "NO_CONSENT" : p < 30 ? "ACTIVE" : "CLOSED";
  }

  private static List<String> sectors(Random random) {
    List<String> chosen = new ArrayList<>(List.of("beskaeftigelse"));
    for (String sector : SECTORS.subList(1, SECTORS.size())) {
      if (random.nextInt(2) == 0) {
        chosen.add(sector);
      }
    }
    return chosen;
  }

  private static String deliveryStatus(Random random) {
    int p = random.nextInt(100);
    return p < 90 ? "DELIVERED" : p < 93 ? "KEPT_LOCALLY" : p < 96 ? "FAILING" : p < 98 ? "REJECTED" : "PENDING";
  }

  private static Instant capped(Instant at, Instant until) {
    return at.isAfter(until) ? until : at;
  }

  private static Timestamp ts(Instant at) {
    return at == null ? null : Timestamp.from(at);
  }

  /** The rows of one batch per table, and how each table is written. */
  private final class Tables {

    private static final Map<String, String> COLUMNS = Map.of(
        "course", "id, tenant_id, citizen_name, cpr, cpr_hash, referring_unit, referral_reason, status, coordinator, "
            + "closure_reason, process_instance_id, created_at, consent_at, closed_at",
        "course_sector", "course_id, sequence, sector",
        "course_problem_area", "course_id, sequence, problem_area",
        "plan_version", "course_id, version, citizen_goals, agreed_by, agreed_at",
        "consent_scope", "course_id, sector, given_at, withdrawn_at",
        "sector_report", "course_id, sector, kind, summary, detail, reported_by, reported_at",
        "progression_measurement", "id, course_id, life_domain, score, measured_at",
        "kpi_event", "event_key, course_id, tenant_id, kind, item, amount, due_at, occurred_at, yyyymm",
        "distribution_record", "id, course_id, sector, kind, plan_version, mode, idempotency_key, status, attempts, "
            + "last_error, created_at, delivered_at");
    /** In foreign-key order. */
    private static final List<String> ORDER = List.of("course", "course_sector", "course_problem_area", "plan_version",
        "consent_scope", "sector_report", "progression_measurement", "distribution_record", "kpi_event");

    private final Map<String, List<Object[]>> rows = new LinkedHashMap<>();

    void add(String table, Object... values) {
      rows.computeIfAbsent(table, t -> new ArrayList<>(BATCH)).add(values);
    }

    int size(String table) {
      return rows.getOrDefault(table, List.of()).size();
    }

    void flush(Map<String, Long> written) throws SQLException {
      for (String table : ORDER) {
        List<Object[]> batch = rows.getOrDefault(table, List.of());
        if (batch.isEmpty()) {
          continue;
        }
        if (BenchDatabase.postgres()) {
          copy(table, batch);
        } else {
          String placeholders = String.join(", ", java.util.Collections.nCopies(batch.get(0).length, "?"));
          jdbc.batchUpdate("insert into " + table + " (" + COLUMNS.get(table) + ") values (" + placeholders + ")",
              batch);
        }
        written.merge(table, (long) batch.size(), Long::sum);
        batch.clear();
      }
    }

    private void copy(String table, List<Object[]> batch) throws SQLException {
      StringBuilder data = new StringBuilder(batch.size() * 200);
      for (Object[] row : batch) {
        for (int c = 0; c < row.length; c++) {
          if (c > 0) {
            data.append('\t');
          }
          Object value = row[c];
          if (value == null) {
            data.append("\\N");
          } else if (value instanceof Timestamp t) {
            data.append(t.toInstant());
          } else {
            data.append(value.toString().replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n"));
          }
        }
        data.append('\n');
      }
      try (Connection connection = jdbc.getDataSource().getConnection()) {
        connection.unwrap(PGConnection.class).getCopyAPI().copyIn("copy " + table + " (" + COLUMNS.get(table)
            + ") from stdin", new StringReader(data.toString()));
      } catch (IOException e) {
        throw new SQLException(e);
      }
    }
  }
}
