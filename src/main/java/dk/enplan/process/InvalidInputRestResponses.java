package dk.enplan.process;

import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.springframework.stereotype.Component;

/**
 * The REST API answers input the engine rejected with {@link InvalidInputException} as 400 naming the field (the
 * engine's REST layer would report a failed start as a 500); every other error keeps Camunda's own handling. The
 * webapps' engine API gets the same mappers through {@link WebappInvalidInputResponses}.
 */
@Component
class InvalidInputRestResponses extends CamundaJerseyResourceConfig {

  @Override
  protected void registerAdditionalResources() {
    InvalidInputResponses.MAPPERS.forEach(this::register);
  }
}
