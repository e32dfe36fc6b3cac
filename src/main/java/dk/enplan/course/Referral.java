package dk.enplan.course;

import static dk.enplan.course.CourseVariables.CITIZEN_NAME;
import static dk.enplan.course.CourseVariables.CPR;
import static dk.enplan.course.CourseVariables.HOUSEHOLD_MEMBERS;
import static dk.enplan.course.CourseVariables.PROBLEM_AREAS;
import static dk.enplan.course.CourseVariables.REFERRAL_REASON;
import static dk.enplan.course.CourseVariables.REFERRING_UNIT;

import dk.enplan.process.ProcessVariable;
import dk.enplan.process.InvalidInputException;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.VariableScope;

/** A referral as the start form (or a specialist system through REST) submits it, validated field by field. */
public record Referral(String citizenName, CprNumber cpr, String referringUnit, List<String> problemAreas,
                       String referralReason, String householdMembers) {

  static final int NAME_MAX = 200;

  static Referral from(VariableScope scope, Set<String> knownProblemAreas) {
    String name = CITIZEN_NAME.text(scope, NAME_MAX);
    CprNumber cpr = CprNumber.parse(CPR.from(scope));
    String unit = REFERRING_UNIT.text(scope, NAME_MAX);
    List<String> areas = PROBLEM_AREAS.from(scope);
    if (areas.isEmpty()) {
      throw new InvalidInputException(PROBLEM_AREAS.name(), "vælg mindst ét problemområde");
    }
    areas.stream().filter(area -> !knownProblemAreas.contains(area)).findFirst().ifPresent(area -> {
      throw new InvalidInputException(PROBLEM_AREAS.name(), "ukendt problemområde '" + area + "'");
    });
    String reason = REFERRAL_REASON.text(scope, ProcessVariable.TEXT_MAX);
    String household = HOUSEHOLD_MEMBERS.optionalText(scope, ProcessVariable.TEXT_MAX).orElse(null);
    return new Referral(name, cpr, unit, areas, reason, household);
  }
}
