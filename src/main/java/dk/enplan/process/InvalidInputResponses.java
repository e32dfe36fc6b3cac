package dk.enplan.process;

import jakarta.annotation.Priority;
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
 * {@code {"type": "InvalidInputException", "field": …, "message": …}}: Camunda's resources wrap the engine's
 * exception in a {@link RestException} (500) or let it through as a {@link ProcessEngineException}. Every other error
 * keeps Camunda's own handling.
 */
final class InvalidInputResponses {

  static final List<Class<?>> MAPPERS = List.of(WrappedInvalidInput.class, DirectInvalidInput.class);

  private InvalidInputResponses() {
  }

  static Optional<Response> of(Throwable error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof InvalidInputException invalid) {
        return Optional.of(Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
            .entity(Map.of("type", "InvalidInputException", "field", invalid.field(),
                "message", invalid.getMessage()))
            .build());
      }
    }
    return Optional.empty();
  }

  @Priority(1)
  public static class WrappedInvalidInput implements ExceptionMapper<RestException> {

    private final RestExceptionHandler camundaDefault = new RestExceptionHandler();

    @Override
    public Response toResponse(RestException exception) {
      return of(exception).orElseGet(() -> camundaDefault.toResponse(exception));
    }
  }

  @Priority(1)
  public static class DirectInvalidInput implements ExceptionMapper<ProcessEngineException> {

    private final ProcessEngineExceptionHandler camundaDefault = new ProcessEngineExceptionHandler();

    @Override
    public Response toResponse(ProcessEngineException exception) {
      return of(exception).orElseGet(() -> camundaDefault.toResponse(exception));
    }
  }
}
