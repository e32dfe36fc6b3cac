package dk.enplan.security;

import static org.mockito.Mockito.mock;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the allow-list costs a request: the time to judge the calls a Tasklist page and a form submission make
 * (path matching, the role rules, the expression scan of the body). Prints the figure; asserts no time.
 * {@code mvn -Pbench test -Dtest=EngineApiAllowListBenchmark}; the figures are in docs/benchmarks.md.
 */
class EngineApiAllowListBenchmark {

  @Test
  void judgingACall() throws Exception {
    EngineLookups engine = mock(EngineLookups.class);
    EngineApiAllowList allowList = new EngineApiAllowList(engine, new DirectoryScope(engine));
    ObjectMapper json = new ObjectMapper();
    EngineCaller coordinator = new EngineCaller("koordinator.allerod", List.of("koordinator"), List.of("allerod"));
    List<EngineApiCall> calls = List.of(
        new EngineApiCall("POST", List.of("filter", "f1", "list"), Map.of("firstResult", List.of("0")),
            json.readTree("{\"sorting\":[{\"sortBy\":\"dueDate\",\"sortOrder\":\"asc\"}]}")),
        new EngineApiCall("GET", List.of("task", "t1", "form-variables"), Map.of(), null),
        new EngineApiCall("POST", List.of("task", "t1", "claim"), Map.of(),
            json.readTree("{\"userId\":\"koordinator.allerod\"}")),
        new EngineApiCall("POST", List.of("task", "t1", "submit-form"), Map.of(), json.readTree(
            "{\"variables\":{\"consentGiven\":{\"value\":\"ja\"},\"consentNote\":{\"value\":\"Underskrevet.\"},"
                + "\"consentedSectors\":{\"value\":\"[\\\"beskaeftigelse\\\"]\",\"type\":\"Json\"}}}")),
        new EngineApiCall("POST", List.of("process-instance", "p1", "modification"), Map.of(),
            json.readTree("{\"instructions\":[]}")));
    for (int round = 0; round < 3; round++) {
      int n = 1_000_000;
      long start = System.nanoTime();
      int allowed = 0;
      for (int i = 0; i < n; i++) {
        allowed += allowList.judge(coordinator, calls.get(i % calls.size())).allowed() ? 1 : 0;
      }
      long nanos = System.nanoTime() - start;
      System.out.printf("BENCH engine API allow-list: %d calls judged in %d ms, %.0f ns per call (%d allowed)%n",
          n, nanos / 1_000_000, (double) nanos / n, allowed);
    }
  }
}
