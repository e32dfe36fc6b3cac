package dk.enplan.planapi;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The documented shape of every error the application's own endpoints answer (dk.enplan.process.ApiProblems): an
 * RFC 9457 problem detail, application/problem+json, with the field to correct and the Danish message.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "An RFC 9457 problem detail: the input field to correct (absent when no single field is to "
    + "blame) and a Danish message that starts with the field name, in detail and in message.")
public record ApiError(
    @Schema(description = "Always about:blank: the status says what kind of problem it is", example = "about:blank")
    String type,
    @Schema(description = "The status's reason phrase", example = "Bad Request")
    String title,
    @Schema(description = "The HTTP status", example = "400")
    Integer status,
    @Schema(description = "What is wrong, in Danish, prefixed with the field", example = "cpr: skal være 10 cifre, "
        + "fx 010190-1234")
    String detail,
    @Schema(description = "The field, path variable or request part to correct: e.g. cpr, courseId, version, body",
        example = "cpr")
    String field,
    @Schema(description = "The same as detail", example = "cpr: skal være 10 cifre, fx 010190-1234")
    String message) {
}
