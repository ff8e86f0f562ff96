package dev.ekoolkit.core.flow;

import dev.ekoolkit.core.error.EkoolOAuthException;

import java.util.Optional;

/**
 * The authorization server redirected back with an error instead of a code (RFC 6749 §4.1.2.1), for
 * example {@code access_denied} when the user refused consent.
 */
public class AuthorizationErrorException extends EkoolOAuthException {

    /** The {@code state} returned with the error, or {@code null}. */
    private final String state;
    /** The {@code error_uri} returned, or {@code null}. */
    private final String errorUri;

    /**
     * Creates the exception; the HTTP status is the one RFC 6749 gives the error code.
     *
     * @param error            the {@code error} parameter, for example {@code access_denied}
     * @param errorDescription the {@code error_description} parameter, or a note that there was none
     * @param state            the {@code state} parameter returned, or {@code null}
     * @param errorUri         the {@code error_uri} parameter, or {@code null}
     */
    public AuthorizationErrorException(String error, String errorDescription, String state, String errorUri) {
        super(error, errorDescription);
        this.state = state;
        this.errorUri = errorUri;
    }

    /**
     * The {@code state} the server returned with the error, when it returned one (never printed in messages).
     *
     * @return the {@code state} the server returned with the error, when it returned one (never printed in messages)
     */
    public Optional<String> state() {
        return Optional.ofNullable(state);
    }

    /**
     * The {@code error_uri} the server returned, when it returned one (RFC 6749 §4.1.2.1).
     *
     * @return the {@code error_uri} the server returned, when it returned one (RFC 6749 §4.1.2.1)
     */
    public Optional<String> errorUri() {
        return Optional.ofNullable(errorUri);
    }

    /**
     * {@code true} for {@code access_denied}: the user (or the server) refused the request.
     *
     * @return {@code true} for {@code access_denied}: the user (or the server) refused the request
     */
    public boolean isAccessDenied() {
        return ACCESS_DENIED.equals(error());
    }
}
