/**
 * eKool client credentials: {@code client_id} (32 letters or digits) and {@code client_secret} (40), checked with
 * every violation reported at once (RFC 6749 §2.2, §2.3.1).
 */
package dev.ekoolkit.core.credentials;
