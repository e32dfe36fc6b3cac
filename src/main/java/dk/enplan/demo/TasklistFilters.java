package dk.enplan.demo;

import dk.enplan.course.Coordinators;
import dk.enplan.taskcard.TaskCard;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The shared Tasklist filters of demo mode: my tasks, my sectors' open tasks, and every coordinator task of the
 * municipality. Sorted by due date, then by creation; each card shows the citizen, the masked CPR and the course's
 * phase ({@link TaskCard}). A filter is created only if none of that name exists, so filters that users have changed
 * are left alone (one that still shows the old, hidden process variables gets the cards'). Every user may read them
 * (global authorization).
 */
@Component
@Profile("demo")
@Order(TasklistFilters.ORDER)
class TasklistFilters implements ApplicationRunner {

  static final int ORDER = DemoIdentity.ORDER + 1;
  static final String MY_TASKS = "Mine opgaver";
  static final String MY_SECTOR = "Min sektor";
  static final String COORDINATOR = "Koordinator";

  private static final Logger LOG = LoggerFactory.getLogger(TasklistFilters.class);
  /**
   * What these filters showed before the task cards: process variables, which the engine's authorization hid from
   * every caseworker who may not read the course. A filter still showing exactly these gets the cards' variables.
   */
  private static final List<Map<String, String>> HIDDEN_VARIABLES = List.of(
      Map.of("name", "citizenName", "label", "Borger"),
      Map.of("name", "citizenMaskedCpr", "label", "CPR"),
      Map.of("name", "municipalityName", "label", "Kommune"));

  private final FilterService filters;
  private final TaskService tasks;
  private final AuthorizationService authorizations;

  TasklistFilters(FilterService filters, TaskService tasks, AuthorizationService authorizations) {
    this.filters = filters;
    this.tasks = tasks;
    this.authorizations = authorizations;
  }

  @Override
  public void run(ApplicationArguments args) {
    ensure(MY_TASKS, 10, "Opgaver, der er tildelt mig",
        tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
    ensure(MY_SECTOR, 20, "Ufordelte opgaver til mine grupper, fx min sektor eller visitationen",
        tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}"));
    ensure(COORDINATOR, 30, "Alle koordinerende kontaktpersoners opgaver i kommunen, også de tildelte",
        tasks.createTaskQuery().taskCandidateGroup(Coordinators.GROUP).includeAssignedTasks());
  }

  private void ensure(String name, int priority, String description, TaskQuery query) {
    Filter existing = filters.createTaskFilterQuery().filterName(name).listPage(0, 1).stream().findFirst().orElse(null);
    if (existing != null) {
      showTaskCards(existing);
      return;
    }
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("description", description);
    properties.put("priority", priority);
    properties.put("refresh", true);
    properties.put("variables", TaskCard.FILTER_VARIABLES);
    Filter filter = filters.newTaskFilter(name)
        .setQuery(query.orderByDueDate().asc().orderByTaskCreateTime().asc())
        .setProperties(properties);
    filters.saveFilter(filter);
    grantReadToEveryone(authorizations, filter);
    LOG.info("Demo: created Tasklist filter '{}'", name);
  }

  private void showTaskCards(Filter filter) {
    if (HIDDEN_VARIABLES.equals(filter.getProperties().get("variables"))) {
      Map<String, Object> properties = new LinkedHashMap<>(filter.getProperties());
      properties.put("variables", TaskCard.FILTER_VARIABLES);
      filters.saveFilter(filter.setProperties(properties));
      LOG.info("Demo: Tasklist filter '{}' shows the task cards", filter.getName());
    }
  }

  /** Every logged-in user may see the filter; what it lists stays subject to each user's task authorizations. */
  static void grantReadToEveryone(AuthorizationService authorizations, Filter filter) {
    Authorization read = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GLOBAL);
    read.setUserId(Authorization.ANY);
    read.setResource(Resources.FILTER);
    read.setResourceId(filter.getId());
    read.addPermission(Permissions.READ);
    authorizations.saveAuthorization(read);
  }
}
