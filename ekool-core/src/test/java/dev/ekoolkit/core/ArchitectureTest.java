package dev.ekoolkit.core;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** ekool-core's packages form no cycle (docs/architecture.md); a failure names each dependency of the cycle. */
class ArchitectureTest {

    @Test
    void no_package_of_core_is_part_of_a_cycle() {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.ekoolkit.core");
        slices().matching("dev.ekoolkit.(**)").should().beFreeOfCycles().check(classes);
    }
}
