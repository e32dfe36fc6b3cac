/**
 * The one registry of the names that tie the models ({@code processes/*.bpmn}) and forms ({@code forms/*.form}) to
 * the code: the groups tasks are offered to and users belong to ({@link dk.enplan.names.GroupNames}), the values the
 * forms' answers take and the gateways compare ({@link dk.enplan.names.AnswerValues}), and the application beans'
 * methods an expression in a model may call ({@link dk.enplan.names.ModelCalls}, which the deployment gate enforces).
 * Java code uses these constants instead of repeating the strings, and {@code ModelConformanceTest} checks every
 * expression of every model and every option of every form against them. This package depends on no other package of
 * the application.
 */
package dk.enplan.names;
