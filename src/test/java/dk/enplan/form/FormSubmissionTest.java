package dk.enplan.form;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which calls are form submissions, on both engine APIs, however the path is spelled. */
class FormSubmissionTest {

  @Test
  void startsAndCompletionsOnBothApisAreSubmissions() {
    assertThat(FormSubmission.of("/engine-rest/process-definition/key/en-plan/start")).hasValueSatisfying(s -> {
      assertThat(s.definitionKey()).isEqualTo("en-plan");
      assertThat(s.startsProcess()).isTrue();
    });
    assertThat(FormSubmission.of("/engine-rest/engine/default/process-definition/key/en-plan/tenant-id/allerod"
        + "/submit-form")).hasValueSatisfying(s -> assertThat(s.tenantId()).isEqualTo("allerod"));
    assertThat(FormSubmission.of("/camunda/api/engine/engine/default/process-definition/en-plan:1:7/submit-form"))
        .hasValueSatisfying(s -> assertThat(s.definitionId()).isEqualTo("en-plan:1:7"));
    assertThat(FormSubmission.of("/camunda/api/engine/engine/default/task/42/submit-form"))
        .hasValueSatisfying(s -> assertThat(s.taskId()).isEqualTo("42"));
    assertThat(FormSubmission.of("/engine-rest//task/42/complete/")).hasValueSatisfying(s ->
        assertThat(s.taskId()).isEqualTo("42"));
    assertThat(FormSubmission.of("/engine-rest/task/42/resolve")).isPresent();
  }

  @Test
  void otherCallsAreNot() {
    assertThat(FormSubmission.of("/engine-rest/task/42/claim")).isEmpty();
    assertThat(FormSubmission.of("/engine-rest/task/42/variables")).isEmpty();
    assertThat(FormSubmission.of("/engine-rest/process-definition/key/en-plan/xml")).isEmpty();
    assertThat(FormSubmission.of("/api/courses/1/plan")).isEmpty();
  }
}
