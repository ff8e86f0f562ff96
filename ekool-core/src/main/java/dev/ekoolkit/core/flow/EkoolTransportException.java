package dev.ekoolkit.core.flow;

import dev.ekoolkit.core.error.EkoolOAuthException;

import java.net.URI;

/**
 * A request to eKool could not be completed (connection refused, timeout, TLS failure, interruption): a
 * {@code server_error} with HTTP status 0, naming the method, the URL and the cause, never a secret.
 */
public class EkoolTransportException extends EkoolOAuthException {

    /** The URL that could not be reached. */
    private final URI url;

    /**
     * Creates the exception.
     *
     * @param method the HTTP method, such as {@code POST}
     * @param url    the URL that could not be reached
     * @param cause  the I/O failure
     */
    public EkoolTransportException(String method, URI url, Throwable cause) {
        super(SERVER_ERROR, "could not complete " + method + " " + url + ": " + describe(cause), 0, cause);
        this.url = url;
    }

    /**
     * The URL that could not be reached.
     *
     * @return the URL that could not be reached
     */
    public URI url() {
        return url;
    }

    private static String describe(Throwable cause) {
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : " (" + message + ")");
    }
}
