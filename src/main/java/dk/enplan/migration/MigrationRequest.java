package dk.enplan.migration;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.http.HttpStatus;

/**
 * What to move: the courses of {@code tenant} running on the en-plan definition {@code from} (its id as Cockpit shows
 * it, e.g. {@code en-plan:1:…}), to the definition {@code to} (absent: the one the municipality's new courses get).
 * {@code dryRun} is true unless the request says false: nothing moves without asking for it.
 */
record MigrationRequest(String tenant, String from, String to, boolean dryRun) {

  static MigrationRequest read(JsonNode body) {
    if (body == null || !body.isObject()) {
      throw new CourseMigrationException(HttpStatus.BAD_REQUEST, "body", "send JSON, fx {\"tenant\": \"allerod\", "
          + "\"from\": \"en-plan:1:…\", \"dryRun\": true}");
    }
    JsonNode dryRun = body.path("dryRun");
    if (!dryRun.isMissingNode() && !dryRun.isNull() && !dryRun.isBoolean()) {
      throw new CourseMigrationException(HttpStatus.BAD_REQUEST, "dryRun", "skal være true eller false");
    }
    return new MigrationRequest(text(body, "tenant", true), text(body, "from", true), text(body, "to", false),
        !dryRun.isBoolean() || dryRun.asBoolean());
  }

  private static String text(JsonNode body, String field, boolean required) {
    JsonNode value = body.path(field);
    if (value.isMissingNode() || value.isNull() || (value.isTextual() && value.asText().isBlank())) {
      if (required) {
        throw new CourseMigrationException(HttpStatus.BAD_REQUEST, field, "mangler");
      }
      return null;
    }
    if (!value.isTextual() || value.asText().length() > 200) {
      throw new CourseMigrationException(HttpStatus.BAD_REQUEST, field, "skal være tekst (højst 200 tegn)");
    }
    return value.asText().trim();
  }
}
