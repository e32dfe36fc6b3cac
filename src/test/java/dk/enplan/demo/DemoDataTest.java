package dk.enplan.demo;

import static dk.enplan.course.CourseProcess.Elements.FOLLOW_UP_DUE;
import static dk.enplan.course.CourseProcess.Elements.OBTAIN_CONSENT;
import static dk.enplan.course.CourseProcess.Elements.PLAN_MEETING;
import static dk.enplan.course.CourseProcess.Elements.VISITATION;
import static dk.enplan.course.CourseProcess.SectorElements.ASSESS_SECTOR;
import static dk.enplan.course.CourseProcess.SectorElements.START_INTERVENTION;
import static org.assertj.core.api.Assertions.assertThat;

import dk.enplan.course.ContactPersons;
import dk.enplan.course.CourseProcess;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import dk.enplan.testing.EngineOnlyTest;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** Demo mode from an empty database: identities, Tasklist filters and courses in their phases, created once. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {EngineOnlyTest.WITHOUT_WEB,
    "spring.datasource.url=jdbc:h2:mem:enplan-demo;DB_CLOSE_DELAY=-1",
    "camunda.bpm.job-execution.enabled=false",
    "camunda.bpm.generate-unique-process-engine-name=true"})
@ActiveProfiles("demo")
class DemoDataTest {

  static final List<String> TENANTS = List.of("allerod", "ballerup", "fredensborg", "frederikssund", "fureso",
      "gribskov", "halsnaes", "helsingor", "hillerod");
  static final List<String> GROUPS = List.of("visitation", "koordinator", "leder", "analytiker", "fagsystem",
      "sektor-beskaeftigelse", "sektor-ydelse", "sektor-sygedagpenge", "sektor-voksen", "sektor-familie",
      "sektor-sundhed", "sektor-unge");
  static final Map<String, String> STAFFED = Map.of("allerod", "Allerød", "ballerup", "Ballerup");

  @Autowired IdentityService identity;
  @Autowired FilterService filters;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired ManagementService management;
  @Autowired AuthorizationService authorizations;
  @Autowired DemoIdentity demoIdentity;
  @Autowired TasklistFilters tasklistFilters;
  @Autowired DemoCourses demoCourses;

  @AfterEach
  void signOut() {
    identity.clearAuthentication();
  }

  @Test
  void everyMunicipalityIsATenant() {
    assertThat(identity.createTenantQuery().list()).extracting(Tenant::getId)
        .containsExactlyInAnyOrderElementsOf(TENANTS);
    assertThat(identity.createTenantQuery().tenantId("allerod").singleResult().getName()).isEqualTo("Allerød");
    assertThat(identity.createTenantQuery().tenantId("helsingor").singleResult().getName()).isEqualTo("Helsingør");
  }

  @Test
  void everyGroupExistsWithADanishName() {
    List<Group> groups = identity.createGroupQuery().groupIdIn(GROUPS.toArray(String[]::new)).list();
    assertThat(groups).extracting(Group::getId).containsExactlyInAnyOrderElementsOf(GROUPS);
    assertThat(groups).allSatisfy(group -> assertThat(group.getName()).isNotBlank());
    assertThat(identity.createGroupQuery().groupId("sektor-familie").singleResult().getName())
        .isEqualTo("Sektor: Børn og familie");
  }

  @Test
  void theDemoCoordinatorsHaveANamePhoneAndEmail(@Autowired ContactPersons contactPersons) {
    assertThat(contactPersons.of("koordinator.allerod")).satisfies(mette -> {
      assertThat(mette.name()).isEqualTo("Mette Holm");
      assertThat(mette.phone()).isEqualTo("48 10 00 01");
      assertThat(mette.email()).isEqualTo("mette.holm@allerod.example");
    });
    assertThat(contactPersons.of("koordinator.ballerup").line())
        .isEqualTo("Jonas Friis, tlf. 44 77 00 01, jonas.friis@ballerup.example");
  }

  @Test
  void staffedMunicipalitiesHaveOneUserPerGroupInThatGroupAndTenantOnly() {
    STAFFED.forEach((tenant, municipalityName) -> GROUPS.forEach(group -> {
      String userId = group + "." + tenant;
      User user = identity.createUserQuery().userId(userId).singleResult();
      assertThat(user).as(userId).isNotNull();
      assertThat(user.getFirstName()).as(userId).isNotBlank();
      if (group.equals("koordinator")) {
        assertThat(user.getEmail()).as("the contact person's e-mail, shown to the citizen").isNotBlank()
            .doesNotContain(userId);
      } else {
        assertThat(user.getLastName()).as(userId).isEqualTo(municipalityName);
      }
      assertThat(identity.checkPassword(userId, "demo")).as(userId).isTrue();
      assertThat(identity.createGroupQuery().groupMember(userId).list()).as(userId)
          .extracting(Group::getId).containsExactly(group);
      assertThat(identity.createTenantQuery().userMember(userId).includingGroupsOfUser(true).list()).as(userId)
          .extracting(Tenant::getId).containsExactly(tenant);
    }));
    assertThat(identity.createUserQuery().memberOfTenant("allerod").count()).isEqualTo(GROUPS.size());
    assertThat(identity.createUserQuery().memberOfTenant("fredensborg").count()).isZero();
  }

  @Test
  void adminIsCamundaAdminWithoutMunicipality() {
    assertThat(identity.createUserQuery().userId("admin").memberOfGroup(Groups.CAMUNDA_ADMIN).count()).isEqualTo(1);
    assertThat(identity.createTenantQuery().userMember("admin").includingGroupsOfUser(true).count()).isZero();
  }

