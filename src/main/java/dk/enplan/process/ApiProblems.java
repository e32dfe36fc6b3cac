package dk.enplan.process;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * The one answer of the application's own endpoints (plan API, export, course migration, the administrators' and
 * operations' group checks) to a refused request: an RFC 9457 problem detail, {@code application/problem+json},
 * {@code {"type": "about:blank", "title": "Bad Request", "status": 400, "detail": "cpr: skal være 10 cifre …",
 * "field": "cpr", "message": "cpr: skal være 10 cifre …"}}. {@code detail} and {@code message} carry the same Danish
 * sentence, which starts with the field; {@code field} is absent when no single input is to blame. The engine API
 * ({@code /engine-rest}, the webapps' {@code /camunda/api/engine}) keeps its own shape, which Tasklist reads
 * ({@link InvalidInputResponses}, docs/forms.md). Filters, which answer before Spring MVC, write the same body
 * with {@link #write}.
 */
@RestControllerAdvice(basePackages = "dk.enplan")
public class ApiProblems {

  /** The field blamed for a missing, malformed or oversized body. */
  public static final String BODY = "body";

  @ExceptionHandler(RequestRefusedException.class)
  ResponseEntity<ProblemDetail> refused(RequestRefusedException e) {
    return answer(e.status(), e.field(), e.getMessage());
  }

  @ExceptionHandler(InvalidInputException.class)
  ResponseEntity<ProblemDetail> invalid(InvalidInputException e) {
    return answer(HttpStatus.BAD_REQUEST, e.field(), e.getMessage());
  }

  /** A path variable of the wrong type, e.g. version "abc". */
  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<ProblemDetail> wrongType(MethodArgumentTypeMismatchException e) {
    String expected = e.getRequiredType() == int.class || e.getRequiredType() == Integer.class
        ? "skal være et helt tal fra 1" : "har en ugyldig værdi";
    return answer(HttpStatus.BAD_REQUEST, e.getName(), e.getName() + ": " + expected);
  }

  /** A missing, malformed, mistyped or oversized body. */
  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof BodyTooLarge tooLarge) {
        return answer(HttpStatus.PAYLOAD_TOO_LARGE, BODY, tooLarge.getMessage());
      }
      if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
        String field = mapping.getPath().stream()
            .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
            .collect(Collectors.joining(".")).replace(".[", "[");
        return answer(HttpStatus.BAD_REQUEST, field, field + ": har en forkert type (skal være tekst)");
      }
    }
    boolean missing = e.getMessage() != null && e.getMessage().startsWith("Required request body is missing");
    return answer(HttpStatus.BAD_REQUEST, BODY, BODY + ": " + (missing
        ? "mangler; send JSON, fx {\"cpr\": \"010190-1234\"}"
        : "er ikke gyldig JSON; send fx {\"cpr\": \"010190-1234\"}"));
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<ProblemDetail> notJson(HttpMediaTypeNotSupportedException e) {
    return answer(HttpStatus.UNSUPPORTED_MEDIA_TYPE, BODY, BODY + ": skal være JSON (Content-Type: application/json)");
  }

  /** Thrown while reading a body past an endpoint's limit: answered 413 naming the body, with its message. */
  public static class BodyTooLarge extends IOException {
    public BodyTooLarge(String message) {
      super(message);
    }
  }

  /** The problem detail of a refusal; {@code field} may be null. */
  public static ProblemDetail problem(HttpStatus status, String field, String message) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, message);
    if (field != null) {
      problem.setProperty("field", field);
    }
    problem.setProperty("message", message);
    return problem;
  }

  public static ResponseEntity<ProblemDetail> answer(HttpStatus status, String field, String message) {
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem(status, field, message));
  }

  /** The same answer from a servlet filter (before Spring MVC); {@code json}: Spring Boot's ObjectMapper. */
  public static void write(HttpServletResponse response, ObjectMapper json, HttpStatus status, String field,
                           String message) throws IOException {
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    json.writeValue(response.getOutputStream(), problem(status, field, message));
  }
}
