package dk.enplan.tasklist;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;

/**
 * Everything a query object holds, as nested lists of plain values that are equal exactly when every field of the
 * two objects is: its criteria, sorting, or-queries, the caller's authorization and tenant checks. Read by
 * reflection over every field of the object's class and superclasses (and of every object it holds), so a field
 * added in a later engine version takes part without a change here. Only the engine's command machinery (executor,
 * context) is left out; an object of any other kind of the JDK than plain values and collections makes the query
 * unrecognisable ({@code null}), and {@link TaskCountCache} then counts it in the database.
 *
 * <p>It stands for the count statement MyBatis would build from the object, without building it: the statement is
 * a function of the object's fields alone.
 */
final class QueryFingerprint {

  private static final Map<Class<?>, List<Field>> FIELDS = new ConcurrentHashMap<>();
  /** More values than any task query holds: something reaches into a larger object graph; not compared. */
  static final int MAX_VALUES = 5_000;

  private final Map<Object, Integer> visited = new IdentityHashMap<>();
  private int values;

  private QueryFingerprint() {
  }

  /** The fingerprint, or {@code null} if the object holds something this class cannot compare by value. */
  static Object of(Object query) {
    try {
      return new QueryFingerprint().value(query);
    } catch (Unrecognised e) {
      return null;
    }
  }

  private Object value(Object value) {
    if (++values > MAX_VALUES) {
      throw new Unrecognised();
    }
    if (value == null || value instanceof String || value instanceof Number && isPlainNumber(value)
        || value instanceof Boolean || value instanceof Character || value instanceof Enum<?>) {
      return value;
    }
    if (value instanceof Date date) {
      return List.of(value.getClass().getName(), date.getTime(), date instanceof java.sql.Timestamp timestamp
          ? timestamp.getNanos() : 0);
    }
    Integer seen = visited.get(value);
    if (seen != null) {
      return List.of("seen", seen);
    }
    visited.put(value, visited.size());
    if (value instanceof Set<?> set) {
      Set<Object> values = new HashSet<>();
      set.forEach(element -> values.add(value(element)));
      return List.of("set", values);
    }
    if (value instanceof Collection<?> collection) {
      List<Object> values = new ArrayList<>();
      collection.forEach(element -> values.add(value(element)));
      return List.of("list", values);
    }
    if (value instanceof Map<?, ?> map) {
      Map<Object, Object> values = new HashMap<>();
      map.forEach((k, v) -> values.put(value(k), value(v)));
      return List.of("map", values);
    }
    if (value.getClass().isArray()) {
      List<Object> values = new ArrayList<>();
      for (int i = 0; i < java.lang.reflect.Array.getLength(value); i++) {
        values.add(value(java.lang.reflect.Array.get(value, i)));
      }
      return List.of("array", values);
    }
    Class<?> type = value.getClass();
    if (type.getName().startsWith("java.") || type.getName().startsWith("javax.")
        || type.getName().startsWith("jdk.") || type.getName().startsWith("sun.")) {
      throw new Unrecognised();
    }
    List<Object> fields = new ArrayList<>();
    fields.add(type.getName());
    for (Field field : fields(type)) {
      try {
        fields.add(value(field.get(value)));
      } catch (IllegalAccessException e) {
        throw new Unrecognised();
      }
    }
    return fields;
  }

  private static boolean isPlainNumber(Object value) {
    return value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte
        || value instanceof Double || value instanceof Float || value instanceof BigDecimal;
  }

  private static List<Field> fields(Class<?> type) {
    return FIELDS.computeIfAbsent(type, t -> {
      List<Field> fields = new ArrayList<>();
      for (Class<?> c = t; c != null && c != Object.class; c = c.getSuperclass()) {
        for (Field field : c.getDeclaredFields()) {
          if (Modifier.isStatic(field.getModifiers()) || CommandExecutor.class.isAssignableFrom(field.getType())
              || CommandContext.class.isAssignableFrom(field.getType())) {
            continue;
          }
          field.setAccessible(true);
          fields.add(field);
        }
      }
      return List.copyOf(fields);
    });
  }

  /** The object holds something that is not compared by value here. */
  private static final class Unrecognised extends RuntimeException {
    Unrecognised() {
      super(null, null, false, false);
    }
  }
}
