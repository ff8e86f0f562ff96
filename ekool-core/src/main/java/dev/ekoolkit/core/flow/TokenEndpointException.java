package dev.ekoolkit.core.flow;

import dev.ekoolkit.core.error.EkoolOAuthException;

import java.net.URI;
import java.util.Optional;

/**
 * The token endpoint refused a request (RFC 6749 §5.2), or answered with something that is not a token
 * response: carries the server's {@code error}, {@code error_description}, HTTP status and, in Laravel
 * Passport style, its {@code message} and {@code hint}. A body that is not an OAuth error (such as an HTML
 * 502 page) gives the error {@code server_error} and a short, secret-free excerpt as description.
 */
public class TokenEndpointException extends EkoolOAuthException {

    /** The token endpoint that answered. */
    private final URI endpoint;
    /** Laravel Passport's {@code message}, or {@code null}. */
    private final String serverMessage;
    /** Laravel Passport's {@code hint}, or {@code null}. */
    private final String hint;
    /** Whether the body was an OAuth error response (RFC 6749 §5.2). */
    private final boolean oauthError;

    /**
     * Creates the exception.
     *
     * @param error            the OAuth error code the server sent, or {@code server_error} when it sent none
     * @param errorDescription the server's description, or ours when it sent none; never a secret
     * @param httpStatus       the HTTP status of the response
     * @param endpoint         the token endpoint URL
     * @param serverMessage    Passport's human {@code message}, or {@code null}
     * @param hint             Passport's {@code hint}, or {@code null}
     * @param oauthError       {@code true} when the body was an OAuth error response (RFC 6749 §5.2)
     */
    public TokenEndpointException(String error, String errorDescription, int httpStatus, URI endpoint,
                                  String serverMessage, String hint, boolean oauthError) {
        super(error, errorDescription, httpStatus);
        this.endpoint = endpoint;
        this.serverMessage = serverMessage;
        this.hint = hint;
        this.oauthError = oauthError;
    }

    /**
     * The token endpoint that answered.
     *
     * @return the token endpoint that answered
     */
    public URI endpoint() {
        return endpoint;
    }

    /**
     * Passport's human-readable {@code message}, when the server sent one.
     *
     * @return Laravel Passport's human-readable {@code message}, when the server sent one
     */
    public Optional<String> serverMessage() {
        return Optional.ofNullable(serverMessage);
    }

    /**
     * Passport's {@code hint} (for example "Authorization code has been revoked"), when the server sent one.
     *
     * @return Laravel Passport's {@code hint} (for example "Authorization code has been revoked"), when the server sent one
     */
    public Optional<String> hint() {
        return Optional.ofNullable(hint);
    }

    /**
     * {@code true} when the server answered with an OAuth error body (RFC 6749 §5.2), not some other page.
     *
     * @return {@code true} when the server answered with an OAuth error body (RFC 6749 §5.2), not some other page
     */
    public boolean isOAuthError() {
        return oauthError;
    }

    /** The error, description, hint, HTTP status and endpoint. */
    @Override
    public String getMessage() {
        return error() + ": " + errorDescription() + (hint == null ? "" : " (hint: " + hint + ")")
                + " [HTTP " + httpStatus() + " from POST " + endpoint + "]";
    }
}
