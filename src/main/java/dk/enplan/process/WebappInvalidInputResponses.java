package dk.enplan.process;

import jakarta.ws.rs.core.FeatureContext;
import org.glassfish.jersey.internal.spi.ForcedAutoDiscoverable;

/**
 * Installs {@link InvalidInputResponses} in every Jersey application of the server, in particular the webapps'
 * engine API ({@code /camunda/api/engine/…}, which Tasklist uses to submit forms) whose resource classes are fixed
 * by Camunda. Listed in {@code META-INF/services}.
 */
public class WebappInvalidInputResponses implements ForcedAutoDiscoverable {

  @Override
  public void configure(FeatureContext context) {
    InvalidInputResponses.MAPPERS.stream()
        .filter(mapper -> !context.getConfiguration().isRegistered(mapper))
        .forEach(context::register);
  }
}
