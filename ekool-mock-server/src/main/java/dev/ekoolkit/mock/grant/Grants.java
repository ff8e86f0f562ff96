package dev.ekoolkit.mock.grant;

import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import dev.ekoolkit.core.error.EkoolOAuthException;
import dev.ekoolkit.core.internal.ConstantTime;
import dev.ekoolkit.core.internal.Text;
import dev.ekoolkit.core.scope.Scope;
import dev.ekoolkit.core.scope.Scopes;
import dev.ekoolkit.mock.api.TokenResponse;
import dev.ekoolkit.mock.config.MockClient;
import dev.ekoolkit.mock.config.MockClient.Grant;
import dev.ekoolkit.mock.config.MockConfig;
import dev.ekoolkit.mock.config.MockUser;
import dev.ekoolkit.mock.state.AuthorizationCodes;
import dev.ekoolkit.mock.state.AuthorizationContext;
import dev.ekoolkit.mock.state.MockState;
import dev.ekoolkit.mock.state.TokenFamilies;

import java.time.Clock;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The grants, as a service without HTTP: the code exchange (RFC 6749 §4.1.3, PKCE per RFC 7636 §4.6), the
 * rotating refresh (§6, RFC 9700 §4.14.2, a replayed refresh token revokes its family), the client credentials
 * grant (§4.4) and tokens issued directly for tests. The token endpoint authenticates the client and parses the
 * {@link TokenRequest}; this class decides and issues. Thread-safe.
 */
public final class Grants {

    private final Supplier<MockState> state;
    private final TokenIssuer issuer;
    private final Clock clock;
    private final MockConfig config;

    /**
     * The grants of one server.
     *
     * @param state  the current state (replaced on reset, so asked for each time)
     * @param issuer signs access tokens
     * @param clock  the server's clock
     * @param config the configuration (lifetimes)
     */
    public Grants(Supplier<MockState> state, TokenIssuer issuer, Clock clock, MockConfig config) {
        this.state = Objects.requireNonNull(state, "state");
        this.issuer = Objects.requireNonNull(issuer, "issuer");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.config = Objects.requireNonNull(config, "config");
    }

    /**
     * Decides a token request of an authenticated client that may use its grant type, and issues the tokens.
     *
     * @param client the client, already authenticated and allowed the request's grant type
     * @param request the parsed token request
     * @return the token response to send
     * @throws EkoolOAuthException {@code invalid_grant}, {@code invalid_scope} or {@code invalid_request} naming the
     *                             rule the request breaks
     */
    public TokenResponse grant(MockClient client, TokenRequest request) {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(request, "request");
        if (request instanceof TokenRequest.CodeExchange r) {
            return exchange(client, r);
        }
        if (request instanceof TokenRequest.Refresh r) {
            return refresh(client, r);
        }
        return clientCredentials(client, (TokenRequest.ClientCredentials) request);
    }

    /**
     * Issues a token pair as if {@code user} had logged in to {@code client} and approved {@code scopes}.
     *
     * @param client the client the tokens are issued to
     * @param user the user the tokens act for
     * @param scopes the scopes the user approved
     * @return the issued token pair
     * @throws IllegalArgumentException naming a scope the client may not request
     */
    public TokenResponse direct(MockClient client, MockUser user, Scopes scopes) {
        for (Scope scope : scopes) {
            if (!client.allowedScopes().contains(scope)) {
                throw new IllegalArgumentException("client " + client.id() + " may not request the scope '" + scope
                        + "'; it may request: " + client.allowedScopes().format());
            }
        }
        MockState s = state();
        TokenFamilies.Issue issue = s.tokens().create(client.id().value(), user.id(), scopes,
                client.allows(Grant.REFRESH_TOKEN), clock.instant());
        return issuer.complete(s.tokens(), issue);
    }

    private MockState state() {
        return state.get();
    }

    private TokenResponse exchange(MockClient client, TokenRequest.CodeExchange request) {
        MockState state = state();
        String code = request.code();
        String redirectUri = request.redirectUri();
        String verifier = request.codeVerifier();
        TokenFamilies.Issue[] issued = new TokenFamilies.Issue[1];
        AuthorizationCodes.Redemption r = state.codes().redeem(code, clock.instant(), grant -> {
            check(grant.request(), client, redirectUri, verifier, config.pkce());
            if (state.users().byId(grant.userId()).isEmpty()) {
                throw EkoolOAuthException.invalidGrant("the user who approved the authorization code no longer exists");
            }
            issued[0] = state.tokens().create(client.id().value(), grant.userId(), grant.request().scopes(),
                    client.allows(Grant.REFRESH_TOKEN), clock.instant());
            return issued[0].access().familyId();
        });
        if (r instanceof AuthorizationCodes.Redeemed) {
            return issuer.complete(state.tokens(), issued[0]);
        }
        if (r instanceof AuthorizationCodes.Reused reused) {
            state.tokens().revoke(reused.familyId());
            throw EkoolOAuthException.invalidGrant("the authorization code has already been used; the tokens issued"
                    + " for it are now revoked (RFC 6749 section 4.1.2)");
        }
        if (r instanceof AuthorizationCodes.Expired expired) {
            throw EkoolOAuthException.invalidGrant("the authorization code expired at " + expired.grant().expiresAt()
                    + " (codes live " + config.lifetimes().authorizationCode().toSeconds()
                    + " seconds; RFC 6749 section 4.1.2)");
        }
        throw EkoolOAuthException.invalidGrant("the authorization code is unknown: never issued by this server,"
                + " expired and forgotten, or issued before a reset (RFC 6749 section 5.2)");
    }

