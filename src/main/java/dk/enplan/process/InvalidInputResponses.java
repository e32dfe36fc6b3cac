package dk.enplan.process;

import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;

/**
 * JAX-RS mappers that answer an {@link InvalidInputException} anywhere in an error's causes with 400 and
 * {@code {"type": "InvalidInputException", "field": …, "message": …}} ({@link InvalidInputAnswer}; in a form
 * submission in the words of the submitted form, which the form check left on the request): Camunda's resources wrap
 * the engine's exception in a {@link RestException} (500) or let it through as a {@link ProcessEngineException}.
 * The engine's tenant check refusing another municipality's task, instance or definition (ENGINE-13034, which
 * Camunda answers with 500) is answered 404, as if it did not exist, which is how the engine's queries answer the
 * same user. Every other error keeps Camunda's own handling.
 */
final class InvalidInputResponses {

  static final List<Class<?>> MAPPERS = List.of(WrappedInvalidInput.class, DirectInvalidInput.class);

  private InvalidInputResponses() {
  }

  /** The engine's message when its tenant check refuses a command on another tenant's object. */
  static final String OTHER_TENANT = "ENGINE-13034";

  static Optional<Response> of(Throwable error, HttpServletRequest request) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof InvalidInputException invalid) {
        return Optional.of(Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
            .entity(InvalidInputAnswer.body(invalid, submittedForm(request)))
            .build());
      }
    }
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof ProcessEngineException && cause.getMessage() != null
          && cause.getMessage().startsWith(OTHER_TENANT)) {
        return Optional.of(Response.status(Response.Status.NOT_FOUND).type(MediaType.APPLICATION_JSON_TYPE)
            .entity(Map.of("type", "InvalidRequestException", "message", "Findes ikke."))
            .build());
      }
    }
    return Optional.empty();
  }

  private static FormFieldLabels submittedForm(HttpServletRequest request) {
    return request != null && request.getAttribute(FormFieldLabels.REQUEST_ATTRIBUTE) instanceof FormFieldLabels form
        ? form : null;
  }

  @Priority(1)
  public static class WrappedInvalidInput implements ExceptionMapper<RestException> {

    private final RestExceptionHandler camundaDefault = new RestExceptionHandler();
    @Context private HttpServletRequest request;

    @Override
    public Response toResponse(RestException exception) {
      return of(exception, request).orElseGet(() -> camundaDefault.toResponse(exception));
    }
  }

  @Priority(1)
  public static class DirectInvalidInput implements ExceptionMapper<ProcessEngineException> {

    private final ProcessEngineExceptionHandler camundaDefault = new ProcessEngineExceptionHandler();
    @Context private HttpServletRequest request;

    @Override
    public Response toResponse(ProcessEngineException exception) {
      return of(exception, request).orElseGet(() -> camundaDefault.toResponse(exception));
    }
  }
}
