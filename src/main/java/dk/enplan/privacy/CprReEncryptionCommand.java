package dk.enplan.privacy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * The re-encryption command: {@code java -jar en-plan.jar --enplan.privacy.re-encrypt-cpr=true} (with the
 * production profiles and keys, the job executor off) runs {@link CprReEncryption} once the application has started,
 * prints what it did and stops the application (exit code 0, or 1 if a value could not be read). Batch size:
 * {@code --enplan.privacy.re-encrypt-batch=500}. See docs/privacy.md.
 */
@Component
@ConditionalOnProperty(name = "enplan.privacy.re-encrypt-cpr", havingValue = "true")
class CprReEncryptionCommand implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(CprReEncryptionCommand.class);

  private final CprReEncryption reEncryption;
  private final ConfigurableApplicationContext context;
  private final int batchSize;

  CprReEncryptionCommand(CprReEncryption reEncryption, ConfigurableApplicationContext context,
                         @org.springframework.beans.factory.annotation.Value(
                             "${enplan.privacy.re-encrypt-batch:500}") int batchSize) {
    this.reEncryption = reEncryption;
    this.context = context;
    this.batchSize = batchSize;
  }

  @Override
  public void run(ApplicationArguments args) {
    int exit;
    try {
      CprReEncryption.Result result = reEncryption.run(batchSize);
      LOG.info("CPR re-encryption done: {} courses read, {} re-encrypted, {} changed meanwhile (run again)",
          result.read(), result.reEncrypted(), result.skippedChanged());
      exit = 0;
    } catch (RuntimeException e) {
      LOG.error("CPR re-encryption stopped: {}", e.getMessage());
      exit = 1;
    }
    int code = exit;
    System.exit(SpringApplication.exit(context, () -> code));
  }
}
