package dev.ekoolkit.spring;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

import java.util.stream.Collectors;

/**
 * Explains an {@link EkoolConfigurationException} in Spring Boot's start-up failure report: one line per broken
 * rule, each naming the property, and what to do about it. Registered in {@code META-INF/spring.factories}.
 */
public class EkoolConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<EkoolConfigurationException> {

    /** Creates the analyzer (Spring Boot instantiates it). */
    public EkoolConfigurationFailureAnalyzer() {
    }

    /** The description lists every problem; the action says where the values come from. */
    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, EkoolConfigurationException cause) {
        String description = "The eKool settings are invalid:\n" + cause.problems().stream()
                .map(p -> "    " + p.property() + ": " + p.problem()).collect(Collectors.joining("\n"));
        String action = "Copy ekool.client-id (32 letters or digits) and ekool.client-secret (40 letters or digits) "
                + "again from the e-mail in which eKool sent them, without quotes, spaces or line breaks; with "
                + "ekool.environment=custom also set ekool.login-url and ekool.api-url.";
        return new FailureAnalysis(description, action, cause);
    }
}
