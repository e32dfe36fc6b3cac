package dk.enplan;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Feature packages depend on each other without cycles. */
// Only target/classes, and no classes of the jars resolved (archunit.properties): the fast layer's slowest class else.
@AnalyzeClasses(packages = "dk.enplan",
    importOptions = {ImportOption.DoNotIncludeTests.class, ImportOption.DoNotIncludeJars.class})
class ArchitectureTest {

  @ArchTest
  static final ArchRule featurePackagesAreFreeOfCycles =
      slices().matching("dk.enplan.(*)..").should().beFreeOfCycles();
}
