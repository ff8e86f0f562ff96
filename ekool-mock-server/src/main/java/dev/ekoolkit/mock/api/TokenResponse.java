package dev.ekoolkit.mock.api;

import dev.ekoolkit.core.credentials.ClientId;
import dev.ekoolkit.core.scope.Scopes;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A token pair the mock issued, in the shape of its Passport-style token response (RFC 6749 §5.1):
 * {@code token_type}, {@code expires_in}, {@code access_token} (an RS256 JWT) and {@code refresh_token}.
 * {@link #toString()} masks both tokens.
 *
 * @param tokenType    always {@code Bearer}
 * @param accessToken  the access token, an RS256 JWT with {@code aud}, {@code jti}, {@code iat}, {@code nbf},
 *                     {@code exp}, {@code sub} and {@code scopes}
 * @param refreshToken the opaque refresh token, or {@code null} when none was issued ({@code client_credentials})
 * @param expiresIn    the access token's lifetime in seconds
 * @param scopes       the scopes the access token carries
 * @param userId       the user the tokens act for ({@code sub}), or {@code null} for a client-only token
 * @param clientId     the client the tokens were issued to ({@code aud})
 */
public record TokenResponse(String tokenType, String accessToken, String refreshToken, long expiresIn, Scopes scopes,
                            String userId, ClientId clientId) {

    /**
     * Requires the non-nullable parts.
     *
     * @param tokenType always {@code Bearer}
     * @param accessToken the access token, an RS256 JWT with {@code aud}, {@code jti}, {@code iat}, {@code nbf}, {@code
     *                    exp}, {@code sub} and {@code scopes}
     * @param refreshToken the opaque refresh token, or {@code null} when none was issued ({@code client_credentials})
     * @param expiresIn the access token's lifetime in seconds
     * @param scopes the scopes the access token carries
     * @param userId the user the tokens act for ({@code sub}), or {@code null} for a client-only token
     * @param clientId the client the tokens were issued to ({@code aud})
     */
    public TokenResponse {
        Objects.requireNonNull(tokenType, "tokenType");
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(scopes, "scopes");
        Objects.requireNonNull(clientId, "clientId");
    }

    /**
     * The refresh token, if one was issued.
     *
     * @return the refresh token, or empty when none was issued
     */
    public Optional<String> refreshTokenOptional() {
        return Optional.ofNullable(refreshToken);
    }

    /**
     * The Passport-shaped JSON fields, in the order the token endpoint writes them: {@code token_type},
     * {@code expires_in}, {@code access_token} and, when one was issued, {@code refresh_token}.
     *
     * @return a new map of the JSON fields, in wire order
     */
    public Map<String, Object> toWire() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("token_type", tokenType);
        m.put("expires_in", expiresIn);
        m.put("access_token", accessToken);
        if (refreshToken != null) {
            m.put("refresh_token", refreshToken);
        }
        return m;
    }

    /** The type, lifetime, scopes, user and client; both tokens are masked. */
    @Override
    public String toString() {
        return "TokenResponse[tokenType=" + tokenType + ", accessToken=****, refreshToken="
                + (refreshToken == null ? "none" : "****") + ", expiresIn=" + expiresIn + ", scopes=" + scopes.format()
                + ", userId=" + userId + ", clientId=" + clientId + "]";
    }
}
