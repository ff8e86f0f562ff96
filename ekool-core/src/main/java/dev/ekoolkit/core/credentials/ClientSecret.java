package dev.ekoolkit.core.credentials;

import dev.ekoolkit.core.internal.ConstantTime;

import java.security.SecureRandom;
import java.util.List;

/**
 * An eKool OAuth client secret: exactly 40 letters or digits. Its {@link #toString()} is masked, its
 * comparison runs in constant time (RFC 6749 §10.3, RFC 9700 §4.14), and its value never appears in an
 * exception message.
 *
 * @param value the 40-character secret; read it only to send it to the token endpoint
 */
public record ClientSecret(String value) {

    /**
     * Validates the format without ever echoing the value.
     *
     * @param value the 40-character secret; read it only to send it to the token endpoint
     * @throws CredentialFormatException naming the rule, the length and the position of the first bad character
     */
    public ClientSecret {
        List<Violation> violations = CredentialFormat.checkClientSecret(value);
        if (!violations.isEmpty()) {
            throw new CredentialFormatException(violations);
        }
    }

    /**
     * A client secret from trusted, typed input; rejects bad input exactly as {@link #parse(String)} does.
     *
     * @param value the 40-character secret; read it only to send it to the token endpoint
     * @return a client secret from trusted, typed input; rejects bad input exactly as {@link #parse(String)} does
     */
    public static ClientSecret of(String value) {
        return new ClientSecret(value);
    }

    /**
     * A client secret from text received from outside. Nothing is trimmed.
     *
     * @param wire the text as received from outside, possibly {@code null}; nothing is trimmed
     * @return a client secret from text received from outside
     * @throws CredentialFormatException naming the rule, the length and the position of the first bad character
     */
    public static ClientSecret parse(String wire) {
        return new ClientSecret(wire);
    }

    /**
     * A random, well-formed secret drawn from {@code random}, as eKool would issue.
     *
     * @param random the source of randomness
     * @return a random, well-formed secret drawn from {@code random}, as eKool would issue
     */
    public static ClientSecret generate(SecureRandom random) {
        return new ClientSecret(CredentialFormat.randomAlphanumeric(random, CredentialFormat.CLIENT_SECRET_LENGTH));
    }

    /**
     * Compares with a presented secret in time that does not depend on where they differ.
     *
     * @param presented the secret a client presented, possibly {@code null} or malformed
     * @return {@code true} when equal
     */
    public boolean matches(CharSequence presented) {
        return presented != null && ConstantTime.equals(value, presented.toString());
    }

    /** Constant-time equality. */
    @Override
    public boolean equals(Object o) {
        return o instanceof ClientSecret other && matches(other.value);
    }

    /**
     * The same for every secret, so that a hash table reveals nothing about a secret's value; consistent
     * with {@link #equals(Object)}.
     *
     * @return 0
     */
    @Override
    public int hashCode() {
        return 0;
    }

    /** Masked: {@code ClientSecret[****]}; the value never prints. */
    @Override
    public String toString() {
        return "ClientSecret[****]";
    }
}
