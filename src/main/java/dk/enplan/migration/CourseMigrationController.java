package dk.enplan.migration;

import com.fasterxml.jackson.databind.JsonNode;
import dk.enplan.security.AdministratorsOnly;
import io.swagger.v3.oas.annotations.Hidden;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/admin/course-migration} for administrators (HTTP Basic): moves a municipality's running courses
 * to a newer version of en-plan ({@link CourseMigration}). 200 with the report for a dry run and for a started
 * migration, 409 with the report when a course cannot move (nothing moved), 400/404 naming the field for bad input.
 */
@Hidden
@RestController
class CourseMigrationController {

  static final String PATH = "/api/admin/course-migration";

  private final CourseMigration migration;
  private final IdentityService identity;

  CourseMigrationController(CourseMigration migration, IdentityService identity) {
    this.migration = migration;
    this.identity = identity;
  }

  @PostMapping(value = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<?> migrate(@RequestBody(required = false) JsonNode body) {
    AdministratorsOnly.require(identity, "flytter kørende forløb til en ny version");
    MigrationReport report = migration.migrate(MigrationRequest.read(body));
    return ResponseEntity.status(report.compatible() ? HttpStatus.OK : HttpStatus.CONFLICT)
        .contentType(MediaType.APPLICATION_JSON).body(report);
  }
}
