package dk.enplan.security;

import static dk.enplan.course.CourseProcess.Elements.OBTAIN_CONSENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dk.enplan.course.CourseSteps;
import dk.enplan.testing.CourseDriver;
import dk.enplan.testing.EngineOnlyTest;
import dk.enplan.testing.TestIdentity;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The engine runs with {@link CallerGroupsAuthorizationManager}: a caseworker's task query no longer reads every
 * group of the authorization table first, and the authorization check answers as before, whatever other groups the
 * caseworker is in.
 */
@EngineOnlyTest
class CallerGroupsAuthorizationManagerTest {

  static final String STATEMENTS = "org.camunda.bpm.engine.impl.persistence.entity.";
  static final String ALL_AUTHORIZED_GROUPS = STATEMENTS + "AuthorizationEntity.selectAuthorizedGroupIds";
  static final String TASK_QUERY = STATEMENTS + "TaskEntity.selectTaskByQueryCriteria";

  @Autowired CourseSteps steps;
  @Autowired TestIdentity identity;
  @Autowired AccessPolicy accessPolicy;
  @Autowired CourseDriver driver;
  @Autowired TaskService tasks;
  @Autowired ProcessEngine engine;

  @BeforeEach
  void setUp() {
    identity.ensure();
  }

  @Test
  void theEngineUsesIt() {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine
        .getProcessEngineConfiguration();
    Object manager = configuration.getCommandExecutorTxRequired()
        .execute(context -> context.getAuthorizationManager());
    assertThat(manager).isInstanceOf(CallerGroupsAuthorizationManager.class);
  }

  @Test
  void aTasklistQuerySendsNoQueryForAllGroupsWithAuthorizations() {
    ProcessInstance course = steps.refer(List.of("ledighed", "misbrug"));
    steps.visitate(course, List.of("beskaeftigelse"));

    Map<String, Long> sent = statementsSentBy(List.of(ALL_AUTHORIZED_GROUPS, TASK_QUERY),
        () -> as("koordinator.allerod", List.of("koordinator"), () -> tasks.createTaskQuery()
            .taskCandidateGroup("koordinator").includeAssignedTasks().orderByDueDate().asc().listPage(0, 15)));

    assertThat(sent).as("statements sent, by id").containsEntry(TASK_QUERY, 1L)
        .doesNotContainKey(ALL_AUTHORIZED_GROUPS);
  }

  @Test
  void theCheckAnswersTheSameWithGroupsThatHaveNoAuthorizations() {
    ProcessInstance course = steps.refer(List.of("ledighed", "misbrug"));
    steps.visitate(course, List.of("beskaeftigelse"));
    Task consent = steps.task(course, OBTAIN_CONSENT);

    assertThat(visibleTo(List.of("koordinator"), consent)).isTrue();
    assertThat(visibleTo(List.of("koordinator", "gruppe-uden-rettigheder"), consent)).isTrue();
    assertThat(visibleTo(List.of("gruppe-uden-rettigheder", "koordinator"), consent)).isTrue();
    assertThat(visibleTo(List.of("gruppe-uden-rettigheder"), consent)).isFalse();
    assertThat(visibleTo(List.of("sektor-ydelse", "gruppe-uden-rettigheder"), consent)).isFalse();
    assertThat(visibleTo(List.of(), consent)).isFalse();
  }

  private boolean visibleTo(List<String> groups, Task task) {
    // A user who is not the task's assignee: only a group can give access.
    return as("bruger.allerod", groups, () -> tasks.createTaskQuery().taskId(task.getId()).count()) == 1;
  }

  private <T> T as(String user, List<String> groups, Supplier<T> action) {
    return driver.as(user, groups, "allerod", action);
  }

  /** How often each of the given MyBatis statements was sent while the action ran (MyBatis' DEBUG statement log). */
  private static Map<String, Long> statementsSentBy(List<String> statementIds, Runnable action) {
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    List<Logger> loggers = statementIds.stream().map(id -> (Logger) LoggerFactory.getLogger(id)).toList();
    loggers.forEach(logger -> {
      logger.addAppender(appender);
      logger.setLevel(Level.DEBUG);
    });
    try {
      action.run();
    } finally {
      loggers.forEach(logger -> {
        logger.setLevel(null);
        logger.detachAppender(appender);
      });
    }
    return appender.list.stream().filter(event -> event.getFormattedMessage().startsWith("==>  Preparing:"))
        .collect(Collectors.groupingBy(ILoggingEvent::getLoggerName, Collectors.counting()));
  }

  @Test
  void aRevokeIsRefusedAndNoneIsLookedFor() {
    Authorization revoke = engine.getAuthorizationService().createNewAuthorization(Authorization.AUTH_TYPE_REVOKE);
    revoke.setGroupId("koordinator");
    revoke.setResource(Resources.TASK);
    revoke.setResourceId(Authorization.ANY);
    revoke.removePermission(Permissions.READ);

    assertThatThrownBy(() -> engine.getAuthorizationService().saveAuthorization(revoke))
        .isInstanceOf(BadUserRequestException.class).hasMessageContaining("REVOKE");
    assertThat(engine.getAuthorizationService().createAuthorizationQuery()
        .authorizationType(Authorization.AUTH_TYPE_REVOKE).count()).isZero();
    assertThat(((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getAuthorizationCheckRevokes()).isEqualTo("never");
  }

  @Test
  void theEngineDoesNotStartOnADatabaseWithARevoke() {
    JdbcTemplate jdbc = new JdbcTemplate(((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getDataSource());
    jdbc.update("insert into ACT_RU_AUTHORIZATION (ID_, REV_, TYPE_, GROUP_ID_, RESOURCE_TYPE_, RESOURCE_ID_, PERMS_)"
        + " values ('revoke-from-before', 1, 2, 'koordinator', 7, '*', -3)");
    try {
      assertThatThrownBy(() -> accessPolicy.postProcessEngineBuild(engine)).isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("1 revoke authorizations");
    } finally {
      jdbc.update("delete from ACT_RU_AUTHORIZATION where ID_ = 'revoke-from-before'");
    }
  }
}
