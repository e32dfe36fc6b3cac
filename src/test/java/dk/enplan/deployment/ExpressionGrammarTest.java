package dk.enplan.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The safe expression grammar on its own: what passes and what is refused, without an engine. */
class ExpressionGrammarTest {

  static final ApplicationBeans BEANS = new ApplicationBeans(Set.of("registerCourse")::contains,
      Set.of("registerCourse", "identityService", "processEngine", "sectorCatalog", "runtimeService")::contains);
  private final SafeExpressions expressions = new SafeExpressions(BEANS);

  @ParameterizedTest
  @ValueSource(strings = {
      "${coordinator}",
      "#{coordinator}",
      "${targetGroupConfirmed == 'ja'}",
      "${followUpDecision != \"fortsaet\"}",
      "${!hasEndpoint}",
      "${not consentRemaining and (a || b) or c && !d}",
      "${count >= 2 && count lt 10 || x eq null || y ne true || z le -1.5e3 || w gt .5}",
      "${(a + b) * c / 2 - d % 3 > e div 2 mod 4}",
      "${empty withdrawnSectorKeys}",
      "${sectorCatalog.get(sector).name()}",
      "${courseRoles.sectorGroup(execution)}",
      "${courseDeadlines.taskDueDate(execution)}",
      "${courseDeadlines.followUpInterval(task)}",
      "${decisionTenants.of(execution, 'maalgruppe')}",
      "${sectorSelection.chosen(execution)}",
      "#{execution.processBusinessKey}",
      "${'a}b'}",
      "${'say \\'hi\\''}",
      "text ${a} and #{b} and no expression {c} $ # }",
      "P14D",
      ""})
  void accepts(String text) {
    assertThat(expressions.problems(text)).as(text).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "${identityService.createMembership('analytiker.allerod','camunda-admin')}",
      "${identityService}",
      "${registerCourse}",
      "${processEngine.identityService}",
      "${execution.processEngineServices.identityService.createMembership('a','camunda-admin')}",
      "${execution.getProcessEngineServices()}",
      "${execution}",
      "${task}",
      "${externalTask}",
      "${''.getClass().forName('java.lang.Runtime')}",
      "${'x'.concat('y')}",
      "${(a).b}",
      "${a.b}",
      "${sectorCatalog.get(sector)}",
      "${sectorCatalog.get(sector).name().getClass()}",
      "${sectorCatalog.get(sector, x).name()}",
      "${sectorCatalog.get(execution == null).name().x}",
      "${sectorCatalog.get(identityService).name()}",
      "${sectorCatalog.names}",
      "${sectorCatalog}",
      "${a[0]}",
      "${a['b']}",
      "${x = 1}",
      "${x += 1}",
      "${a; b}",
      "${x -> x}",
      "${(x) -> x.y()}",
      "${a ? b : c}",
      "${T(java.lang.Runtime)}",
      "${now()}",
      "${fn:contains(a, b)}",
      "${a instanceof b}",
      "${{1, 2}}",
      "${[1, 2]}",
      "${a",
      "${'unterminated}",
      "${'bad \\x escape'}",
      "${}",
      "${a b}",
      "${'it''s'}",
      "${a +}",
      "ok ${a} then ${identityService.getClass()}"})
  void refuses(String text) {
    List<String> problems = expressions.problems(text);
    assertThat(problems).as(text).isNotEmpty();
    assertThat(problems.get(0)).as("the reason quotes the expression").contains("'");
  }

  @ParameterizedTest
  @ValueSource(strings = {"${a} ${identityService.x()} ${b.c}"})
  void listsEveryOffendingExpressionOfAText(String text) {
    assertThat(expressions.problems(text)).hasSize(2);
  }
}
