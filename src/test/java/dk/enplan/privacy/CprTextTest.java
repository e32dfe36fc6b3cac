package dk.enplan.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CprTextTest {

  @Test
  void masksFullCprNumbersWithAndWithoutDash() {
    assertThat(CprText.mask("borger 0101901234 og 241285-1237.")).isEqualTo("borger 010190-xxxx og 241285-xxxx.");
    assertThat(CprText.mask("cpr=0101901234")).isEqualTo("cpr=010190-xxxx");
    assertThat(CprText.mask(null)).isNull();
  }

  @Test
  void leavesOtherNumbersAlone() {
    for (String text : new String[] {"ab123456-7890-1234-5678-123456789012", "12345678901", "3201901234",
        "0113901234", "2026-12-01", "010190-xxxx", "1767225600000", "a0101901234", "0101901234b"}) {
      assertThat(CprText.mask(text)).as(text).isEqualTo(text);
      assertThat(CprText.containsCpr(text)).as(text).isFalse();
    }
  }

  @Test
  void scrubsExceptionsThatMentionACprAndKeepsOthers() {
    IllegalStateException clean = new IllegalStateException("no number here", new RuntimeException("nor here"));
    assertThat(CprText.scrub(clean)).isSameAs(clean);
    assertThat(CprText.scrub(null)).isNull();

    IllegalArgumentException cause = new IllegalArgumentException("ukendt cpr 241285-1237");
    IllegalStateException thrown = new IllegalStateException("opslag fejlede", cause);
    thrown.addSuppressed(new RuntimeException("også 0503774821"));
    Throwable scrubbed = CprText.scrub(thrown);

    String trace = stackTrace(scrubbed);
    assertThat(trace).doesNotContain("241285-1237").doesNotContain("0503774821")
        .contains("java.lang.IllegalStateException: opslag fejlede")
        .contains("Caused by: java.lang.IllegalArgumentException: ukendt cpr 241285-xxxx")
        .contains("Suppressed: java.lang.RuntimeException: også 050377-xxxx")
        .contains("CprTextTest.scrubsExceptionsThatMentionACprAndKeepsOthers");
    assertThat(scrubbed.getMessage()).isEqualTo("opslag fejlede");
    assertThat(scrubbed.getStackTrace()).isEqualTo(thrown.getStackTrace());
  }

  private static String stackTrace(Throwable throwable) {
    java.io.StringWriter out = new java.io.StringWriter();
    throwable.printStackTrace(new java.io.PrintWriter(out));
    return out.toString();
  }
}
