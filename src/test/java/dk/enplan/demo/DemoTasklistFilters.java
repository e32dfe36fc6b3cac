package dk.enplan.demo;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;

/** The demo's shared Tasklist filters, created in a test context too (which runs without the demo profile). */
public final class DemoTasklistFilters {

  public static final String MY_TASKS = TasklistFilters.MY_TASKS;
  public static final String MY_SECTOR = TasklistFilters.MY_SECTOR;

  private DemoTasklistFilters() {
  }

  /** Creates the filters the demo ships, unless filters of those names exist. */
  public static void ensure(FilterService filters, TaskService tasks, AuthorizationService authorizations) {
    new TasklistFilters(filters, tasks, authorizations).run(null);
  }
}
