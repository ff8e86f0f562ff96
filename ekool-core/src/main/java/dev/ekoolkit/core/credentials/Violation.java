package dev.ekoolkit.core.credentials;

import java.util.Objects;

/**
 * One broken rule of a credential's format, as found by {@link CredentialFormat}.
 *
 * @param field   the wire name of the field: {@code client_id} or {@code client_secret}
 * @param rule    which rule was broken
 * @param message a sentence naming the field, the rule and what was received; never the secret
 */
public record Violation(String field, Rule rule, String message) {

    /** The format rules a credential can break. */
    public enum Rule {
        /** The value is absent or empty. */
        MISSING,
        /** The value starts or ends with whitespace, or is only whitespace. */
        WHITESPACE,
        /** The value (without surrounding whitespace) has the wrong number of characters. */
        LENGTH,
        /** The value has a character outside {@code A-Z, a-z, 0-9}. */
        ALPHABET
    }

    /**
     * Validates that every component is present.
     *
     * @param field the wire name of the field: {@code client_id} or {@code client_secret}
     * @param rule which rule was broken
     * @param message a sentence naming the field, the rule and what was received; never the secret
     */
    public Violation {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(message, "message");
    }
}
