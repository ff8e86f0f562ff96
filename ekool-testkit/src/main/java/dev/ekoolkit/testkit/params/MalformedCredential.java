package dev.ekoolkit.testkit.params;

import dev.ekoolkit.core.credentials.Violation;

import java.util.Objects;

/**
 * A malformed {@code client_id} or {@code client_secret} and the one violation ekool-core's
 * {@link dev.ekoolkit.core.credentials.CredentialFormat} reports for it.
 *
 * @param label     what is wrong, for test names, such as {@code "31 characters"}; never the value
 * @param value     the malformed value, possibly {@code null} or empty
 * @param violation the violation ekool-core reports (field, rule and message)
 */
public record MalformedCredential(String label, String value, Violation violation) {

    /**
     * Requires a label and a violation.
     *
     * @param label what is wrong, for test names, such as {@code "31 characters"}; not {@code null}, never the value
     * @param value the malformed value, possibly {@code null} or empty
     * @param violation the violation ekool-core reports (field, rule and message); not {@code null}
     */
    public MalformedCredential {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(violation, "violation");
    }

    /** The label and the broken rule; the value is left out (it may look like a secret). */
    @Override
    public String toString() {
        return label + " (" + violation.field() + " " + violation.rule() + ")";
    }
}
