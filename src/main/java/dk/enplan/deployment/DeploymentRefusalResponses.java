package dk.enplan.deployment;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Map;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.stereotype.Component;

/**
 * {@code POST /engine-rest/deployment/create} lets the engine's exceptions through unwrapped, so a refused deployment
 * would get Camunda's generic body; this answers it as every invalid input is answered: 400
 * {@code {"type", "field", "message"}} with the Danish list of findings.
 */
@Component
class DeploymentRefusalResponses implements ResourceConfigCustomizer {

  @Override
  public void customize(org.glassfish.jersey.server.ResourceConfig config) {
    config.register(RefusalMapper.class);
  }

  static class RefusalMapper implements ExceptionMapper<DeploymentRefusedException> {

    @Override
    public Response toResponse(DeploymentRefusedException refused) {
      return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
          .entity(Map.of("type", "InvalidInputException", "field", refused.field(), "message", refused.getMessage()))
          .build();
    }
  }
}
