package dev.ekoolkit.testkit;

import dev.ekoolkit.core.credentials.ClientId;
import dev.ekoolkit.core.scope.Scope;
import dev.ekoolkit.mock.api.TokenResponse;
import org.assertj.core.api.AbstractAssert;

import java.time.Duration;
import java.util.Objects;

/**
 * AssertJ assertions on a token pair the mock issued (RFC 6749 §5.1, Passport shape). Failure messages never
 * quote a token. Get one from {@link EkoolAssertions#assertThat(TokenResponse)}.
 */
public final class TokenResponseAssert extends AbstractAssert<TokenResponseAssert, TokenResponse> {

    TokenResponseAssert(TokenResponse actual) {
        super(actual, TokenResponseAssert.class);
    }

    /**
     * The token type is {@code Bearer} (RFC 6750).
     *
     * @return this assertion, for chaining
     */
    public TokenResponseAssert isBearer() {
        isNotNull();
        if (!"Bearer".equalsIgnoreCase(actual.tokenType())) {
            failWithMessage("Expected token_type <Bearer> but was <%s>", actual.tokenType());
        }
        return this;
    }

    /**
     * The access token carries this scope.
     *
     * @param scope one scope token, such as {@code users-basic}
     * @return this assertion, for chaining
     */
    public TokenResponseAssert hasScope(String scope) {
        isNotNull();
        if (!actual.scopes().contains(Scope.of(scope))) {
            failWithMessage("Expected the tokens to carry scope <%s> but they carry <%s>", scope, actual.scopes().format());
        }
        return this;
    }

    /**
     * The tokens act for this user ({@code sub}).
     *
     * @param userId the expected user id ({@code sub})
     * @return this assertion, for chaining
     */
    public TokenResponseAssert isForUser(String userId) {
        isNotNull();
        if (!Objects.equals(actual.userId(), userId)) {
            failWithMessage("Expected tokens for user <%s> but they are for <%s>", userId, actual.userId());
        }
        return this;
    }

    /**
     * The tokens were issued to this client ({@code aud}).
     *
     * @param clientId the expected client id ({@code aud})
     * @return this assertion, for chaining
     */
    public TokenResponseAssert isForClient(ClientId clientId) {
        isNotNull();
        if (!actual.clientId().equals(clientId)) {
            failWithMessage("Expected tokens for client <%s> but they are for <%s>", clientId, actual.clientId());
        }
        return this;
    }

    /**
     * A refresh token was issued (RFC 6749 §5.1).
     *
     * @return this assertion, for chaining
     */
    public TokenResponseAssert hasRefreshToken() {
        isNotNull();
        if (actual.refreshToken() == null) {
            failWithMessage("Expected a refresh token but none was issued");
        }
        return this;
    }

    /**
     * No refresh token was issued.
     *
     * @return this assertion, for chaining
     */
    public TokenResponseAssert hasNoRefreshToken() {
        isNotNull();
        if (actual.refreshToken() != null) {
            failWithMessage("Expected no refresh token but one was issued");
        }
        return this;
    }

    /**
     * The access token lives exactly this long ({@code expires_in}, whole seconds).
     *
     * @param lifetime the expected lifetime, in whole seconds
     * @return this assertion, for chaining
     */
    public TokenResponseAssert expiresIn(Duration lifetime) {
        isNotNull();
        if (actual.expiresIn() != lifetime.toSeconds()) {
            failWithMessage("Expected expires_in <%s> seconds but was <%s>", lifetime.toSeconds(), actual.expiresIn());
        }
        return this;
    }

    /**
     * The access token is a compact JWS (three base64url parts), as eKool's Passport tokens are.
     *
     * @return this assertion, for chaining
     */
    public TokenResponseAssert hasJwtAccessToken() {
        isNotNull();
        if (!actual.accessToken().matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+")) {
            failWithMessage("Expected the access token to be a compact JWT (header.payload.signature) but it is not");
        }
        return this;
    }
}
