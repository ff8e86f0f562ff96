package dev.ekoolkit.mock.api;

/** How a request to the token endpoint authenticated its client (RFC 6749 §2.3.1). */
public enum AuthMethod {
    /** HTTP Basic: {@code Authorization: Basic base64(id:secret)} ({@code client_secret_basic}). */
    BASIC,
    /** Form fields {@code client_id} and {@code client_secret} ({@code client_secret_post}). */
    POST,
    /** Neither, or not a token request. */
    NONE
}
