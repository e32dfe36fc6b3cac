package dk.enplan.deployment;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds every expression ({@code ${…}} or {@code #{…}}) in a text, as the engine's EL reads a composite text, and
 * checks each against the safe grammar. A backslash before {@code $} does not exempt an expression: the check reads
 * more than the engine, never less.
 */
final class SafeExpressions {

  private final ApplicationBeans beans;

  SafeExpressions(ApplicationBeans beans) {
    this.beans = beans;
  }

  /** Why the text's expressions are unsafe, one entry per offending expression; empty if all are safe. */
  List<String> problems(String text) {
    List<String> problems = new ArrayList<>();
    int from = 0;
    while (true) {
      int start = nextStart(text, from);
      if (start < 0) {
        return problems;
      }
      List<Token> tokens;
      try {
        tokens = ExpressionTokenizer.tokenize(text, start + 2);
      } catch (UnsafeExpressionException e) {
        problems.add(quote(text.substring(start)) + ": " + e.getMessage());
        return problems;
      }
      int end = tokens.get(tokens.size() - 1).position() + 1;
      try {
        ExpressionParser.check(tokens, beans);
      } catch (UnsafeExpressionException e) {
        problems.add(quote(text.substring(start, end)) + ": " + e.getMessage());
      }
      from = end;
    }
  }

  private static int nextStart(String text, int from) {
    int dollar = text.indexOf("${", from);
    int hash = text.indexOf("#{", from);
    if (dollar < 0) {
      return hash;
    }
    return hash < 0 ? dollar : Math.min(dollar, hash);
  }

  static String quote(String expression) {
    String flat = expression.replaceAll("\\s+", " ").trim();
    return "'" + (flat.length() > 140 ? flat.substring(0, 140) + "…" : flat) + "'";
  }
}