  @Test
  void sharedTasklistFiltersExist() {
    for (String name : List.of("Mine opgaver", "Min sektor", "Koordinator")) {
      Filter filter = filters.createTaskFilterQuery().filterName(name).singleResult();
      assertThat(filter).as(name).isNotNull();
      assertThat(filter.getOwner()).as(name).isNull();
      assertThat(filter.getProperties()).as(name)
          .containsEntry("refresh", true).containsKeys("description", "priority");
    }
  }

  @Test
  void filtersShowTheCaseworkerTheirTasks() {
    signIn("koordinator.allerod", "koordinator", "allerod");
    List<Task> mine = filters.list(filterId("Mine opgaver"));
    assertThat(mine).extracting(Task::getTaskDefinitionKey).contains(OBTAIN_CONSENT);
    assertThat(mine).allSatisfy(task -> assertThat(task.getAssignee()).isEqualTo("koordinator.allerod"));
    assertThat(filters.count(filterId("Koordinator"))).isEqualTo(mine.size());

    signIn("sektor-voksen.allerod", "sektor-voksen", "allerod");
    List<Task> sector = filters.list(filterId("Min sektor"));
    assertThat(sector).extracting(Task::getTaskDefinitionKey).containsExactly(ASSESS_SECTOR);
    assertThat(sector).allSatisfy(task -> assertThat(task.getAssignee()).isNull());
  }

  @Test
  void coursesWaitInTheirPhases() {
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(CourseProcess.KEY).count())
        .isGreaterThanOrEqualTo(6);

    assertThat(tasks.createTaskQuery().taskDefinitionKey(VISITATION).taskCandidateGroup("visitation").list())
        .extracting(Task::getTenantId).containsExactlyInAnyOrder("allerod", "ballerup");

    Task consent = tasks.createTaskQuery().taskDefinitionKey(OBTAIN_CONSENT).singleResult();
    assertThat(consent.getTenantId()).isEqualTo("allerod");
    assertThat(consent.getAssignee()).isEqualTo("koordinator.allerod");

    // joint assessment in Allerød: the youth sector has delivered, adult social and health have not
    assertThat(openTasksOf("sektor-unge", ASSESS_SECTOR, "allerod")).isZero();
    assertThat(openTasksOf("sektor-voksen", ASSESS_SECTOR, "allerod")).isEqualTo(1);
    assertThat(openTasksOf("sektor-sundhed", ASSESS_SECTOR, "allerod")).isEqualTo(1);
    assertThat(history.createHistoricTaskInstanceQuery().taskDefinitionKey(ASSESS_SECTOR).tenantIdIn("allerod")
        .finished().taskAssignee("sektor-unge.allerod").count()).isEqualTo(1);

    Task planMeeting = tasks.createTaskQuery().taskDefinitionKey(PLAN_MEETING).singleResult();
    assertThat(planMeeting.getTenantId()).isEqualTo("ballerup");
    assertThat(planMeeting.getAssignee()).isEqualTo("koordinator.ballerup");

    // intervention phase in Ballerup: every sector's start task is open, the follow-up timer waits
    for (String group : List.of("sektor-beskaeftigelse", "sektor-ydelse", "sektor-voksen")) {
      assertThat(openTasksOf(group, START_INTERVENTION, "ballerup")).as(group).isEqualTo(1);
    }
    Job followUp = management.createJobQuery().activityId(FOLLOW_UP_DUE).timers().singleResult();
    assertThat(followUp.getTenantId()).isEqualTo("ballerup");
    assertThat(followUp.getDuedate()).isAfter(new Date());
    assertThat(management.createJobQuery().executable().list()).as("no course job left to run (history cleanup aside)")
        .noneMatch(job -> job.getProcessInstanceId() != null);
  }

  @Test
  void aCoordinatorSeesOnlyTheirMunicipality() {
    signIn("koordinator.allerod", "koordinator", "allerod");
    List<Task> visible = tasks.createTaskQuery().list();
    assertThat(visible).isNotEmpty().allSatisfy(task -> assertThat(task.getTenantId()).isEqualTo("allerod"));
    assertThat(tasks.createTaskQuery().tenantIdIn("ballerup").count()).isZero();
    assertThat(runtime.createProcessInstanceQuery().tenantIdIn("ballerup").count()).isZero();
  }

  @Test
  void runningTheDemoLoadersAgainCreatesNothing() throws Exception {
    Map<String, Long> before = counts();
    var args = new DefaultApplicationArguments();
    demoIdentity.run(args);
    tasklistFilters.run(args);
    demoCourses.run(args);
    assertThat(counts()).isEqualTo(before);
  }

  private Map<String, Long> counts() {
    return Map.of(
        "tenants", identity.createTenantQuery().count(),
        "groups", identity.createGroupQuery().count(),
        "users", identity.createUserQuery().count(),
        "group memberships", GROUPS.stream().mapToLong(g -> identity.createUserQuery().memberOfGroup(g).count()).sum(),
        "tenant memberships", TENANTS.stream()
            .mapToLong(t -> identity.createUserQuery().memberOfTenant(t).count()).sum(),
        "filters", filters.createFilterQuery().count(),
        "authorizations", authorizations.createAuthorizationQuery().count(),
        "courses", history.createHistoricProcessInstanceQuery().count(),
        "tasks", tasks.createTaskQuery().count(),
        "jobs", management.createJobQuery().count());
  }

  private long openTasksOf(String group, String elementId, String tenant) {
    return tasks.createTaskQuery().taskCandidateGroup(group).taskDefinitionKey(elementId).tenantIdIn(tenant).count();
  }

  private String filterId(String name) {
    return filters.createTaskFilterQuery().filterName(name).singleResult().getId();
  }

  private void signIn(String userId, String group, String tenant) {
    identity.setAuthentication(userId, List.of(group), List.of(tenant));
  }
}
