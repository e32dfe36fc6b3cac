package dk.enplan.planapi;

import com.fasterxml.jackson.databind.JsonMappingException;
import dk.enplan.process.InvalidInputException;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * The plan API's errors as JSON naming the field to correct: bad input 400, a refused caller 403, an unknown (or
 * another municipality's) course 404, an oversized body 413. Applies only to this package's controllers.
 */
@RestControllerAdvice(basePackageClasses = PlanApiErrors.class)
class PlanApiErrors {

  static final String BODY = "body";

  @ExceptionHandler(PlanApiException.class)
  ResponseEntity<ApiError> refused(PlanApiException e) {
    return error(e.status(), e.field(), e.getMessage());
  }

  @ExceptionHandler(InvalidInputException.class)
  ResponseEntity<ApiError> invalid(InvalidInputException e) {
    return error(HttpStatus.BAD_REQUEST, e.field(), e.getMessage());
  }

  /** A path variable of the wrong type, e.g. version "abc". */
  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<ApiError> wrongType(MethodArgumentTypeMismatchException e) {
    String expected = e.getRequiredType() == int.class || e.getRequiredType() == Integer.class
        ? "skal være et helt tal fra 1" : "har en ugyldig værdi";
    return error(HttpStatus.BAD_REQUEST, e.getName(), e.getName() + ": " + expected);
  }

  /** A missing, malformed, mistyped or oversized body. */
  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof RequestBodyLimit.TooLarge) {
        return error(HttpStatus.PAYLOAD_TOO_LARGE, BODY, RequestBodyLimit.MESSAGE);
      }
      if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
        String field = mapping.getPath().stream()
            .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
            .collect(Collectors.joining(".")).replace(".[", "[");
        return error(HttpStatus.BAD_REQUEST, field, field + ": har en forkert type (skal være tekst)");
      }
    }
    boolean missing = e.getMessage() != null && e.getMessage().startsWith("Required request body is missing");
    return error(HttpStatus.BAD_REQUEST, BODY, BODY + ": " + (missing
        ? "mangler; send JSON, fx {\"cpr\": \"010190-1234\"}"
        : "er ikke gyldig JSON; send fx {\"cpr\": \"010190-1234\"}"));
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<ApiError> notJson(HttpMediaTypeNotSupportedException e) {
    return error(HttpStatus.UNSUPPORTED_MEDIA_TYPE, BODY, BODY + ": skal være JSON (Content-Type: application/json)");
  }

  static ResponseEntity<ApiError> error(HttpStatus status, String field, String message) {
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(new ApiError(field, message));
  }
}
