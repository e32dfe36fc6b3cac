package dk.enplan.process;

import java.util.List;
import java.util.function.Function;
import org.camunda.bpm.engine.impl.db.DbEntity;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.DbEntityCache;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandContextListener;
import org.camunda.bpm.engine.impl.persistence.entity.HistoricVariableInstanceEntity;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;

/**
 * The engine's text column holds {@value ProcessVariable#TEXT_MAX} characters. Before a command's writes are
 * flushed, every text variable it wrote (at a task, a message, a start, by any API) is checked, so a longer text is
 * refused with an {@link InvalidInputException} naming the variable and the command rolls back, instead of the
 * database's error becoming a 500.
 */
final class StoredTextLimit implements CommandContextListener {

  static final StoredTextLimit INSTANCE = new StoredTextLimit();

  private StoredTextLimit() {
  }

  @Override
  public void onCommandContextClose(CommandContext context) {
    DbEntityCache cache = context.getDbEntityManager().getDbEntityCache();
    check(cache, VariableInstanceEntity.class, VariableInstanceEntity::getName, VariableInstanceEntity::getTextValue);
    check(cache, HistoricVariableInstanceEntity.class, HistoricVariableInstanceEntity::getName,
        HistoricVariableInstanceEntity::getTextValue);
    check(cache, HistoricVariableUpdateEventEntity.class, HistoricVariableUpdateEventEntity::getVariableName,
        HistoricVariableUpdateEventEntity::getTextValue);
  }

  private static <T extends DbEntity> void check(DbEntityCache cache, Class<T> type, Function<T, String> name,
                                                 Function<T, String> text) {
    List<T> entities = cache.getEntitiesByType(type);
    for (T entity : entities) {
      String value = text.apply(entity);
      if (value != null && value.length() > ProcessVariable.TEXT_MAX && !cache.isDeleted(entity)) {
        throw new InvalidInputException(name.apply(entity),
            "må højst være " + ProcessVariable.TEXT_MAX + " tegn (er " + value.length() + ")");
      }
    }
  }

  @Override
  public void onCommandFailed(CommandContext context, Throwable cause) {
    // nothing is flushed
  }
}
