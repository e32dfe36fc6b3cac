package dk.enplan.course;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The problem areas a referral can name (the screening decision's vocabulary), key → Danish label, from
 * configuration ({@code enplan.problem-areas}).
 */
@ConfigurationProperties("enplan")
public record ProblemAreas(Map<String, String> problemAreas) {

  public ProblemAreas {
    problemAreas = problemAreas == null ? Map.of() : new LinkedHashMap<>(problemAreas);
  }
}
