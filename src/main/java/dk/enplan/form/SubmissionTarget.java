package dk.enplan.form;

import java.util.Map;

/** The form a submission is checked against and the variables the task or process already has. */
record SubmissionTarget(CamundaForm form, Map<String, Object> existing) {
}
