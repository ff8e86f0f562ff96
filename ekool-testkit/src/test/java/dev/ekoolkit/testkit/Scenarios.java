package dev.ekoolkit.testkit;

import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

import java.util.Map;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * Runs test classes in a nested JUnit engine, so a test can check what the extension does to whole classes
 * (lifecycles, configuration errors, skips, parallel runs). The scenario classes are static nested classes marked
 * {@link Scenario}: Surefire does not run nested classes by itself, and run any other way they are skipped.
 */
final class Scenarios {

    private Scenarios() {
    }

    static EngineExecutionResults run(Class<?>... classes) {
        return run(Map.of(), classes);
    }

    static EngineExecutionResults run(Map<String, String> configuration, Class<?>... classes) {
        var request = EngineTestKit.engine("junit-jupiter").configurationParameters(configuration)
                .configurationParameter(Scenario.PARAMETER, "true");
        for (Class<?> c : classes) {
            request = request.selectors(selectClass(c));
        }
        return request.execute();
    }

    static Map<String, String> parallel() {
        return Map.of(
                "junit.jupiter.execution.parallel.enabled", "true",
                "junit.jupiter.execution.parallel.mode.default", "concurrent",
                "junit.jupiter.execution.parallel.mode.classes.default", "concurrent",
                "junit.jupiter.execution.parallel.config.strategy", "fixed",
                "junit.jupiter.execution.parallel.config.fixed.parallelism", "4");
    }
}
