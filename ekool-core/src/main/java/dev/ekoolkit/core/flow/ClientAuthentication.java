package dev.ekoolkit.core.flow;

/**
 * How the client authenticates at the token endpoint with its id and secret (RFC 6749 §2.3.1).
 * eKool (Laravel Passport) accepts both; form fields are the default because eKool's own examples use them.
 */
public enum ClientAuthentication {

    /** {@code client_id} and {@code client_secret} as form fields in the request body (RFC 6749 §2.3.1). */
    CLIENT_SECRET_POST,

    /** HTTP Basic: {@code Authorization: Basic base64(urlencode(id) ":" urlencode(secret))} (RFC 6749 §2.3.1). */
    CLIENT_SECRET_BASIC
}
