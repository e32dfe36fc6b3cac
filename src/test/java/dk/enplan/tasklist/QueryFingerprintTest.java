package dk.enplan.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.junit.jupiter.api.Test;

/** Two task queries have the same fingerprint exactly when every field of theirs holds the same value. */
class QueryFingerprintTest {

  @Test
  void theSameCriteriaTheSameFingerprint() {
    assertThat(QueryFingerprint.of(coordinatorQuery("koordinator.allerod")))
        .isEqualTo(QueryFingerprint.of(coordinatorQuery("koordinator.allerod"))).isNotNull();
  }

  @Test
  void anotherCallerAnotherGroupAnotherMunicipalityAnotherFingerprint() {
    Object coordinator = QueryFingerprint.of(coordinatorQuery("koordinator.allerod"));
    assertThat(QueryFingerprint.of(coordinatorQuery("koordinator.ballerup"))).isNotEqualTo(coordinator);

    TaskQueryImpl otherGroups = coordinatorQuery("koordinator.allerod");
    otherGroups.getAuthCheck().setAuthGroupIds(List.of("koordinator", "visitation"));
    assertThat(QueryFingerprint.of(otherGroups)).isNotEqualTo(coordinator);

    TaskQueryImpl otherTenants = coordinatorQuery("koordinator.allerod");
    otherTenants.getTenantCheck().setAuthTenantIds(List.of("ballerup"));
    assertThat(QueryFingerprint.of(otherTenants)).isNotEqualTo(coordinator);
  }

  @Test
  void anOrQueryTakesPart() {
    TaskQueryImpl one = coordinatorQuery("koordinator.allerod");
    one.or().taskAssignee("koordinator.allerod").endOr();
    TaskQueryImpl other = coordinatorQuery("koordinator.allerod");
    other.or().taskAssignee("visitation.allerod").endOr();
    assertThat(QueryFingerprint.of(one)).isNotNull().isNotEqualTo(QueryFingerprint.of(other));
  }

  /** Every plain field of the task query and its superclasses, set on its own, changes the fingerprint. */
  @Test
  void everyFieldTakesPart() throws IllegalAccessException {
    Object plain = QueryFingerprint.of(coordinatorQuery("koordinator.allerod"));
    List<String> tried = new ArrayList<>();
    for (Class<?> c = TaskQueryImpl.class; c != Object.class; c = c.getSuperclass()) {
      for (Field field : c.getDeclaredFields()) {
        Object changed = changed(field.getType());
        if (Modifier.isStatic(field.getModifiers()) || changed == null) {
          continue;
        }
        TaskQueryImpl query = coordinatorQuery("koordinator.allerod");
        field.setAccessible(true);
        if (changed.equals(field.get(query))) {
          changed = changed instanceof Boolean b ? !b : changed;
        }
        field.set(query, changed);
        assertThat(QueryFingerprint.of(query)).as(c.getSimpleName() + "." + field.getName()).isNotEqualTo(plain);
        tried.add(field.getName());
      }
    }
    assertThat(tried).as("fields tried").hasSizeGreaterThan(60).contains("assignee", "candidateGroup", "dueBefore",
        "tenantIds", "processDefinitionKey");
  }

  @Test
  void anObjectItCannotCompareHasNone() {
    assertThat(QueryFingerprint.of(new Holder(Optional.of("x")))).isNull();
  }

  record Holder(Optional<String> value) { }

  private static Object changed(Class<?> type) {
    if (type == String.class) {
      return "changed";
    }
    if (type == boolean.class || type == Boolean.class) {
      return Boolean.TRUE;
    }
    if (type == Date.class) {
      return new Date(1);
    }
    if (type == Integer.class || type == int.class) {
      return 4711;
    }
    if (type == String[].class) {
      return new String[] {"changed"};
    }
    if (type == List.class) {
      return new ArrayList<>(List.of("changed"));
    }
    return null;
  }

  private static TaskQueryImpl coordinatorQuery(String user) {
    TaskQueryImpl query = new TaskQueryImpl();
    query.taskCandidateGroup("koordinator").includeAssignedTasks().orderByDueDate().asc();
    query.getAuthCheck().setAuthorizationCheckEnabled(true);
    query.getAuthCheck().setAuthUserId(user);
    query.getAuthCheck().setAuthGroupIds(List.of("koordinator"));
    query.getTenantCheck().setTenantCheckEnabled(true);
    query.getTenantCheck().setAuthTenantIds(List.of(user.substring(user.indexOf('.') + 1)));
    return query;
  }
}
