package dk.enplan.deployment;

import dk.enplan.deployment.Token.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits one expression, from just after its {@code ${} (or {@code #{}) to its closing brace, into tokens the way the
 * engine's EL scanner does: string literals in single or double quotes with {@code \\} escaping only the quote and
 * the backslash, numbers, identifiers and keywords, and the operators of the safe grammar. Any other character
 * ({@code [ ] = ; ? : { & |} alone …) ends the check, so an accepted expression has no part the scanner could read
 * differently.
 */
final class ExpressionTokenizer {

  static final Set<String> KEYWORDS = Set.of("and", "or", "not", "eq", "ne", "lt", "gt", "le", "ge", "true", "false",
      "null", "empty", "div", "mod", "instanceof");
  private static final List<String> OPERATORS = List.of("==", "!=", "<=", ">=", "&&", "||", "<", ">", "!", "+", "-",
      "*", "/", "%", "(", ")", ",", ".");

  private final String text;
  private int position;

  private ExpressionTokenizer(String text, int start) {
    this.text = text;
    this.position = start;
  }

  /** The tokens from {@code start} up to and including the closing brace (an {@link Kind#END} token). */
  static List<Token> tokenize(String text, int start) throws UnsafeExpressionException {
    return new ExpressionTokenizer(text, start).all();
  }

  private List<Token> all() throws UnsafeExpressionException {
    List<Token> tokens = new ArrayList<>();
    while (true) {
      while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
        position++;
      }
      if (position >= text.length()) {
        throw new UnsafeExpressionException("udtrykket mangler sin afsluttende '}'");
      }
      char c = text.charAt(position);
      if (c == '}') {
        tokens.add(new Token(Kind.END, "}", position++));
        return tokens;
      }
      tokens.add(next(c));
    }
  }

  private Token next(char c) throws UnsafeExpressionException {
    int start = position;
    if (c == '\'' || c == '"') {
      return string(c);
    }
    if (Character.isDigit(c) || (c == '.' && position + 1 < text.length()
        && Character.isDigit(text.charAt(position + 1)))) {
      return number();
    }
    if (Character.isJavaIdentifierStart(c)) {
      while (position < text.length() && Character.isJavaIdentifierPart(text.charAt(position))) {
        position++;
      }
      String word = text.substring(start, position);
      return new Token(KEYWORDS.contains(word) ? Kind.KEYWORD : Kind.IDENTIFIER, word, start);
    }
    for (String operator : OPERATORS) {
      if (text.startsWith(operator, position)) {
        position += operator.length();
        return new Token(Kind.OPERATOR, operator, start);
      }
    }
    throw new UnsafeExpressionException("tegnet '" + c + "' er ikke tilladt i et udtryk");
  }

  private Token string(char quote) throws UnsafeExpressionException {
    int start = position++;
    StringBuilder value = new StringBuilder();
    while (position < text.length()) {
      char c = text.charAt(position++);
      if (c == '\\') {
        if (position >= text.length()) {
          break;
        }
        char escaped = text.charAt(position++);
        if (escaped != '\\' && escaped != quote) {
          throw new UnsafeExpressionException("ugyldig escape-sekvens \\" + escaped + " i en tekst");
        }
        value.append(escaped);
      } else if (c == quote) {
        return new Token(Kind.STRING, value.toString(), start);
      } else {
        value.append(c);
      }
    }
    throw new UnsafeExpressionException("en tekst i udtrykket mangler sit afsluttende " + quote);
  }

  private Token number() {
    int start = position;
    digits();
    if (position < text.length() && text.charAt(position) == '.') {
      position++;
      digits();
    }
    if (position < text.length() && (text.charAt(position) == 'e' || text.charAt(position) == 'E')) {
      int mark = position++;
      if (position < text.length() && (text.charAt(position) == '+' || text.charAt(position) == '-')) {
        position++;
      }
      if (position < text.length() && Character.isDigit(text.charAt(position))) {
        digits();
      } else {
        position = mark;
      }
    }
    return new Token(Kind.NUMBER, text.substring(start, position), start);
  }

  private void digits() {
    while (position < text.length() && Character.isDigit(text.charAt(position))) {
      position++;
    }
  }
}
