package dk.enplan.deployment;

import dk.enplan.deployment.Token.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Checks one expression against the safe grammar, by recursive descent over its tokens:
 *
 * <pre>
 * expression := or
 * or         := and (('||' | 'or') and)*
 * and        := equality (('&amp;&amp;' | 'and') equality)*
 * equality   := relation (('==' | '!=' | 'eq' | 'ne') relation)*
 * relation   := sum (('&lt;' | '&gt;' | '&lt;=' | '&gt;=' | 'lt' | 'gt' | 'le' | 'ge') sum)*
 * sum        := product (('+' | '-') product)*
 * product    := unary (('*' | '/' | '%' | 'div' | 'mod') unary)*
 * unary      := ('!' | 'not' | '-' | 'empty') unary | primary
 * primary    := STRING | NUMBER | 'true' | 'false' | 'null' | '(' expression ')' | reference
 * reference  := IDENTIFIER ('.' IDENTIFIER ('(' arguments? ')')?)*
 * arguments  := argument (',' argument)*
 * argument   := 'execution' | 'task' | expression
 * </pre>
 *
 * A reference without dots is a process variable: not a bean of the application, not the engine's
 * {@code execution}/{@code task} (those only as a whole argument). A reference with dots must be a chain of
 * {@link AllowedBeanCalls}. Nothing else: no brackets, assignment, lambdas, ternaries, functions or static access.
 */
final class ExpressionParser {

  private static final Set<String> ENGINE_OBJECTS = Set.of("execution", "task", "caseExecution", "externalTask");
  private static final Set<String> ARGUMENT_OBJECTS = Set.of("execution", "task");

  private final List<Token> tokens;
  private final ApplicationBeans beans;
  private int index;

  private ExpressionParser(List<Token> tokens, ApplicationBeans beans) {
    this.tokens = tokens;
    this.beans = beans;
  }

  /** Checks tokens as returned by {@link ExpressionTokenizer} (ending with the closing brace). */
  static void check(List<Token> tokens, ApplicationBeans beans) throws UnsafeExpressionException {
    ExpressionParser parser = new ExpressionParser(tokens, beans);
    if (parser.peek().kind() == Kind.END) {
      throw new UnsafeExpressionException("udtrykket er tomt");
    }
    parser.expression();
    if (parser.peek().kind() != Kind.END) {
      throw new UnsafeExpressionException("'" + parser.peek().text() + "' er ikke tilladt her");
    }
  }

  private void expression() throws UnsafeExpressionException {
    binary(0);
  }

  private static final List<Set<String>> LEVELS = List.of(
      Set.of("||", "or"),
      Set.of("&&", "and"),
      Set.of("==", "!=", "eq", "ne"),
      Set.of("<", ">", "<=", ">=", "lt", "gt", "le", "ge"),
      Set.of("+", "-"),
      Set.of("*", "/", "%", "div", "mod"));

  private void binary(int level) throws UnsafeExpressionException {
    if (level == LEVELS.size()) {
      unary();
      return;
    }
    binary(level + 1);
    while (isOperator(peek(), LEVELS.get(level))) {
      index++;
      binary(level + 1);
    }
  }

  private static boolean isOperator(Token token, Set<String> operators) {
    return (token.kind() == Kind.OPERATOR || token.kind() == Kind.KEYWORD) && operators.contains(token.text());
  }

  private void unary() throws UnsafeExpressionException {
    Token token = peek();
    if (token.is("!") || token.is("not") || token.is("-") || token.is("empty")) {
      index++;
      unary();
      return;
    }
    primary();
  }

  private void primary() throws UnsafeExpressionException {
    Token token = next();
    switch (token.kind()) {
      case STRING, NUMBER -> { }
      case KEYWORD -> {
        if (!Set.of("true", "false", "null").contains(token.text())) {
          throw new UnsafeExpressionException("'" + token.text() + "' er ikke tilladt her");
        }
      }
      case OPERATOR -> {
        if (!token.is("(")) {
          throw new UnsafeExpressionException("'" + token.text() + "' er ikke tilladt her");
        }
        expression();
        expect(")");
      }
      case IDENTIFIER -> reference(token.text());
      case END -> throw new UnsafeExpressionException("udtrykket slutter for tidligt");
      default -> throw new UnsafeExpressionException("'" + token.text() + "' er ikke tilladt her");
    }
    if (peek().is(".")) {
      throw new UnsafeExpressionException("'.' efter '" + token.text() + "' er ikke tilladt: kun en komponents "
          + "metoder fra listen over tilladte kald");
    }
  }

  private void reference(String head) throws UnsafeExpressionException {
    if (peek().is("(")) {
      throw new UnsafeExpressionException("funktionen " + head + "(…) er ikke tilladt: kun kald fra listen over "
          + "tilladte kald");
    }
    if (!peek().is(".")) {
      variable(head);
      return;
    }
    StringBuilder chain = new StringBuilder(head);
    boolean propertyRead = false;
    while (peek().is(".")) {
      index++;
      Token name = next();
      if (name.kind() != Kind.IDENTIFIER) {
        throw new UnsafeExpressionException("'" + name.text() + "' er ikke tilladt efter '.'");
      }
      chain.append('.').append(name.text());
      if (peek().is("(")) {
        index++;
        chain.append('(').append(arguments()).append(')');
      } else {
        propertyRead = true;
      }
    }
    if (!AllowedBeanCalls.allows(chain.toString())) {
      throw new UnsafeExpressionException(propertyRead
          ? "opslaget " + chain + " er ikke tilladt: egenskaber må ikke læses, kun kald fra listen over tilladte kald"
          : "kaldet " + chain + " står ikke på listen over tilladte kald");
    }
  }

  /** Parses the arguments up to and including ')' and answers them as {@code _,_}. */
  private String arguments() throws UnsafeExpressionException {
    List<String> placeholders = new ArrayList<>();
    if (peek().is(")")) {
      index++;
      return "";
    }
    do {
      Token token = peek();
      Token after = index + 1 < tokens.size() ? tokens.get(index + 1) : token;
      if (token.kind() == Kind.IDENTIFIER && ARGUMENT_OBJECTS.contains(token.text())
          && (after.is(",") || after.is(")"))) {
        index++;
      } else {
        expression();
      }
      placeholders.add("_");
    } while (accept(","));
    expect(")");
    return String.join(",", placeholders);
  }

  private void variable(String name) throws UnsafeExpressionException {
    if (ARGUMENT_OBJECTS.contains(name)) {
      throw new UnsafeExpressionException("'" + name + "' må kun bruges som argument til et tilladt kald");
    }
    if (ENGINE_OBJECTS.contains(name)) {
      throw new UnsafeExpressionException("'" + name + "' er ikke tilladt");
    }
    if (beans.isBean(name) || AllowedBeanCalls.isHead(name)) {
      throw new UnsafeExpressionException("'" + name + "' er en komponent i applikationen, ikke en procesvariabel");
    }
  }

  private boolean accept(String operator) {
    if (peek().is(operator)) {
      index++;
      return true;
    }
    return false;
  }

  private void expect(String operator) throws UnsafeExpressionException {
    Token token = next();
    if (!token.is(operator)) {
      throw new UnsafeExpressionException("'" + operator + "' forventet, men fandt '" + token.text() + "'");
    }
  }

  private Token peek() {
    return tokens.get(Math.min(index, tokens.size() - 1));
  }

  private Token next() {
    Token token = peek();
    if (index < tokens.size() - 1) {
      index++;
    }
    return token;
  }
}
