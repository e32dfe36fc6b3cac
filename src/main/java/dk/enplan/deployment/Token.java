package dk.enplan.deployment;

/** One token of an expression between {@code ${} and its closing brace. */
record Token(Kind kind, String text, int position) {

  enum Kind { IDENTIFIER, KEYWORD, STRING, NUMBER, OPERATOR, END }

  boolean is(String value) {
    return (kind == Kind.OPERATOR || kind == Kind.KEYWORD) && text.equals(value);
  }
}
