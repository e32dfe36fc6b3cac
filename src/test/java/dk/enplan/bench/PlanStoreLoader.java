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
  record Mix(List<String> tenants, Instant from, int days, boolean full) {

    /** The export benchmark's: all in Allerød, through 2025, statuses as {@link #EXPORT_STATUSES}. */
    static Mix export() {
      return new Mix(List.of("allerod"), Instant.parse("2025-01-01T00:00:00Z"), 364, false);
    }

    /**
     * A network over the years until {@code until}: nine municipalities, referrals from 1 January 2022; older courses
     * mostly ended, recent ones mostly waiting or active; consents per sector (some withdrawn), 1–3 plan versions,
     * progression on two life domains at each follow-up, the sectors' assessments, the deliveries of each plan version
     * and of the closure (some failing or rejected).
     */
    static Mix network(Instant until) {
      Instant from = Instant.parse("2022-01-01T00:00:00Z");
      return new Mix(NETWORK, from, (int) ChronoUnit.DAYS.between(from, until), true);
    }
  }

  private final JdbcTemplate jdbc;

  PlanStoreLoader(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
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
      String coordinator = mix.full() ? "koordinator-" + extras.nextInt(20) + "." + tenant : "koordinator." + tenant;
      Instant consentAt = !mix.full() ? (status.equals("REFERRED") ? null : created.plus(3, ChronoUnit.DAYS))
          : consented ? created.plus(1 + extras.nextInt(30), ChronoUnit.DAYS) : null;
      Instant closedAt = !ended ? null : !mix.full() ? created.plus(60, ChronoUnit.DAYS)
          : capped(created.plus(status.equals("CLOSED") ? 120 + extras.nextInt(600) : 5 + extras.nextInt(40),
              ChronoUnit.DAYS), until);
      String closureReason = switch (status) {
        case "CLOSED" -> mix.full() ? CLOSURE_REASONS.get(extras.nextInt(CLOSURE_REASONS.size())) : "maal_naaet";
        case "NO_CONSENT" -> "intet_samtykke";
        case "NOT_IN_TARGET_GROUP" -> "ikke_i_maalgruppen";
        default -> null;
      };
      tables.add("course", id, tenant, "Borger " + i, "v1:benchmark-not-a-real-cpr", hex.formatHex(hash),
          "Jobcenter " + tenant, reason, "ledighed,forsoergelse", status, coordinator, String.join(",", sectors),
          closureReason, "bench-pi-" + i, ts(created), ts(consentAt), ts(closedAt));
      if (consented) {
        int versions = mix.full() ? 1 + extras.nextInt(3) : 1 + random.nextInt(2);
        Instant agreed = mix.full() ? consentAt.plus(5 + extras.nextInt(40), ChronoUnit.DAYS) : null;
        for (int v = 1; v <= versions; v++) {
          Instant at = mix.full() ? capped(agreed.plus(90L * (v - 1), ChronoUnit.DAYS), until)
              : created.plus(10L * v, ChronoUnit.DAYS);
          String agreedBy = mix.full() && extras.nextInt(10) == 0 ? "koordinator-" + extras.nextInt(20) + "." + tenant
              : coordinator;
          tables.add("plan_version", id, v, "Borgerens egne ord, som eksporten aldrig læser.", agreedBy, ts(at));
          if (mix.full()) {
            for (String sector : sectors) {
              tables.add("distribution_record", id, sector, "PLAN", v, "FULL", id + ":" + sector + ":plan:" + v,
                  deliveryStatus(extras), 1, null, ts(at), ts(at.plus(1, ChronoUnit.MINUTES)));
            }
          }
        }
        if (mix.full()) {
          for (String sector : sectors) {
            Instant withdrawn = extras.nextInt(20) == 0 ? capped(consentAt.plus(30 + extras.nextInt(200),
                ChronoUnit.DAYS), until) : null;
            tables.add("consent_scope", id, sector, ts(consentAt), ts(withdrawn));
            tables.add("sector_report", id, sector, "ASSESSMENT", "Sektorens vurdering.", null,
                "sagsbehandler." + tenant, ts(consentAt.plus(3 + extras.nextInt(30), ChronoUnit.DAYS)));
          }
          int followUps = 1 + extras.nextInt(4);
          for (int d = 0; d < 2; d++) {
            String domain = LIFE_DOMAINS.get((d + extras.nextInt(LIFE_DOMAINS.size())) % LIFE_DOMAINS.size());
            int score = extras.nextInt(8);
            for (int m = 0; m < followUps; m++) {
              tables.add("progression_measurement", id, domain, Math.max(0, Math.min(10, score)),
                  ts(capped(agreed.plus(90L * m, ChronoUnit.DAYS), until)));
              score += extras.nextInt(4) - 1;
            }
          }
          if (status.equals("CLOSED")) {
            for (String sector : sectors) {
              tables.add("distribution_record", id, sector, "CLOSURE", null, "REFERENCE",
                  id + ":" + sector + ":closure", deliveryStatus(extras), 1, null, ts(closedAt), ts(closedAt));
            }
          }
        }
      }
      if (tables.size("course") == BATCH || i == count - 1) {
        tables.flush(written);
      }
    }
    return written;
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
        "course", "id, tenant_id, citizen_name, cpr, cpr_hash, referring_unit, referral_reason, problem_areas, "
            + "status, coordinator, chosen_sectors, closure_reason, process_instance_id, created_at, consent_at, "
            + "closed_at",
        "plan_version", "course_id, version, citizen_goals, agreed_by, agreed_at",
        "consent_scope", "course_id, sector, given_at, withdrawn_at",
        "sector_report", "course_id, sector, kind, summary, detail, reported_by, reported_at",
        "progression_measurement", "course_id, life_domain, score, measured_at",
        "distribution_record", "course_id, sector, kind, plan_version, mode, idempotency_key, status, attempts, "
            + "last_error, created_at, delivered_at");
    /** In foreign-key order. */
    private static final List<String> ORDER = List.of("course", "plan_version", "consent_scope", "sector_report",
        "progression_measurement", "distribution_record");

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