    private static void check(AuthorizationContext request, MockClient client, String redirectUri, String verifier,
                              MockConfig.PkcePolicy pkce) {
        if (!request.clientId().equals(client.id().value())) {
            throw EkoolOAuthException.invalidGrant("the authorization code was issued to another client"
                    + " (RFC 6749 section 4.1.3)");
        }
        if (request.redirectUriGiven()) {
            if (redirectUri == null) {
                throw EkoolOAuthException.invalidRequest("redirect_uri is required because the authorization request"
                        + " included it (RFC 6749 section 4.1.3)");
            }
            if (!request.redirectUri().equals(redirectUri)) {
                throw EkoolOAuthException.invalidGrant("redirect_uri must be identical to the one of the authorization"
                        + " request (RFC 6749 section 4.1.3); got '" + Text.printable(redirectUri, 200) + "'");
            }
        } else if (redirectUri != null && !request.redirectUri().equals(redirectUri)) {
            throw EkoolOAuthException.invalidGrant("redirect_uri differs from the client's registered redirect URI"
                    + " (RFC 6749 section 4.1.3); got '" + Text.printable(redirectUri, 200) + "'");
        }
        // The authorize endpoint already enforces the policy; this keeps a code bound otherwise (a code minted
        // outside that endpoint) from being redeemed against it.
        if (request.codeChallenge() == null && pkce.requiresChallenge()) {
            throw EkoolOAuthException.invalidGrant("the authorization code was issued without a code_challenge, and"
                    + " this server's PKCE policy is '" + pkce.wire() + "' (RFC 7636 section 4.4.1)");
        }
        if (request.codeChallenge() != null && pkce == MockConfig.PkcePolicy.S256
                && !"S256".equals(request.codeChallengeMethod())) {
            throw EkoolOAuthException.invalidGrant("the authorization code was issued with code_challenge_method '"
                    + request.codeChallengeMethod() + "', and this server's PKCE policy is 's256' (RFC 7636 section 4.4.1)");
        }
        if (request.codeChallenge() == null) {
            if (verifier != null) {
                throw EkoolOAuthException.invalidGrant("code_verifier was sent, but the authorization request had no"
                        + " code_challenge (RFC 9700 section 2.1.1)");
            }
            return;
        }
        if (verifier == null) {
            throw EkoolOAuthException.invalidRequest("code_verifier is required because the authorization request had"
                    + " a code_challenge (RFC 7636 section 4.5)");
        }
        CodeChallenge computed = CodeChallenge.compute(CodeChallengeMethod.parse(request.codeChallengeMethod()),
                new CodeVerifier(verifier));
        if (!ConstantTime.equals(request.codeChallenge(), computed.getValue())) {
            throw EkoolOAuthException.invalidGrant("code_verifier does not match the code_challenge of the"
                    + " authorization request (method " + request.codeChallengeMethod() + ", RFC 7636 section 4.6)");
        }
    }

    private TokenResponse refresh(MockClient client, TokenRequest.Refresh request) {
        MockState state = state();
        String token = request.refreshToken();
        Scopes requested = request.scopes();
        TokenFamilies.Refresh r = state.tokens().refresh(token, clock.instant(), family -> {
            if (!family.clientId().equals(client.id().value())) {
                throw EkoolOAuthException.invalidGrant("the refresh token was issued to another client"
                        + " (RFC 6749 section 6)");
            }
            // As in the code grant: a grant of a user who is no longer there yields no new tokens.
            if (family.userId() != null && state.users().byId(family.userId()).isEmpty()) {
                throw EkoolOAuthException.invalidGrant("the user the refresh token was issued for no longer exists"
                        + " (RFC 6749 section 5.2)");
            }
            if (requested == null) {
                return family.scopes();
            }
            if (!family.scopes().containsAll(requested)) {
                throw EkoolOAuthException.invalidScope("scope may only narrow the originally granted scopes '"
                        + family.scopes().format() + "'; got '" + requested.format() + "' (RFC 6749 section 6)");
            }
            return requested;
        });
        if (r instanceof TokenFamilies.Rotated rotated) {
            return issuer.complete(state.tokens(), rotated.issue());
        }
        if (r instanceof TokenFamilies.ReusedToken) {
            throw EkoolOAuthException.invalidGrant("the refresh token has already been used; since a replayed refresh"
                    + " token may be stolen, its whole token family is now revoked (RFC 9700 section 4.14.2)");
        }
        if (r instanceof TokenFamilies.ExpiredToken expired) {
            throw EkoolOAuthException.invalidGrant("the refresh token expired at " + expired.expiredAt()
                    + " (RFC 6749 section 6)");
        }
        throw EkoolOAuthException.invalidGrant("the refresh token is unknown or revoked: never issued by this server,"
                + " revoked, or issued before a reset (RFC 6749 section 6)");
    }

    private TokenResponse clientCredentials(MockClient client, TokenRequest.ClientCredentials request) {
        MockState state = state();
        Scopes scopes = request.scopes() == null ? client.allowedScopes() : request.scopes();
        for (var s : scopes) {
            if (!client.allowedScopes().contains(s)) {
                throw EkoolOAuthException.invalidScope("client " + client.id() + " may not request the scope '" + s
                        + "'; it may request '" + client.allowedScopes().format() + "' (RFC 6749 section 4.4.2)");
            }
        }
        TokenFamilies.Issue issue = state.tokens().create(client.id().value(), null, scopes, false, clock.instant());
        return issuer.complete(state.tokens(), issue);
    }
}
