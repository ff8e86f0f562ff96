package dev.ekoolkit.testkit.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import dev.ekoolkit.testkit.architecture.cycle.lower.Lower;
import dev.ekoolkit.testkit.architecture.cycle.upper.Upper;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The testkit's packages form layers without a cycle: {@code dev.ekoolkit.testkit} (the API and the extension's
 * package-private parts) on top, {@code live}, {@code params} and {@code internal} below it, importing nothing else of
 * the testkit. Checked on the compiled main classes with ArchUnit; a failure names every dependency on the cycle
 * (class, member and source line).
 */
class PackageDependenciesTest {

    private static final JavaClasses TESTKIT = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.ekoolkit.testkit");

    /** One slice per package under dev.ekoolkit, named after it ("testkit", "testkit.internal", ...). */
    static final ArchRule NO_PACKAGE_CYCLES = slices().matching("dev.ekoolkit.(**)").namingSlices("$1")
            .should().beFreeOfCycles()
            .because("packages form layers (docs/testkit.md, \"How it works\"): a lower package never imports a higher one");

    static final ArchRule INTERNAL_IS_A_LEAF = noClasses().that().resideInAPackage("dev.ekoolkit.testkit.internal..")
            .should().dependOnClassesThat(resideInAPackage("dev.ekoolkit.testkit..")
                    .and(not(resideInAPackage("dev.ekoolkit.testkit.internal.."))))
            .because("internal holds leaf helpers only; what needs the testkit's types lives beside them, package-private");

    static final ArchRule LIVE_IS_BELOW_THE_EXTENSION = noClasses().that().resideInAPackage("dev.ekoolkit.testkit.live..")
            .should().dependOnClassesThat(resideInAPackage("dev.ekoolkit.testkit..")
                    .and(not(resideInAPackage("dev.ekoolkit.testkit.live.."))))
            .because("the extension and EkoolMock use live mode, never the other way round");

    @Test
    void the_testkit_packages_form_no_cycle() {
        assertThat(TESTKIT).as("classes imported from dev.ekoolkit.testkit").isNotEmpty();
        NO_PACKAGE_CYCLES.check(TESTKIT);
    }

    @Test
    void internal_imports_nothing_else_of_the_testkit() {
        INTERNAL_IS_A_LEAF.check(TESTKIT);
    }

    @Test
    void live_mode_imports_nothing_else_of_the_testkit() {
        LIVE_IS_BELOW_THE_EXTENSION.check(TESTKIT);
    }

    @Test
    void a_cycle_fails_with_a_message_naming_the_dependency_that_closes_it() {
        JavaClasses withCycle = new ClassFileImporter().importClasses(Upper.class, Lower.class);

        Throwable failure = catchThrowable(() -> NO_PACKAGE_CYCLES.check(withCycle));

        assertThat(failure).isInstanceOf(AssertionError.class)
                .hasMessageContaining("Cycle detected: testkit.architecture.cycle.")
                .hasMessageContaining("Method <dev.ekoolkit.testkit.architecture.cycle.lower.Lower.climb()> calls method "
                        + "<dev.ekoolkit.testkit.architecture.cycle.upper.Upper.name()>")
                .hasMessageContaining("Method <dev.ekoolkit.testkit.architecture.cycle.upper.Upper.name()> calls method "
                        + "<dev.ekoolkit.testkit.architecture.cycle.lower.Lower.name()>");
    }
}
