package dk.enplan.course;

import static dk.enplan.course.CourseProcess.Elements.ASSESS_CHANGED_CIRCUMSTANCES;
import static dk.enplan.course.CourseProcess.Elements.CLOSE_COURSE;
import static dk.enplan.course.CourseProcess.Elements.CLOSE_WITH_CITIZEN;
import static dk.enplan.course.CourseProcess.Elements.COURSE_CLOSED;
import static dk.enplan.course.CourseProcess.Elements.FORWARD_TO_APPEALS_BOARD;
import static dk.enplan.course.CourseProcess.Elements.RECONSIDER_DECISION;
import static dk.enplan.course.CourseProcess.Elements.VISITATION;
import static dk.enplan.course.CourseSteps.TENANT;
import static dk.enplan.course.CourseSteps.businessKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.enplan.privacy.CamundaTableScan;
import dk.enplan.privacy.CprHistoryFilter;
import dk.enplan.testing.CourseDriver;
import dk.enplan.testing.EngineOnlyTest;
import dk.enplan.testing.TestIdentity;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricFormField;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * docs/design.md §7: full CPR numbers never enter Camunda's runtime or history tables. One course runs from referral to
 * closure, with changed circumstances and a complaint; a second referral comes in through the start form as
 * Tasklist submits it (which also records form-field history). Then every cell of every {@code ACT_RU_*} and
 * {@code ACT_HI_*} table and of {@code ACT_GE_BYTEARRAY} is searched for both numbers, with and without dash; the
 * plan store holds them only encrypted.
 */
@EngineOnlyTest
class NoFullCprInCamundaTest {

  /** Used by no other test, so hits could only come from this one (the start form shows 010190-1234 as example). */
  static final String CPR = "2412851237";
  static final String CPR_DASHED = "241285-1237";
  static final String TASKLIST_CPR = "0503774821";
  static final String TASKLIST_CPR_DASHED = "050377-4821";
  /**
   * Numbers other test classes submit (CourseSteps and the REST test, the Tasklist browser test), checked too when
   * they ran before this one. Not {@code 010190-1234}: the deployed start form shows it as an example.
   */
  static final List<String> OTHER_TESTS_CPRS = List.of("0101901234", "0202851234", "020285-1234");
  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired ProcessEngine engine;
  @Autowired CourseSteps steps;
  @Autowired CourseDriver driver;
  @Autowired TestIdentity identity;
  @Autowired CourseService courses;
  @Autowired DataSource dataSource;
  @Autowired FormService forms;
  @Autowired RepositoryService repository;
  @Autowired IdentityService identityService;
  @Autowired HistoryService history;

  @BeforeEach
  void setUp() {
    init(engine);
    identity.ensure();
  }

