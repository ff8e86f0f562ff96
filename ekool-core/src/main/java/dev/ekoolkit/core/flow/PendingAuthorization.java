package dev.ekoolkit.core.flow;

import dev.ekoolkit.core.client.RedirectUri;
import dev.ekoolkit.core.scope.Scopes;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;

/**
 * An authorization request that was started and not yet completed (RFC 6749 §4.1.1): keep it in the
 * user's session between sending the browser to {@link #authorizationUri()} and handling the callback.
 * {@link #toString()} never prints the code verifier or the full state.
 *
 * <pre>{@code
 * PendingAuthorization pending = client.startAuthorization();
 * session.put("ekool", pending);
 * response.sendRedirect(pending.authorizationUri().toString());
 * }</pre>
 *
 * @param state            the {@code state} sent (RFC 6749 §10.12); the callback must return it unchanged
 * @param codeVerifier     the PKCE code verifier (RFC 7636 §4.1), or {@code null} when PKCE is off; secret
 * @param redirectUri      the {@code redirect_uri} sent; the token request repeats it (RFC 6749 §4.1.3)
 * @param scopes           the scopes requested
 * @param authorizationUri where to send the browser
 * @param createdAt        when the authorization was started
 */
public record PendingAuthorization(String state, String codeVerifier, RedirectUri redirectUri, Scopes scopes,
                                   URI authorizationUri, Instant createdAt) {

    /**
     * Requires every part except the code verifier.
     *
     * @param state the {@code state} sent (RFC 6749 §10.12); the callback must return it unchanged
     * @param codeVerifier the PKCE code verifier (RFC 7636 §4.1), or {@code null} when PKCE is off; secret
     * @param redirectUri the {@code redirect_uri} sent; the token request repeats it (RFC 6749 §4.1.3)
     * @param scopes the scopes
     * @param authorizationUri where to send the browser
     * @param createdAt when the authorization was started
     */
    public PendingAuthorization {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(redirectUri, "redirectUri");
        Objects.requireNonNull(scopes, "scopes");
        Objects.requireNonNull(authorizationUri, "authorizationUri");
        Objects.requireNonNull(createdAt, "createdAt");
        if (state.isEmpty()) {
            throw new IllegalArgumentException("state must not be empty (RFC 6749 section 10.12)");
        }
        if (codeVerifier != null && codeVerifier.isEmpty()) {
            throw new IllegalArgumentException("codeVerifier must be null (PKCE off) or 43-128 characters (RFC 7636 section 4.1)");
        }
    }

    /**
     * {@code true} when the request carried a PKCE S256 challenge (RFC 7636 §4.3).
     *
     * @return {@code true} when the request carried a PKCE S256 challenge (RFC 7636 §4.3)
     */
    public boolean usesPkce() {
        return codeVerifier != null;
    }

    /** The redirect URI, scopes and creation time; the state is abbreviated and the code verifier masked. */
    @Override
    public String toString() {
        return "PendingAuthorization[state=" + Redaction.abbreviate(state)
                + ", codeVerifier=" + (codeVerifier == null ? "none" : "****")
                + ", redirectUri=" + redirectUri + ", scopes=" + scopes + ", createdAt=" + createdAt + "]";
    }
}
