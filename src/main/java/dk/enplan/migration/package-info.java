/**
 * Moving running courses to a newer version of the course's models (en-plan and the processes it calls) with the
 * engine's migration API: an administrator's endpoint, a dry run, a report per course. See docs/modelling.md.
 */
package dk.enplan.migration;
