/**
 * The Én Plan read API for caseworkers, the citizen's printable plan and the specialist systems' lookup, under
 * {@code /api}: HTTP Basic against the Camunda identity service, tenant isolation by municipality, documented with
 * OpenAPI at {@code /api-docs}. Read only: nothing here writes to the plan store or the engine.
 */
package dk.enplan.planapi;
