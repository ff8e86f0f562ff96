package dev.ekoolkit.core.flow;

import dev.ekoolkit.core.scope.Scopes;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The tokens of a successful token response (RFC 6749 §5.1). {@link #toString()} masks both tokens.
 *
 * @param accessToken  the access token (for eKool an RS256 JWT); secret
 * @param refreshToken the refresh token, or {@code null} when none was issued (RFC 6749 §1.5); secret
 * @param tokenType    the token type, {@code Bearer} for eKool (RFC 6750)
 * @param expiresIn    the lifetime the server gave ({@code expires_in}), or {@code null} when it gave none
 * @param scopes       the granted scopes: the response's {@code scope}, else the requested ones (RFC 6749 §5.1),
 *                     possibly empty when neither is known
 * @param receivedAt   when the token request was sent, so {@link #expiresAt()} errs on the early side
 */
public record TokenSet(String accessToken, String refreshToken, String tokenType, Duration expiresIn, Scopes scopes,
                       Instant receivedAt) {

    /**
     * Requires an access token, a token type, scopes and a receive time; a negative lifetime is rejected.
     *
     * @param accessToken the access token, sent as a Bearer token
     * @param refreshToken the refresh token of the last token response
     * @param tokenType the token type, {@code Bearer} for eKool (RFC 6750)
     * @param expiresIn the lifetime the server gave ({@code expires_in}), or {@code null} when it gave none
     * @param scopes the scopes
     * @param receivedAt when the token request was sent, so {@link #expiresAt()} errs on the early side
     */
    public TokenSet {
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(tokenType, "tokenType");
        Objects.requireNonNull(scopes, "scopes");
        Objects.requireNonNull(receivedAt, "receivedAt");
        if (accessToken.isEmpty()) {
            throw new IllegalArgumentException("accessToken must not be empty (RFC 6749 section 5.1)");
        }
        if (expiresIn != null && expiresIn.isNegative()) {
            throw new IllegalArgumentException("expiresIn must not be negative (RFC 6749 section 5.1); got " + expiresIn);
        }
    }

    /**
     * When the access token expires, or {@code null} when the server gave no {@code expires_in}.
     *
     * @return when the access token expires, or {@code null} when the server gave no {@code expires_in}
     */
    public Instant expiresAt() {
        return expiresIn == null ? null : receivedAt.plus(expiresIn);
    }

    /**
     * {@code true} when the access token's lifetime has passed by {@code clock}; never when the lifetime is unknown.
     *
     * @param clock the clock to read the current time from
     * @return {@code true} when the access token's lifetime has passed by {@code clock}; never when the lifetime is unknown
     */
    public boolean isExpired(Clock clock) {
        Instant expiresAt = expiresAt();
        return expiresAt != null && !clock.instant().isBefore(expiresAt);
    }

    /**
     * {@code true} when a refresh token was issued, so {@link EkoolOAuthClient#refresh(TokenSet)} can be used.
     *
     * @return {@code true} when a refresh token was issued, so {@link EkoolOAuthClient#refresh(TokenSet)} can be used
     */
    public boolean hasRefreshToken() {
        return refreshToken != null;
    }

    /** The token type, lifetime, scopes and receive time; both tokens masked. */
    @Override
    public String toString() {
        return "TokenSet[accessToken=****, refreshToken=" + (refreshToken == null ? "none" : "****")
                + ", tokenType=" + tokenType + ", expiresIn=" + expiresIn + ", scopes=" + scopes
                + ", receivedAt=" + receivedAt + "]";
    }
}
