package dev.ekoolkit.core.credentials;

import dev.ekoolkit.core.error.EkoolOAuthException;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A client id or secret that breaks eKool's format rules: an {@code invalid_client} error
 * (RFC 6749 §5.2) whose description lists every violation. Never contains a secret value.
 */
public class CredentialFormatException extends EkoolOAuthException {

    private final transient List<Violation> violations;

    /**
     * Creates the exception from at least one violation.
     *
     * @param violations what is wrong, in the order found; must not be empty
     */
    public CredentialFormatException(List<Violation> violations) {
        super(INVALID_CLIENT, describe(violations));
        this.violations = List.copyOf(violations);
    }

    /**
     * Every violation, in the order found.
     *
     * @return every violation, in the order found
     */
    public List<Violation> violations() {
        return violations;
    }

    private static String describe(List<Violation> violations) {
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("a CredentialFormatException needs at least one violation");
        }
        return violations.stream().map(Violation::message).collect(Collectors.joining("; "));
    }
}
