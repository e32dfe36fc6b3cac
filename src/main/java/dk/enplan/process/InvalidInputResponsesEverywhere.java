package dk.enplan.process;

import jakarta.ws.rs.core.FeatureContext;
import org.glassfish.jersey.internal.spi.ForcedAutoDiscoverable;

/**
 * Installs {@link InvalidInputResponses} in every Jersey application of the server: {@code /engine-rest} and the
 * webapps' engine API ({@code /camunda/api/engine/…}, which Tasklist uses to submit forms, and whose resource classes
 * are fixed by Camunda), so input the engine rejects is 400 naming the field in both, never a 500. Listed in
 * {@code META-INF/services}.
 */
public class InvalidInputResponsesEverywhere implements ForcedAutoDiscoverable {

  @Override
  public void configure(FeatureContext context) {
    InvalidInputResponses.MAPPERS.stream()
        .filter(mapper -> !context.getConfiguration().isRegistered(mapper))
        .forEach(context::register);
  }
}
