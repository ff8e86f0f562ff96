package dev.ekoolkit.core.credentials;

import java.security.SecureRandom;
import java.util.List;

/**
 * An eKool OAuth client identifier: exactly 32 letters or digits ({@code A-Z, a-z, 0-9}), for example
 * {@code oaD43fvd3aCdf45dDsc428hMuY6T6trG}. Not a secret (RFC 6749 §2.2).
 *
 * <pre>{@code ClientId id = ClientId.parse(System.getenv("EKOOL_CLIENT_ID"));}</pre>
 *
 * @param value the 32-character identifier
 */
public record ClientId(String value) {

    /**
     * Validates the format.
     *
     * @param value the 32-character identifier
     * @throws CredentialFormatException naming the rule, the length and the first bad character
     */
    public ClientId {
        List<Violation> violations = CredentialFormat.checkClientId(value);
        if (!violations.isEmpty()) {
            throw new CredentialFormatException(violations);
        }
    }

    /**
     * A client id from trusted, typed input; rejects bad input exactly as {@link #parse(String)} does.
     *
     * @param value the 32-character identifier
     * @return a client id from trusted, typed input; rejects bad input exactly as {@link #parse(String)} does
     */
    public static ClientId of(String value) {
        return new ClientId(value);
    }

    /**
     * A client id from text received from outside (a request parameter, a config file, an environment
     * variable). Nothing is trimmed: surrounding whitespace is reported as a violation.
     *
     * @param wire the text as received from outside, possibly {@code null}; nothing is trimmed
     * @return a client id from text received from outside (a request parameter, a config file, an environment variable)
     * @throws CredentialFormatException naming the rule, the length and the first bad character
     */
    public static ClientId parse(String wire) {
        return new ClientId(wire);
    }

    /**
     * A random, well-formed client id drawn from {@code random}, as eKool would issue.
     *
     * @param random the source of randomness
     * @return a random, well-formed client id drawn from {@code random}, as eKool would issue
     */
    public static ClientId generate(SecureRandom random) {
        return new ClientId(CredentialFormat.randomAlphanumeric(random, CredentialFormat.CLIENT_ID_LENGTH));
    }

    /** The identifier itself; client ids are not secret. */
    @Override
    public String toString() {
        return value;
    }
}