  @Test
  void noFullCprInCamundasTablesAfterAWholeCourseAndOnlyEncryptedInThePlanStore() throws Exception {
    ProcessInstance course = driver.refer(TENANT,
        CourseSteps.referral(CPR, List.of("ledighed", "forsoergelse", "boern_familie")));
    String courseId = businessKey(course);
    List<String> sectors = List.of("beskaeftigelse", "ydelse");
    steps.visitate(course, sectors);
    steps.consent(course, sectors);
    sectors.forEach(sector -> steps.assess(course, sector));
    steps.agreePlan(course);
    steps.decide(course);

    driver.correlate(courseId, CourseProcess.Messages.CHANGED_CIRCUMSTANCES,
        Map.of("changeDescription", "Borgeren er blevet sygemeldt."));
    driver.complete(steps.task(course, ASSESS_CHANGED_CIRCUMSTANCES), Map.of(
        "changeAssessment", "Sygemelding forventes kortvarig.", "revisionRequested", "nej"));
    driver.correlate(courseId, CourseProcess.Messages.COMPLAINT,
        Map.of("complaintText", "Jeg er uenig i praktikstedet."));
    driver.complete(steps.task(course, RECONSIDER_DECISION), Map.of("complaintUpheld", "nej",
        "reconsiderationNote", "Afgørelsen fastholdes."));
    steps.finishInterventions(course);
    steps.followUp(course, "afslut");
    driver.complete(steps.task(course, CLOSE_WITH_CITIZEN), Map.of("closureReason", "maal_naaet",
        "finalProgression", 8, "closureNote", "Borgeren er i job."));
    driver.executeJob(course, CLOSE_COURSE);
    assertThat(course).isEnded().hasPassed(FORWARD_TO_APPEALS_BOARD, COURSE_CLOSED);

    ProcessInstance referred = referThroughTasklistStartForm(TASKLIST_CPR);
    assertThat(referred).isWaitingAt(VISITATION);

    List<String> needles = new ArrayList<>(List.of(CPR, CPR_DASHED, TASKLIST_CPR, TASKLIST_CPR_DASHED,
        "241285-xxxx", "050377-xxxx"));
    needles.addAll(OTHER_TESTS_CPRS);
    CamundaTableScan.Result scan = CamundaTableScan.scan(dataSource, needles);
    System.out.printf("NoFullCprInCamundaTest: %s; %d hits of the full CPR numbers; the masked forms in %d cells%n",
        scan.summary(), scan.hitsOf(CPR, CPR_DASHED, TASKLIST_CPR, TASKLIST_CPR_DASHED).size(),
        scan.hitsOf("241285-xxxx", "050377-xxxx").size());
    assertThat(scan.rowsPerTable()).containsKeys("ACT_HI_VARINST", "ACT_HI_DETAIL", "ACT_HI_PROCINST",
        "ACT_HI_OP_LOG", "ACT_HI_JOB_LOG", "ACT_RU_VARIABLE", "ACT_GE_BYTEARRAY");
    assertThat(scan.rows()).isPositive();
    assertThat(scan.hitsOf(CPR, CPR_DASHED, TASKLIST_CPR, TASKLIST_CPR_DASHED)).as(scan.summary()).isEmpty();
    assertThat(scan.hitsOf(OTHER_TESTS_CPRS.toArray(String[]::new))).as("other tests' numbers").isEmpty();
    assertThat(scan.hitsOf("241285-xxxx")).as("the scan does see the process's masked CPR").isNotEmpty();
    assertThat(scan.hitsOf("050377-xxxx")).isNotEmpty();

    assertThat(history.createHistoricDetailQuery().formFields().processInstanceId(referred.getId()).list())
        .as("the start form's submission is in history, without the CPR field")
        .extracting(detail -> ((HistoricFormField) detail).getFieldId())
        .contains("citizenName", "referralReason").doesNotContain(CprHistoryFilter.CPR_VARIABLE);
    assertThat(history.createHistoricDetailQuery().variableUpdates().processInstanceId(referred.getId()).list())
        .extracting(detail -> ((HistoricVariableUpdate) detail).getVariableName()).contains("citizenName", "citizenMaskedCpr")
        .doesNotContain(CprHistoryFilter.CPR_VARIABLE);
    assertThat(history.createHistoricVariableInstanceQuery().variableName(CprHistoryFilter.CPR_VARIABLE).count())
        .isZero();

    assertThat(storedCpr(courseId)).startsWith("v1:").doesNotContain(CPR).doesNotContain("241285");
    assertThat(storedCpr(businessKey(referred))).startsWith("v1:").doesNotContain(TASKLIST_CPR);
    assertThat(courses.get(courseId).cpr()).isEqualTo(new CprNumber(CPR));
    assertThat(courses.get(businessKey(referred)).cpr().digits()).isEqualTo(TASKLIST_CPR);
    assertThat(courses.findByCpr(new CprNumber(CPR))).extracting(Course::id).containsExactly(courseId);
    assertThat(courses.findByCpr(CprNumber.parse(TASKLIST_CPR_DASHED))).extracting(Course::id)
        .containsExactly(businessKey(referred));
  }

  @Test
  void theFilterWatchesTheVariableTheStartFormSubmits() {
    assertThat(CprHistoryFilter.CPR_VARIABLE).isEqualTo(CourseVariables.CPR.name());
  }

  /** As Tasklist does: {@code FormService.submitStartForm}, lists as JSON arrays. */
  private ProcessInstance referThroughTasklistStartForm(String cpr) throws Exception {
    String definitionId = repository.createProcessDefinitionQuery().processDefinitionKey(CourseProcess.KEY)
        .latestVersion().singleResult().getId();
    VariableMap submission = Variables.createVariables();
    for (Map.Entry<String, Object> field : CourseSteps.referral(cpr, List.of("ledighed", "misbrug")).entrySet()) {
      if (field.getValue() instanceof List<?> list) {
        submission.putValueTyped(field.getKey(), SpinValues.jsonValue(JSON.writeValueAsString(list)).create());
      } else {
        submission.put(field.getKey(), field.getValue());
      }
    }
    identityService.setAuthentication("visitation." + TENANT, List.of("visitation"), List.of(TENANT));
    try {
      return forms.submitStartForm(definitionId, submission);
    } finally {
      identityService.clearAuthentication();
    }
  }

  private String storedCpr(String courseId) throws Exception {
    try (Connection connection = dataSource.getConnection();
         PreparedStatement select = connection.prepareStatement("select cpr, cpr_hash from course where id = ?")) {
      select.setString(1, courseId);
      try (ResultSet row = select.executeQuery()) {
        assertThat(row.next()).isTrue();
        assertThat(row.getString("cpr_hash")).matches("[0-9a-f]{64}");
        return row.getString("cpr");
      }
    }
  }
}
