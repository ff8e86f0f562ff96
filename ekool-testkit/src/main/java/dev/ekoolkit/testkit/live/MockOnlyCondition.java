package dev.ekoolkit.testkit.live;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

import java.util.Optional;

/** Disables {@link MockOnly} tests in live mode; registered by the annotation. */
final class MockOnlyCondition implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Optional<LiveSettings> live;
        try {
            live = LiveSettings.fromContext(context);
        } catch (IllegalArgumentException e) {
            // The extension reports misconfigured live settings as a configuration error; let it.
            return ConditionEvaluationResult.enabled("live settings are misconfigured");
        }
        if (live.isEmpty()) {
            return ConditionEvaluationResult.enabled("running against the eKool mock");
        }
        String why = context.getElement()
                .flatMap(e -> AnnotationSupport.findAnnotation(e, MockOnly.class))
                .map(MockOnly::value)
                .filter(v -> !v.isBlank())
                .map(v -> " (" + v + ")")
                .orElse("");
        return ConditionEvaluationResult.disabled("mock-only test" + why + " skipped: this run is live against "
                + live.get().describe() + " because " + LiveSettings.CLIENT_ID + " and friends are set");
    }
}
