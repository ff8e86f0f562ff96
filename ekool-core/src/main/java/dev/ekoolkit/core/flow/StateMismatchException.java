package dev.ekoolkit.core.flow;

import dev.ekoolkit.core.error.EkoolOAuthException;

/**
 * The callback's {@code state} is missing or differs from the pending authorization's: an
 * {@code invalid_request} that may be a cross-site request forgery (RFC 6749 §10.12) or a stale browser tab.
 * The description gives lengths, never the expected value.
 */
public class StateMismatchException extends EkoolOAuthException {

    /**
     * Creates the exception.
     *
     * @param errorDescription what was wrong, without the expected state
     */
    public StateMismatchException(String errorDescription) {
        super(INVALID_REQUEST, errorDescription);
    }
}
