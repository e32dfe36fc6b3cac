package dk.enplan.municipality;

/** A municipality taking part in the network: its Camunda tenant id, official municipality code and name. */
public record Municipality(String tenant, int code, String name) {
}
