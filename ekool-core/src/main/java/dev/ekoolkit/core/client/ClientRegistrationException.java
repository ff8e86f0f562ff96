package dev.ekoolkit.core.client;

import dev.ekoolkit.core.error.EkoolOAuthException;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A {@link ClientRegistrationRequest} with one or more invalid fields: an {@code invalid_request} error
 * (RFC 6749 §5.2) whose description lists every problem, in field order. Never repeats a person's
 * e-mail address or phone number, only lengths and positions.
 */
public class ClientRegistrationException extends EkoolOAuthException {

    private final transient List<Problem> problems;

    /**
     * One invalid field of a registration request.
     *
     * @param field   the field's name, for example {@code phone} or {@code redirect_uris}
     * @param message a sentence naming the field, the rule and what was received
     */
    public record Problem(String field, String message) {

        /**
         * Requires both parts.
         *
         * @param field the field's name, for example {@code phone} or {@code redirect_uris}
         * @param message a sentence naming the field, the rule and what was received
         */
        public Problem {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(message, "message");
        }
    }

    /**
     * Creates the exception from at least one problem.
     *
     * @param problems what is wrong, in field order; must not be empty
     */
    public ClientRegistrationException(List<Problem> problems) {
        super(INVALID_REQUEST, describe(problems));
        this.problems = List.copyOf(problems);
    }

    /**
     * Every problem, in field order.
     *
     * @return every problem, in field order
     */
    public List<Problem> problems() {
        return problems;
    }

    private static String describe(List<Problem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a ClientRegistrationException needs at least one problem");
        }
        return problems.stream().map(Problem::message).collect(Collectors.joining("; "));
    }
}
