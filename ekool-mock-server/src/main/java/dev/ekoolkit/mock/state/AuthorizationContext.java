package dev.ekoolkit.mock.state;

import dev.ekoolkit.core.scope.Scopes;

import java.util.Objects;

/**
 * A validated authorization request (RFC 6749 §4.1.1, RFC 7636 §4.3): what a login, and the code it ends
 * in, are bound to.
 *
 * @param clientId            the client
 * @param redirectUri         the redirect URI the answer goes to (one of the client's, exactly)
 * @param redirectUriGiven    whether the request named it (RFC 6749 §4.1.3: then the token request must repeat it)
 * @param scopes              the granted scopes
 * @param state               the client's {@code state}, or {@code null}
 * @param codeChallenge       the PKCE challenge, or {@code null}
 * @param codeChallengeMethod {@code S256} or {@code plain} when a challenge was given, else {@code null}
 */
public record AuthorizationContext(String clientId, String redirectUri, boolean redirectUriGiven, Scopes scopes,
                                   String state, String codeChallenge, String codeChallengeMethod) {

    /**
     * Requires the non-nullable parts.
     *
     * @param clientId the client
     * @param redirectUri the redirect URI the answer goes to (one of the client's, exactly)
     * @param redirectUriGiven whether the request named it (RFC 6749 §4.1.3: then the token request must repeat it)
     * @param scopes the granted scopes
     * @param state the client's {@code state}, or {@code null}
     * @param codeChallenge the PKCE challenge, or {@code null}
     * @param codeChallengeMethod {@code S256} or {@code plain} when a challenge was given, else {@code null}
     */
    public AuthorizationContext {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(redirectUri, "redirectUri");
        Objects.requireNonNull(scopes, "scopes");
    }

    /** A masked summary; the challenge is not secret but is long. */
    @Override
    public String toString() {
        return "AuthorizationContext[clientId=" + clientId + ", redirectUri=" + redirectUri + ", scopes=" + scopes
                + ", pkce=" + (codeChallenge == null ? "none" : codeChallengeMethod) + "]";
    }
}
