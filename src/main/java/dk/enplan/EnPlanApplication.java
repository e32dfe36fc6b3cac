package dk.enplan;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Én Plan: one coherent course for a citizen with complex problems, on Camunda 7. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class EnPlanApplication {

  public static void main(String[] args) {
    SpringApplication.run(EnPlanApplication.class, args);
  }
}
