package dev.ekoolkit.spring;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The {@code ekool.*} settings cannot work: a malformed client id or secret, or a custom environment without its
 * URLs. Thrown while the application starts; {@link EkoolConfigurationFailureAnalyzer} turns it into Spring Boot's
 * "APPLICATION FAILED TO START" report. Messages name the property and the rule, never the secret.
 */
public class EkoolConfigurationException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    /**
     * One broken rule of one property.
     *
     * @param property the property, such as {@code ekool.client-secret}
     * @param problem  what is wrong, naming the rule and what was received (never a secret)
     */
    public record Problem(String property, String problem) {
        /**
         * Requires both parts.
         *
         * @param property the property, such as {@code ekool.client-secret}; not {@code null}
         * @param problem  what is wrong, naming the rule and what was received (never a secret); not {@code null}
         * @throws NullPointerException when either is {@code null}
         */
        public Problem {
            Objects.requireNonNull(property, "property");
            Objects.requireNonNull(problem, "problem");
        }
    }

    private final transient List<Problem> problems;

    /**
     * Creates the exception.
     *
     * @param problems every broken rule, at least one
     * @throws IllegalArgumentException when {@code problems} is empty
     */
    public EkoolConfigurationException(List<Problem> problems) {
        super(describe(problems));
        this.problems = List.copyOf(problems);
    }

    /**
     * Every broken rule.
     *
     * @return the broken rules in the order found, unmodifiable, at least one
     */
    public List<Problem> problems() {
        return problems;
    }

    private static String describe(List<Problem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an EkoolConfigurationException needs at least one problem");
        }
        return "eKool settings are invalid: " + problems.stream().map(p -> p.property() + ": " + p.problem())
                .collect(Collectors.joining("; "));
    }
}
