package dk.enplan;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest
@ActiveProfiles("test")
class SmokeTest {
  @Autowired RepositoryService repository;

  @Test
  void deploys() {
    assertThat(repository.createProcessDefinitionQuery().count()).isEqualTo(3);
    assertThat(repository.createDecisionDefinitionQuery().count()).isEqualTo(3);
  }
}
