package dev.ekoolkit.testkit;

import dev.ekoolkit.core.flow.TokenSet;
import dev.ekoolkit.core.scope.Scope;
import org.assertj.core.api.AbstractAssert;

import java.time.Duration;
import java.util.Objects;

/**
 * AssertJ assertions on the tokens an application received through ekool-core's {@code EkoolOAuthClient}
 * (RFC 6749 §5.1). Failure messages never quote a token. Get one from {@link EkoolAssertions#assertThat(TokenSet)}.
 */
public final class TokenSetAssert extends AbstractAssert<TokenSetAssert, TokenSet> {

    TokenSetAssert(TokenSet actual) {
        super(actual, TokenSetAssert.class);
    }

    /**
     * The token type is {@code Bearer} (RFC 6750).
     *
     * @return this assertion, for chaining
     */
    public TokenSetAssert isBearer() {
        isNotNull();
        if (!"Bearer".equalsIgnoreCase(actual.tokenType())) {
            failWithMessage("Expected token_type <Bearer> but was <%s>", actual.tokenType());
        }
        return this;
    }

    /**
     * The granted scopes include this one.
     *
     * @param scope a scope, such as {@code users-basic}
     * @return this assertion, for chaining
     */
    public TokenSetAssert hasScope(String scope) {
        isNotNull();
        if (!actual.scopes().contains(Scope.of(scope))) {
            failWithMessage("Expected the granted scopes to include <%s> but they are <%s>", scope, actual.scopes().format());
        }
        return this;
    }

    /**
     * A refresh token came with the access token.
     *
     * @return this assertion, for chaining
     */
    public TokenSetAssert hasRefreshToken() {
        isNotNull();
        if (!actual.hasRefreshToken()) {
            failWithMessage("Expected a refresh token but none came");
        }
        return this;
    }

    /**
     * The server gave this lifetime ({@code expires_in}).
     *
     * @param lifetime the expected lifetime, to the second
     * @return this assertion, for chaining
     */
    public TokenSetAssert expiresIn(Duration lifetime) {
        isNotNull();
        if (!Objects.equals(actual.expiresIn(), lifetime)) {
            failWithMessage("Expected expires_in <%s> but was <%s>", lifetime, actual.expiresIn());
        }
        return this;
    }
}
