package dev.ekoolkit.mock;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.ekoolkit.mock.state.layeringfixture.StateSide;
import dev.ekoolkit.mock.token.layeringfixture.TokenSide;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The mock server's package layers (docs/architecture.md), checked on the compiled main classes: no package
 * cycle, and every package depends only on the packages below it. A failure names each offending dependency:
 * the class, what it uses, and where.
 */
class ArchitectureTest {

    private static final String ROOT = "dev.ekoolkit.mock";
    private static final Set<String> FEATURES = Set.of("authorize", "token", "resource", "discovery", "admin",
            "playground");
    private static final Set<String> BELOW_FEATURES = Set.of("runtime", "grant", "state", "config", "api", "internal");

    /** Each package of the mock (relative to {@value #ROOT}; "" is the root) and the mock packages it may use. */
    private static final Map<String, Set<String>> MAY_USE = Map.ofEntries(
            Map.entry("cli", union(Set.of(""), BELOW_FEATURES)),
            Map.entry("", union(Set.of("wiring"), BELOW_FEATURES)),
            Map.entry("wiring", union(FEATURES, BELOW_FEATURES)),
            Map.entry("authorize", BELOW_FEATURES),
            Map.entry("token", BELOW_FEATURES),
            Map.entry("resource", BELOW_FEATURES),
            Map.entry("discovery", BELOW_FEATURES),
            Map.entry("admin", BELOW_FEATURES),
            Map.entry("playground", BELOW_FEATURES),
            Map.entry("runtime", Set.of("grant", "state", "config", "api", "internal")),
            Map.entry("grant", Set.of("state", "config", "api", "internal")),
            Map.entry("state", Set.of("config", "api", "internal")),
            Map.entry("api", Set.of("config")),
            Map.entry("config", Set.of()),
            Map.entry("internal", Set.of()));

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    /** A fixture (test classes, not imported into {@link #CLASSES}): state.layeringfixture and token.layeringfixture use each other. */
    private static final JavaClasses WITH_A_CYCLE = new ClassFileImporter().importClasses(StateSide.class, TokenSide.class);

    @Test
    void no_package_of_the_mock_is_part_of_a_cycle() {
        slices().matching("dev.ekoolkit.(**)").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void a_cycle_fails_the_cycle_rule_naming_the_dependencies_that_close_it() {
        Throwable failure = catchThrowable(() -> slices().matching("dev.ekoolkit.(**)").should().beFreeOfCycles()
                .check(WITH_A_CYCLE));

        assertThat(failure).isInstanceOf(AssertionError.class)
                .hasMessageContaining("Cycle detected")
                .hasMessageContaining("Method <" + StateSide.class.getName() + ".climb()> calls method <"
                        + TokenSide.class.getName() + ".name()>")
                .hasMessageContaining("Method <" + TokenSide.class.getName() + ".name()> calls method <"
                        + StateSide.class.getName() + ".name()>");
    }

    @Test
    void a_dependency_on_a_higher_layer_is_a_violation_that_names_it() {
        assertThat(violations(WITH_A_CYCLE)).singleElement().asString()
                .startsWith("package 'dev.ekoolkit.mock.state' may not use 'dev.ekoolkit.mock.token.layeringfixture': ")
                .contains(StateSide.class.getName() + ".climb()").contains(TokenSide.class.getName() + ".name()");
    }

    @Test
    void every_package_uses_only_the_packages_below_it() {
        assertThat(violations(CLASSES)).as("dependencies against the layers of docs/architecture.md").isEmpty();
    }

    @Test
    void every_package_of_the_mock_has_a_place_in_the_layers_and_every_layer_has_classes() {
        // Both ways: a package without a layer, and a layer no class was imported for (a misspelt name, or an
        // import that found nothing and would let every rule above pass on no classes at all).
        Set<String> packages = new TreeSet<>();
        CLASSES.forEach(c -> packages.add(relative(c.getPackageName())));
        assertThat(CLASSES.contain(EkoolMockServer.class)).as("EkoolMockServer among the imported classes").isTrue();
        assertThat(packages).containsExactlyInAnyOrderElementsOf(MAY_USE.keySet());
    }

    @Test
    void the_services_below_the_features_know_no_javalin() {
        List<String> found = new ArrayList<>();
        for (JavaClass c : CLASSES) {
            String p = relative(c.getPackageName());
            if (!Set.of("grant", "state", "config", "api").contains(p)) {
                continue;
            }
            for (Dependency d : c.getDirectDependenciesFromSelf()) {
                if (d.getTargetClass().getPackageName().startsWith("io.javalin")) {
                    found.add(d.getDescription());
                }
            }
        }
        assertThat(found).as("Javalin types used below the feature packages").isEmpty();
    }

    /** Every dependency from a mock package to a mock package it may not use, described by ArchUnit. */
    static List<String> violations(JavaClasses classes) {
        List<String> out = new ArrayList<>();
        for (JavaClass c : classes) {
            String from = relative(c.getPackageName());
            Set<String> allowed = MAY_USE.getOrDefault(from, Set.of());
            for (Dependency d : c.getDirectDependenciesFromSelf()) {
                String target = d.getTargetClass().getPackageName();
                if (!target.equals(ROOT) && !target.startsWith(ROOT + ".")) {
                    continue;
                }
                String to = relative(target);
                if (!to.equals(from) && !allowed.contains(to)) {
                    out.add("package '" + (from.isEmpty() ? ROOT : ROOT + "." + from) + "' may not use '"
                            + target + "': " + d.getDescription());
                }
            }
        }
        return out;
    }

    private static String relative(String packageName) {
        if (packageName.equals(ROOT)) {
            return "";
        }
        String rest = packageName.substring(ROOT.length() + 1);
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> out = new TreeSet<>(a);
        out.addAll(b);
        return Set.copyOf(out);
    }
}
