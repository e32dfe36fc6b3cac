package dk.enplan.distribution;

import static dk.enplan.course.CourseVariables.PLAN_VERSION;

import dk.enplan.course.CourseIdentity;
import dk.enplan.process.InvalidInputException;
import dk.enplan.process.ProcessVariable;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Records the delivery (process {@code plan-levering}) and tells the model whether the sector has a specialist
 * system; if so, the external task goes to that integration's topic.
 */
@Component("prepareDelivery")
class PrepareDeliveryDelegate implements JavaDelegate {

  static final ProcessVariable<String> DELIVERY_KIND = ProcessVariable.string("deliveryKind");
  static final ProcessVariable<Long> DELIVERY_ID = ProcessVariable.of("deliveryId", Long.class);
  static final ProcessVariable<Boolean> HAS_ENDPOINT = ProcessVariable.bool("hasEndpoint");
  static final ProcessVariable<String> DELIVERY_TOPIC = ProcessVariable.string("deliveryTopic");

  private final Distributions distributions;
  private final CourseIdentity identity;

  PrepareDeliveryDelegate(Distributions distributions, CourseIdentity identity) {
    this.distributions = distributions;
    this.identity = identity;
  }

  @Override
  public void execute(DelegateExecution execution) {
    DeliveryKind kind;
    try {
      kind = DeliveryKind.valueOf(DELIVERY_KIND.from(execution));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(DELIVERY_KIND.name(), "ukendt leveringstype");
    }
    DistributionRecord record = distributions.prepare(identity.of(execution).id(), identity.sectorOf(execution), kind,
        PLAN_VERSION.optionalFrom(execution).orElse(null));
    DELIVERY_ID.set(execution, record.id());
    boolean send = record.status() != DistributionRecord.Status.KEPT_LOCALLY;
    HAS_ENDPOINT.set(execution, send);
    if (send) {
      DELIVERY_TOPIC.set(execution, DistributionProperties.SpecialistSystem.topicFor(record.sector()));
    }
  }
}
