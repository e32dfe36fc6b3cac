package dk.enplan.planapi;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;

/** The body of every error the plan API answers itself. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "An error: the input field to correct (absent when no single field is to blame) and a Danish "
    + "message that starts with the field name.")
public record ApiError(
    @Schema(description = "The field, path variable or request part to correct: e.g. cpr, courseId, version, body",
        example = "cpr")
    String field,
    @Schema(description = "What is wrong, in Danish, prefixed with the field", example = "cpr: skal være 10 cifre, "
        + "fx 010190-1234")
    String message) {
}
