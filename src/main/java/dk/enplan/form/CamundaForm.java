package dk.enplan.form;

import com.fasterxml.jackson.databind.JsonNode;
import dk.enplan.process.FormFieldLabels;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A deployed Camunda Form (the JSON of {@code forms/*.form}) read as the contract of a submission: the variables it
 * may carry. A field inside a plain group is a variable of its own; a group with a {@code path} or a dynamic list is
 * one JSON variable named by the first part of its path, whose entries are the fields inside it. It also names its
 * fields as the caseworker reads them ({@link FormFieldLabels}), for the answer to input that is refused.
 */
public final class CamundaForm implements FormFieldLabels {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String id;
  private final FormShape variables;

  private CamundaForm(String id, FormShape variables) {
    this.id = id;
    this.variables = variables;
  }

  /** The form with no fields: what a start event or task without a Camunda Form accepts. */
  public static CamundaForm none() {
    return new CamundaForm("(ingen formular)", FormShape.object(Map.of()));
  }

  public static CamundaForm read(InputStream stream) {
    try (stream) {
      return read(JSON.readTree(stream));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static CamundaForm read(JsonNode form) {
    Map<String, FormShape> top = new LinkedHashMap<>();
    collect(form.path("components"), top, List.of(), List.of());
    return new CamundaForm(form.path("id").asText(), FormShape.object(top));
  }

  public String id() {
    return id;
  }

  /** The variables a submission may carry, by name. */
  public FormShape variables() {
    return variables;
  }

  /** Every input field, nested ones included, in the order of the form. */
  public List<FormField> fields() {
    List<FormField> fields = new ArrayList<>();
    variables.collectFields(fields);
    return fields;
  }

  /**
   * The field writing {@code variable}, as the form check names what it refuses: a key, {@code group.key} inside a
   * group with a path, {@code list[0].key} inside a dynamic list.
   */
  @Override
  public Optional<Labelled> field(String variable) {
    FormShape shape = variables;
    for (String part : variable.replaceAll("\\[\\d+]", "").split("\\.")) {
      if (shape.isList()) {
        shape = shape.row();
      }
      if (shape.isField() || !shape.entries().containsKey(part)) {
        return Optional.empty();
      }
      shape = shape.entries().get(part);
    }
    return shape.isField() ? Optional.of(new Labelled(shape.field().label(), shape.field().id())) : Optional.empty();
  }

  private static void collect(JsonNode components, Map<String, FormShape> into, List<String> hides,
                              List<String> groups) {
    for (JsonNode component : components) {
      String type = component.path("type").asText();
      List<String> inner = new ArrayList<>(hides);
      FormField.hideOf(component).ifPresent(inner::add);
      boolean container = component.has("components");
      List<String> innerGroups = new ArrayList<>(groups);
      if (container) {
        FormField.groupLabel(component).ifPresent(innerGroups::add);
      }
      String path = component.path("path").asText("");
      if (container && "dynamiclist".equals(type) && !path.isEmpty()) {
        Map<String, FormShape> row = new LinkedHashMap<>();
        collect(component.get("components"), row, List.of(), innerGroups);
        put(into, path, FormShape.repeated(FormShape.object(row), inner,
            component.path("disabled").asBoolean(false)));
      } else if (container && !path.isEmpty()) {
        Map<String, FormShape> group = new LinkedHashMap<>();
        collect(component.get("components"), group, inner, innerGroups);
        put(into, path, FormShape.object(group));
      } else if (container) {
        collect(component.get("components"), into, inner, innerGroups);
      } else if (component.hasNonNull("key")) {
        put(into, component.get("key").asText(), FormShape.leaf(FormField.read(component, hides, groups)));
      }
    }
  }

  /** A key or path with dots ({@code address.street}) is nested data, as form-js submits it. */
  private static void put(Map<String, FormShape> into, String path, FormShape shape) {
    int dot = path.indexOf('.');
    if (dot < 0) {
      into.put(path, shape);
      return;
    }
    FormShape parent = into.computeIfAbsent(path.substring(0, dot),
        name -> FormShape.object(new LinkedHashMap<>()));
    put(parent.entries(), path.substring(dot + 1), shape);
  }
}
