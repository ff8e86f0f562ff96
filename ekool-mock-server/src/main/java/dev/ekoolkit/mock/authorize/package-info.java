/**
 * {@code GET /oauth/authorize} (RFC 6749 §4.1.1) and the login and consent pages behind it.
 */
package dev.ekoolkit.mock.authorize;
