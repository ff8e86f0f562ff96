package dev.ekoolkit.mock.internal;

import dev.ekoolkit.core.error.EkoolOAuthException;

/**
 * An authorization-endpoint error that is sent back to the client's (already validated) redirect URI with
 * {@code error}, {@code error_description} and {@code state} (RFC 6749 §4.1.2.1).
 */
public final class RedirectError extends EkoolOAuthException {

    private final String redirectUri;
    private final String state;

    /**
     * Wraps an error for redirection.
     *
     * @param cause       the error
     * @param redirectUri the validated redirect URI
     * @param state       the client's state, or {@code null}
     */
    public RedirectError(EkoolOAuthException cause, String redirectUri, String state) {
        super(cause.error(), cause.errorDescription(), 302, cause);
        this.redirectUri = redirectUri;
        this.state = state;
    }

    /** Where the error goes. */
    public String redirectUri() {
        return redirectUri;
    }

    /** The client's state, or {@code null}. */
    public String state() {
        return state;
    }
}
