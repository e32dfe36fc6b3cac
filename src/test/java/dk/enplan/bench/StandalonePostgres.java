package dk.enplan.bench;

import dk.enplan.postgres.EmbeddedPostgresSupport;

/**
 * An embedded PostgreSQL for {@code bench/startup.sh --postgres}: starts it, creates an empty database, prints
 * {@code JDBC_URL=…} and keeps running until killed (zonky's shutdown hook then stops the server).
 */
public final class StandalonePostgres {

  private StandalonePostgres() {
  }

  public static void main(String[] args) throws InterruptedException {
    System.out.println("JDBC_URL=" + EmbeddedPostgresSupport.newDatabase("startup"));
    System.out.flush();
    Thread.currentThread().join();
  }
}
