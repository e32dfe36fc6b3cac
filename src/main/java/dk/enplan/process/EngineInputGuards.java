package dk.enplan.process;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * Installs the engine's own input checks, whichever API a command came through: every {@link CommandGuard} before
 * the command runs, and the {@link StoredTextLimit} before its writes are flushed.
 */
@Component
class EngineInputGuards extends AbstractProcessEnginePlugin {

  private final List<CommandGuard> guards;

  EngineInputGuards(List<CommandGuard> guards) {
    this.guards = List.copyOf(guards);
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<CommandInterceptor> required = configuration.getCustomPostCommandInterceptorsTxRequired() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostCommandInterceptorsTxRequired());
    required.add(new GuardInterceptor(guards));
    configuration.setCustomPostCommandInterceptorsTxRequired(required);
    List<CommandInterceptor> requiresNew = configuration.getCustomPostCommandInterceptorsTxRequiresNew() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostCommandInterceptorsTxRequiresNew());
    requiresNew.add(new GuardInterceptor(guards));
    configuration.setCustomPostCommandInterceptorsTxRequiresNew(requiresNew);
  }

  /** Runs inside the command context (a post interceptor), so a refusal rolls the whole command back. */
  static final class GuardInterceptor extends CommandInterceptor {

    private final List<CommandGuard> guards;

    GuardInterceptor(List<CommandGuard> guards) {
      this.guards = guards;
    }

    @Override
    public <T> T execute(Command<T> command) {
      Context.getCommandContext().registerCommandContextListener(StoredTextLimit.INSTANCE);
      guards.forEach(guard -> guard.check(command));
      return next.execute(command);
    }
  }
}
