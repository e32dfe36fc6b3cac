package dk.enplan.form;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.enplan.process.FormFieldLabels.Labelled;
import org.junit.jupiter.api.Test;

/** How a form names its fields in an error: the groups' labels (without "(valgfrit)"), then the field's own. */
class CamundaFormLabelsTest {

  private static final String FORM = """
      {"id": "eksempel", "components": [
        {"type": "textfield", "key": "cpr", "id": "Field_cpr", "label": "CPR-nummer"},
        {"type": "group", "label": "Indsats 2 (valgfrit)", "components": [
          {"type": "datetime", "key": "intervention2PlannedEnd", "id": "Field_end2", "subtype": "date",
           "dateLabel": "Planlagt slut"}]},
        {"type": "group", "label": "Adresse", "path": "address", "components": [
          {"type": "textfield", "key": "street", "id": "Field_street", "label": "Vej:"}]},
        {"type": "dynamiclist", "label": "Familie", "path": "members", "components": [
          {"type": "textfield", "key": "name", "id": "Field_memberName", "label": "Navn"}]},
        {"type": "textfield", "key": "computed", "id": "Field_computed", "label": "=if a then \\"A\\" else \\"B\\""}
      ]}""";

  private final CamundaForm form = read();

  @Test
  void aFieldIsNamedByItsGroupsAndItsOwnLabel() {
    assertThat(form.field("cpr")).contains(new Labelled("CPR-nummer", "Field_cpr"));
    assertThat(form.field("intervention2PlannedEnd"))
        .contains(new Labelled("Indsats 2, Planlagt slut", "Field_end2"));
    assertThat(form.field("address.street")).contains(new Labelled("Adresse, Vej", "Field_street"));
    assertThat(form.field("members[1].name")).contains(new Labelled("Familie, Navn", "Field_memberName"));
  }

  @Test
  void aLabelComputedByFeelOrAVariableWithoutAFieldIsNotNamedByALabel() {
    assertThat(form.field("computed")).contains(new Labelled("computed", "Field_computed"));
    assertThat(form.field("courseId")).isEmpty();
    assertThat(form.field("address")).isEmpty();
    assertThat(form.field("cpr.x")).isEmpty();
    assertThat(CamundaForm.none().field("cpr")).isEmpty();
  }

  private static CamundaForm read() {
    try {
      return CamundaForm.read(new ObjectMapper().readTree(FORM));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
