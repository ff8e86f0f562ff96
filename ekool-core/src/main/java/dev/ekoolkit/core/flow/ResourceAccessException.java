package dev.ekoolkit.core.flow;

import dev.ekoolkit.core.error.EkoolOAuthException;

import java.net.URI;
import java.util.Optional;

/**
 * The resource API refused a request or answered something unusable: {@code invalid_token} (401) and
 * {@code insufficient_scope} (403) as parsed from {@code WWW-Authenticate: Bearer} (RFC 6750 §3.1) or
 * a JSON body; {@code server_error} for anything else, with the HTTP status and a short, secret-free excerpt.
 */
public class ResourceAccessException extends EkoolOAuthException {

    /** The resource URL that answered. */
    private final URI resource;
    /** The {@code WWW-Authenticate} challenge, or {@code null}. */
    private final String wwwAuthenticate;

    /**
     * Creates the exception.
     *
     * @param error            the error code, for example {@code invalid_token}
     * @param errorDescription what was wrong; never a token
     * @param httpStatus       the HTTP status of the response
     * @param resource         the resource URL
     * @param wwwAuthenticate  the {@code WWW-Authenticate} header, or {@code null}
     */
    public ResourceAccessException(String error, String errorDescription, int httpStatus, URI resource,
                                   String wwwAuthenticate) {
        super(error, errorDescription, httpStatus);
        this.resource = resource;
        this.wwwAuthenticate = wwwAuthenticate;
    }

    /**
     * The resource URL that answered.
     *
     * @return the resource URL that answered
     */
    public URI resource() {
        return resource;
    }

    /**
     * The {@code WWW-Authenticate} challenge the server sent (RFC 6750 §3), when it sent one.
     *
     * @return the {@code WWW-Authenticate} challenge the server sent (RFC 6750 §3), when it sent one
     */
    public Optional<String> wwwAuthenticate() {
        return Optional.ofNullable(wwwAuthenticate);
    }

    /** The error, description, HTTP status and resource. */
    @Override
    public String getMessage() {
        return error() + ": " + errorDescription() + " [HTTP " + httpStatus() + " from GET " + resource + "]";
    }
}
