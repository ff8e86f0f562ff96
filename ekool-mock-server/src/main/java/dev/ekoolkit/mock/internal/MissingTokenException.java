package dev.ekoolkit.mock.internal;

import dev.ekoolkit.core.error.EkoolOAuthException;

/**
 * A resource request without any access token: 401 whose {@code WWW-Authenticate: Bearer} challenge carries
 * no error code (RFC 6750 §3.1: "If the request lacks any authentication information ... the resource server
 * SHOULD NOT include an error code").
 */
public final class MissingTokenException extends EkoolOAuthException {

    /** The error for a request without a token. */
    public MissingTokenException(String description) {
        super(INVALID_TOKEN, description, 401);
    }
}
