package dk.enplan.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** A Camunda Form as the engine hands it to Tasklist: its id and its input fields (key → required). */
public record DeployedForm(String id, Map<String, Boolean> fields) {

  private static final ObjectMapper JSON = new ObjectMapper();

  public static DeployedForm read(InputStream stream) {
    try (stream) {
      JsonNode form = JSON.readTree(stream);
      Map<String, Boolean> fields = new LinkedHashMap<>();
      collect(form.path("components"), fields);
      return new DeployedForm(form.path("id").asText(), fields);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void collect(JsonNode components, Map<String, Boolean> fields) {
    for (JsonNode component : components) {
      if (component.hasNonNull("key")) {
        fields.put(component.get("key").asText(), component.path("validate").path("required").asBoolean(false));
      }
      if ("dynamiclist".equals(component.path("type").asText())) {
        fields.put(component.get("path").asText(), true); // a list of records; its fields are relative to a row
      } else {
        collect(component.path("components"), fields);
      }
    }
  }
}
