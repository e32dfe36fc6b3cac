package dk.enplan.distribution;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.enplan.distribution.Distributions.Delivery;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.externaltask.LockedExternalTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The bundled worker for the specialist-system integrations: fetches the external tasks of every configured topic,
 * POSTs the delivery as JSON with its idempotency key, and reports back to the engine. 2xx: delivered. 4xx: a
 * permanent rejection, a BPMN error that gives the coordinator a task. 5xx, 408, 429 or no answer: a failure retried
 * with growing back-off; when the retries run out, the engine raises an incident for Cockpit.
 */
@Component
public class SpecialistSystemWorker {

  /** Prefix of the worker id; the id names the node ({@code en-plan-fagsystem-worker@<engine hostname>}). */
  static final String WORKER_ID = "en-plan-fagsystem-worker";
  static final String REJECTED = "DELIVERY_REJECTED";
  private static final Logger LOG = LoggerFactory.getLogger(SpecialistSystemWorker.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_BATCH = 20;
  private final ExternalTaskService externalTasks;
  private final Distributions distributions;
  private final SpecialistSystems systems;
  private final DistributionProperties properties;
  /** Built on the first delivery: a node without specialist systems never starts the client's thread. */
  private HttpClient http;
  private final String workerId;
  private final int batch;
  private final TransactionTemplate transaction;

  SpecialistSystemWorker(ProcessEngine engine, Distributions distributions, SpecialistSystems systems,
                         DistributionProperties properties, PlatformTransactionManager transactions) {
    this.externalTasks = engine.getExternalTaskService();
    // The record in the plan store and the report to the engine commit together or not at all: the engine and the
    // plan store share the database and Spring's transaction manager.
    this.transaction = new TransactionTemplate(transactions);
    this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.distributions = distributions;
    this.systems = systems;
    this.properties = properties;
    // Several nodes run this worker: the id tells in the external task log which node delivered.
    this.workerId = WORKER_ID + "@" + ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getHostname();
    // The tasks of one fetch are delivered one after the other, each taking up to connect + request timeout: fetch
    // no more than fit into the lock, or another node would take over (and send again) a task still being sent.
    long worstPerTask = 2 * properties.requestTimeout().toMillis();
    this.batch = (int) Math.max(1, Math.min(MAX_BATCH, properties.lockDuration().toMillis() / worstPerTask));
  }

  /** Fetches and handles what is due now; returns how many deliveries were attempted. */
  public int runOnce() {
    List<String> topics = systems.topics();
    if (topics.isEmpty()) {
      return 0;
    }
    var fetch = externalTasks.fetchAndLock(batch, workerId);
    topics.forEach(topic -> fetch.topic(topic, properties.lockDuration().toMillis())
        .variables(PrepareDeliveryDelegate.DELIVERY_ID.name()));
    List<LockedExternalTask> tasks = fetch.execute();
    for (LockedExternalTask task : tasks) {
      try {
        handle(task);
      } catch (ProcessEngineException e) {
        // E.g. the lock expired and another node completed the task meanwhile: the record and the report were
        // rolled back together, the engine keeps the task's state; go on with the rest of the batch.
        LOG.warn("Delivery task {} could not be reported to the engine: {}", task.getId(), e.getMessage());
      }
    }
    return tasks.size();
  }

  @Component
  @ConditionalOnProperty(name = "enplan.distribution.worker.enabled", havingValue = "true", matchIfMissing = true)
  static class Schedule {

    private final SpecialistSystemWorker worker;

    Schedule(SpecialistSystemWorker worker) {
      this.worker = worker;
    }

    @Scheduled(fixedDelayString = "${enplan.distribution.worker.poll-interval:PT5S}")
    void poll() {
      worker.runOnce();
    }
  }

  /**
   * The HTTP client, built on first use: building one loads the JDK's HTTP stack and starts its selector thread, a
   * quarter of a second on the start path (docs/benchmarks.md, A lean start) of every node, also those that never
   * deliver to a specialist system.
   */
  private synchronized HttpClient http() {
    if (http == null) {
      http = HttpClient.newBuilder().connectTimeout(properties.requestTimeout()).build();
    }
    return http;
  }

  private void handle(LockedExternalTask task) {
    long recordId = ((Number) task.getVariables().get(PrepareDeliveryDelegate.DELIVERY_ID.name())).longValue();
    Delivery delivery;
    HttpResponse<String> response;
    try {
      delivery = distributions.delivery(recordId);
      response = http().send(request(delivery), HttpResponse.BodyHandlers.ofString());
    } catch (RuntimeException e) {
      failed(task, recordId, "Leveringen kunne ikke sendes: " + e.getMessage()); // e.g. the system's configuration
      return;
    } catch (IOException e) {
      failed(task, recordId, "Ingen forbindelse til fagsystemet: " + e.getMessage());
      return;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      failed(task, recordId, "Afbrudt");
      return;
    }
    int status = response.statusCode();
    if (status >= 200 && status < 300) {
      inOneTransaction(() -> {
        distributions.delivered(recordId, delivery.mode());
        externalTasks.complete(task.getId(), workerId);
      });
    } else if (status >= 400 && status < 500 && status != 408 && status != 429) {
      String reason = "Fagsystemet svarede " + status + ": " + excerpt(response.body());
      inOneTransaction(() -> {
        distributions.rejected(recordId, reason);
        externalTasks.handleBpmnError(task.getId(), workerId, REJECTED, reason, Map.of("rejectionReason", reason));
      });
    } else {
      failed(task, recordId, "Fagsystemet svarede " + status + ": " + excerpt(response.body()));
    }
  }

  private void failed(LockedExternalTask task, long recordId, String error) {
    int retries = (task.getRetries() == null ? properties.retries() : task.getRetries()) - 1;
    int attempt = properties.retries() - retries;
    long backoff = retries > 0 ? properties.retryDelay(attempt).toMillis() : 0;
    LOG.warn("Delivery {} failed ({} retries left): {}", recordId, retries, error);
    inOneTransaction(() -> {
      distributions.failed(recordId, error);
      externalTasks.handleFailure(task.getId(), workerId, error, error, Math.max(retries, 0), backoff);
    });
  }

  /**
   * Records the outcome in the plan store and reports it to the engine in one transaction: a report the engine
   * refuses (the lock expired and another node finished the task) leaves the record as it was. Completing a delivery
   * ends its {@code plan-levering} instance and leaves a job at the course's join ({@code camunda:asyncAfter} on the
   * multi-instance), so deliveries finishing at the same time never update the waiting course in the same
   * transaction; the job executor retries a join that loses an optimistic-locking race.
   */
  private void inOneTransaction(Runnable recordAndReport) {
    transaction.executeWithoutResult(status -> recordAndReport.run());
  }

  private HttpRequest request(Delivery delivery) {
    String body;
    try {
      body = JSON.writeValueAsString(delivery.payload());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(delivery.system().url()))
        .timeout(properties.requestTimeout())
        .header("Content-Type", "application/json")
        .header("Idempotency-Key", delivery.idempotencyKey())
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (delivery.system().username() != null) {
      String credentials = delivery.system().username() + ":" + delivery.system().password();
      request.header("Authorization", "Basic "
          + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }
    return request.build();
  }

  private static String excerpt(String body) {
    String text = body == null ? "" : body.strip();
    return text.length() > 300 ? text.substring(0, 300) + "…" : text;
  }
}
