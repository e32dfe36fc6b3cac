package dk.enplan.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.IMetricsTracker;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAccumulator;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.NotifyAcquisitionRejectedJobsHandler;
import org.camunda.bpm.engine.impl.metrics.Meter;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.bpm.engine.spring.components.jobexecutor.SpringJobExecutor;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * One Én Plan node as far as jobs are concerned: a Camunda engine on its own Hikari pool, with the job executor the
 * Spring Boot starter builds from {@code camunda.bpm.job-execution.*} (starter 7.24, {@code DefaultJobConfiguration}:
 * a {@link SpringJobExecutor} on a Spring {@link ThreadPoolTaskExecutor} with core/max pool size and queue capacity,
 * {@link NotifyAcquisitionRejectedJobsHandler}, the acquisition settings set one by one), and the engine settings of
 * the application that matter here (history level full, the starter's default id generator: strong UUIDs). The job
 * executor does not run until {@link #startJobExecutor()}.
 */
final class JobExecutorNode implements AutoCloseable {

  /** The job executor and pool settings of one run; every node of the run gets the same. */
  record Settings(int corePoolSize, int maxPoolSize, int queueCapacity, int maxJobsPerAcquisition,
                  int waitTimeInMillis, long maxWait, int backoffTimeInMillis, long maxBackoff,
                  int lockTimeInMillis, int hikariPoolSize) {

    String describe() {
      return String.format("%d/%d q%d, acq %d, backoff %d/%d, pool %d", corePoolSize, maxPoolSize,
          queueCapacity, maxJobsPerAcquisition, backoffTimeInMillis, maxBackoff, hikariPoolSize);
    }
  }

  /** What the node's Hikari pool saw: how long job threads waited for a connection. */
  static final class PoolWaits implements IMetricsTracker {
    final AtomicLong acquisitions = new AtomicLong();
    final AtomicLong totalNanos = new AtomicLong();
    final LongAccumulator maxNanos = new LongAccumulator(Math::max, 0);
    final AtomicLong timeouts = new AtomicLong();

    @Override
    public void recordConnectionAcquiredNanos(long elapsedAcquiredNanos) {
      acquisitions.incrementAndGet();
      totalNanos.addAndGet(elapsedAcquiredNanos);
      maxNanos.accumulate(elapsedAcquiredNanos);
    }

    @Override
    public void recordConnectionTimeout() {
      timeouts.incrementAndGet();
    }

    void reset() {
      acquisitions.set(0);
      totalNanos.set(0);
      maxNanos.reset();
      timeouts.set(0);
    }
  }

  final String name;
  final HikariDataSource dataSource;
  final ThreadPoolTaskExecutor threads;
  final SpringJobExecutor jobExecutor;
  final ProcessEngine engine;
  final PoolWaits poolWaits = new PoolWaits();

  JobExecutorNode(String engineName, String hostname, String jdbcUrl, String user, String password,
                  Settings settings) {
    this.name = hostname;
    HikariConfig pool = new HikariConfig();
    pool.setPoolName(engineName);
    pool.setJdbcUrl(jdbcUrl);
    pool.setUsername(user);
    pool.setPassword(password);
    // As application-postgres.yaml: maximum-pool-size (per scenario), minimum-idle 5, connection-timeout 10 s.
    pool.setMaximumPoolSize(settings.hikariPoolSize());
    pool.setMinimumIdle(Math.min(5, settings.hikariPoolSize()));
    pool.setConnectionTimeout(10_000);
    pool.setMetricsTrackerFactory((poolName, stats) -> poolWaits);
    dataSource = new HikariDataSource(pool);

    threads = new ThreadPoolTaskExecutor();
    threads.setCorePoolSize(settings.corePoolSize());
    threads.setMaxPoolSize(settings.maxPoolSize());
    threads.setQueueCapacity(settings.queueCapacity());
    threads.setThreadNamePrefix(hostname + "-job-");
    threads.initialize();

    jobExecutor = new SpringJobExecutor();
    jobExecutor.setTaskExecutor(threads);
    jobExecutor.setRejectedJobsHandler(new NotifyAcquisitionRejectedJobsHandler());
    jobExecutor.setLockTimeInMillis(settings.lockTimeInMillis());
    jobExecutor.setMaxJobsPerAcquisition(settings.maxJobsPerAcquisition());
    jobExecutor.setWaitTimeInMillis(settings.waitTimeInMillis());
    jobExecutor.setMaxWait(settings.maxWait());
    jobExecutor.setBackoffTimeInMillis(settings.backoffTimeInMillis());
    jobExecutor.setMaxBackoff(settings.maxBackoff());

    SpringProcessEngineConfiguration configuration = new SpringProcessEngineConfiguration();
    configuration.setProcessEngineName(engineName);
    configuration.setDataSource(dataSource);
    configuration.setTransactionManager(new DataSourceTransactionManager(dataSource));
    configuration.setDatabaseType("postgres");
    configuration.setDatabaseSchemaUpdate(ProcessEngineConfigurationImpl.DB_SCHEMA_UPDATE_TRUE);
    configuration.setHistory(ProcessEngineConfigurationImpl.HISTORY_FULL);
    configuration.setIdGenerator(new StrongUuidGenerator());
    configuration.setHostname(hostname);
    configuration.setJobExecutor(jobExecutor);
    configuration.setJobExecutorActivate(false);
    configuration.setJobExecutorDeploymentAware(false);
    configuration.setMetricsEnabled(true);
    // The meters are read from memory (per node); the reporter would flush and clear them.
    configuration.setDbMetricsReporterActivate(false);
    configuration.setEnforceHistoryTimeToLive(true);
    // An empty Spring context: the engine resolves beans in expressions through it (the work needs none).
    GenericApplicationContext beans = new GenericApplicationContext();
    beans.refresh();
    configuration.setApplicationContext(beans);
    engine = configuration.buildProcessEngine();
  }

  void startJobExecutor() {
    jobExecutor.start();
  }

  /** The engine's in-memory count of a {@link org.camunda.bpm.engine.management.Metrics} meter. */
  long meter(String name) {
    Meter meter = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getMetricsRegistry()
        .getDbMeterByName(name);
    return meter == null ? 0 : meter.get();
  }

  int largestThreadCount() {
    return threads.getThreadPoolExecutor().getLargestPoolSize();
  }

  @Override
  public void close() {
    try {
      if (jobExecutor.isActive()) {
        jobExecutor.shutdown();
      }
      engine.close();
    } finally {
      threads.shutdown();
      dataSource.close();
    }
  }
}
