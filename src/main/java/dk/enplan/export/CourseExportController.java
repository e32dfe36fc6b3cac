package dk.enplan.export;

import dk.enplan.municipality.MunicipalityCatalog;
import dk.enplan.names.GroupNames;
import dk.enplan.planapi.ApiError;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The evaluator's export (docs/export.md): {@code GET /api/export/courses?municipality=&from=&to=&format=csv|json},
 * HTTP Basic like the plan API, for the group {@value #EVALUATOR_GROUP} only. The request is checked and the export
 * recorded in the audit trail before the first byte; then the rows are written to the response as the query returns
 * them — in the request's own thread, so no async timeout cuts a long export short.
 */
@RestController
class CourseExportController {

  static final String EVALUATOR_GROUP = GroupNames.EVALUATOR;
  static final String PATH = "/api/export/courses";

  private final IdentityService identity;
  private final MunicipalityCatalog municipalities;
  private final Pseudonyms pseudonyms;
  private final CourseExportQuery query;
  private final ExportAudit audit;

  CourseExportController(IdentityService identity, MunicipalityCatalog municipalities, Pseudonyms pseudonyms,
                         CourseExportQuery query, ExportAudit audit) {
    this.identity = identity;
    this.municipalities = municipalities;
    this.pseudonyms = pseudonyms;
    this.query = query;
    this.audit = audit;
  }

  @GetMapping(PATH)
  @Operation(summary = "The evaluator's pseudonymised export of courses (group evaluering only)", description = """
      The courses of one municipality referred from `from` to `to` (both days included, Danish time), one row each:       keyed pseudonyms, codes, dates and counts; no CPR number, name or free text. CSV (default) or JSON, streamed.       Every export is recorded in the audit trail. Columns: docs/export.md.""")
  void export(@Parameter(description = "The municipality's tenant id, e.g. allerod") @RequestParam(required = false)
              String municipality,
              @Parameter(description = "First day of referral, YYYY-MM-DD") @RequestParam(required = false)
              String from,
              @Parameter(description = "Last day of referral, YYYY-MM-DD") @RequestParam(required = false) String to,
              @Parameter(description = "csv (default) or json") @RequestParam(required = false) String format,
              HttpServletResponse response) throws IOException {
    requireEvaluator();
    ExportRequest request = ExportRequest.parse(municipalities, municipality, from, to, format);
    audit.record(request);
    response.setContentType(request.format().contentType());
    response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"forloeb-"
        + request.municipality().tenant() + "-" + request.from() + "-" + request.to() + "."
        + request.format().extension() + "\"");
    response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    ExportFormat.RowWriter rows = request.format().open(response.getOutputStream());
    try {
      query.stream(request, pseudonyms.start(), course -> {
        try {
          rows.write(course);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
      rows.close();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private void requireEvaluator() {
    Authentication caller = identity.getCurrentAuthentication();
    if (caller == null || caller.getUserId() == null) {
      throw new ExportRefusedException(401, null, "log ind med HTTP Basic");
    }
    List<String> groups = caller.getGroupIds() == null ? List.of() : caller.getGroupIds();
    if (!groups.contains(EVALUATOR_GROUP)) {
      throw new ExportRefusedException(403, null, "eksporten kan kun hentes af gruppen " + EVALUATOR_GROUP);
    }
  }
}
