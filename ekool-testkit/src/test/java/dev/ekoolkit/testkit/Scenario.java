package dev.ekoolkit.testkit;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a test class that only makes sense inside a nested engine run started by {@link Scenarios} (it is
 * meant to fail, or to run in parallel); run any other way (an IDE, {@code -Dtest=...}) it is skipped.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(Scenario.OnlyInScenarios.class)
public @interface Scenario {

    /** The configuration parameter {@link Scenarios} sets. */
    String PARAMETER = "dev.ekoolkit.testkit.scenario";

    /** Enables the class only when {@link #PARAMETER} is set. */
    final class OnlyInScenarios implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            return context.getConfigurationParameter(PARAMETER).isPresent()
                    ? ConditionEvaluationResult.enabled("inside a nested scenario run")
                    : ConditionEvaluationResult.disabled("a scenario for a nested engine run (see Scenarios)");
        }
    }
}
