package dk.enplan.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import dk.enplan.testing.EngineOnlyTest;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** Demo mode's network-wide roles: one user each, named like the group, with the demo password, of no tenant. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {EngineOnlyTest.WITHOUT_WEB,
    "spring.datasource.url=jdbc:h2:mem:enplan-demo;DB_CLOSE_DELAY=-1",
    "camunda.bpm.job-execution.enabled=false",
    "camunda.bpm.generate-unique-process-engine-name=true"})
@ActiveProfiles("demo")
class NetworkRolesDemoTest {

  @Autowired IdentityService identity;

  @Test
  void netvaerkEvalueringAndDriftAreUsersOfTheirGroupAndOfNoMunicipality() {
    for (String role : new String[] {"netvaerk", "evaluering", "drift"}) {
      assertThat(identity.createGroupQuery().groupId(role).singleResult().getName()).as(role).isNotBlank();
      assertThat(identity.checkPassword(role, "demo")).as(role).isTrue();
      assertThat(identity.createGroupQuery().groupMember(role).list()).as(role).extracting(Group::getId)
          .containsExactly(role);
      assertThat(identity.createTenantQuery().userMember(role).includingGroupsOfUser(true).count()).as(role).isZero();
    }
    assertThat(identity.createUserQuery().userId("netvaerk.allerod").count()).isZero();
  }
}
