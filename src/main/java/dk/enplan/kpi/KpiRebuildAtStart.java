package dk.enplan.kpi;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** {@code --enplan.kpi.rebuild=true}: rebuilds the KPI read model once the application has started. */
@Component
@ConditionalOnProperty(name = "enplan.kpi.rebuild", havingValue = "true")
class KpiRebuildAtStart implements ApplicationRunner {

  private final KpiRebuild rebuild;

  KpiRebuildAtStart(KpiRebuild rebuild) {
    this.rebuild = rebuild;
  }

  @Override
  public void run(ApplicationArguments args) {
    rebuild.rebuild();
  }
}
