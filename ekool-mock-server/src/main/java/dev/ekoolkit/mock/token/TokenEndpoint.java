package dev.ekoolkit.mock.token;

import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import dev.ekoolkit.core.error.EkoolOAuthException;
import dev.ekoolkit.core.scope.Scopes;
import dev.ekoolkit.mock.config.MockClient;
import dev.ekoolkit.mock.config.MockClient.Grant;
import dev.ekoolkit.mock.internal.Exchange;
import dev.ekoolkit.mock.internal.Json;
import dev.ekoolkit.mock.internal.MockRuntime;
import dev.ekoolkit.mock.internal.Params;
import dev.ekoolkit.mock.internal.Text;
import dev.ekoolkit.mock.state.AuthorizationCodes;
import dev.ekoolkit.mock.state.AuthorizationContext;
import dev.ekoolkit.mock.state.MockState;
import dev.ekoolkit.mock.state.TokenFamilies;
import io.javalin.http.Context;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;

/**
 * {@code POST /oauth/token} (RFC 6749 §3.2): the {@code authorization_code} grant (§4.1.3, with PKCE per
 * RFC 7636 §4.6), the rotating {@code refresh_token} grant (§6, RFC 9700 §4.14.2) and, for clients that
 * allow it, {@code client_credentials} (§4.4). Answers Passport-style JSON.
 */
public final class TokenEndpoint {

    private final MockRuntime rt;

    /** The endpoint of one server. */
    public TokenEndpoint(MockRuntime rt) {
        this.rt = rt;
    }

    /** Handles one token request. */
    public void handle(Context ctx) {
        String mediaType = Params.mediaType(ctx.header("Content-Type"));
        if (!mediaType.equals("application/x-www-form-urlencoded")) {
            throw EkoolOAuthException.invalidRequest("the token request must be a form, Content-Type"
                    + " application/x-www-form-urlencoded (RFC 6749 section 4.1.3); got "
                    + (mediaType.isEmpty() ? "no Content-Type" : "'" + Text.printable(mediaType, 60) + "'"));
        }
        Params form = Exchange.form(ctx);
        String grantType = form.get("grant_type");
        Exchange.note(ctx, grantType, null, null);
        form.requireNoRepeats();
        if (grantType == null) {
            throw EkoolOAuthException.invalidRequest("grant_type is required (RFC 6749 section 4.1.3); got "
                    + (form.has("grant_type") ? "an empty value" : "no grant_type parameter"));
        }
        Grant grant = Grant.find(grantType).orElseThrow(() -> EkoolOAuthException.unsupportedGrantType(
                "grant_type '" + Text.printable(grantType, 60) + "' is not supported; the mock supports"
                        + " authorization_code and refresh_token (and client_credentials for clients configured to"
                        + " allow it) (RFC 6749 section 5.2)"));
        MockState state = rt.state();
        MockClient client = ClientAuthenticator.authenticate(ctx, form, state.clients());
        if (!client.allows(grant)) {
            if (grant == Grant.CLIENT_CREDENTIALS) {
                throw EkoolOAuthException.unsupportedGrantType("grant_type 'client_credentials' is not enabled for"
                        + " client " + client.id() + ": eKool gives third-party clients user flows only; allow it in"
                        + " the client's grants to test it (RFC 6749 section 4.4)");
            }
            throw new EkoolOAuthException(EkoolOAuthException.UNAUTHORIZED_CLIENT, "client " + client.id()
                    + " may not use grant_type '" + grant.wire() + "'; it may use " + client.allowedGrants()
                    + " (RFC 6749 section 5.2)");
        }
        TokenResponse tokens = switch (grant) {
            case AUTHORIZATION_CODE -> authorizationCode(form, client, state);
            case REFRESH_TOKEN -> refreshToken(form, client, state);
            case CLIENT_CREDENTIALS -> clientCredentials(form, client, state);
        };
        Exchange.json(ctx, 200, body(tokens));
    }

    /** The Passport-shaped body: token_type, expires_in, access_token, refresh_token (when issued). */
    public static Map<String, Object> body(TokenResponse t) {
        Map<String, Object> m = Json.object("token_type", t.tokenType(), "expires_in", t.expiresIn(),
                "access_token", t.accessToken());
        if (t.refreshToken() != null) {
            m.put("refresh_token", t.refreshToken());
        }
        return m;
    }

    private TokenResponse authorizationCode(Params form, MockClient client, MockState state) {
        String code = form.require("code", "code is required for grant_type authorization_code (RFC 6749 section 4.1.3)");
        String redirectUri = form.get("redirect_uri");
        String verifier = form.get("code_verifier");
        if (verifier != null && !isVerifier(verifier)) {
            throw EkoolOAuthException.invalidRequest("code_verifier must be 43 to 128 characters from A-Z, a-z, 0-9,"
                    + " '-', '.', '_', '~' (RFC 7636 section 4.1); got " + verifier.length() + " characters");
        }
        TokenFamilies.Issue[] issued = new TokenFamilies.Issue[1];
        AuthorizationCodes.Redemption r = state.codes().redeem(code, rt.now(), grant -> {
            check(grant.request(), client, redirectUri, verifier);
            if (state.users().byId(grant.userId()).isEmpty()) {
                throw EkoolOAuthException.invalidGrant("the user who approved the authorization code no longer exists");
            }
            issued[0] = state.tokens().create(client.id().value(), grant.userId(), grant.request().scopes(),
                    client.allows(Grant.REFRESH_TOKEN), rt.now());
            return issued[0].access().familyId();
        });
        if (r instanceof AuthorizationCodes.Redeemed) {
            return rt.issuer().complete(state.tokens(), issued[0]);
        }
        if (r instanceof AuthorizationCodes.Reused reused) {
            state.tokens().revoke(reused.familyId());
            throw EkoolOAuthException.invalidGrant("the authorization code has already been used; the tokens issued"
                    + " for it are now revoked (RFC 6749 section 4.1.2)");
        }
        if (r instanceof AuthorizationCodes.Expired expired) {
            throw EkoolOAuthException.invalidGrant("the authorization code expired at " + expired.grant().expiresAt()
                    + " (codes live " + rt.config().lifetimes().authorizationCode().toSeconds()
                    + " seconds; RFC 6749 section 4.1.2)");
        }
        throw EkoolOAuthException.invalidGrant("the authorization code is unknown: never issued by this server,"
                + " expired and forgotten, or issued before a reset (RFC 6749 section 5.2)");
    }

    private static void check(AuthorizationContext request, MockClient client, String redirectUri, String verifier) {
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
        if (!MessageDigest.isEqual(computed.getValue().getBytes(StandardCharsets.US_ASCII),
                request.codeChallenge().getBytes(StandardCharsets.US_ASCII))) {
            throw EkoolOAuthException.invalidGrant("code_verifier does not match the code_challenge of the"
                    + " authorization request (method " + request.codeChallengeMethod() + ", RFC 7636 section 4.6)");
        }
    }

    private TokenResponse refreshToken(Params form, MockClient client, MockState state) {
        String token = form.require("refresh_token",
                "refresh_token is required for grant_type refresh_token (RFC 6749 section 6)");
        String scope = form.get("scope");
        Scopes requested = scope == null ? null : Scopes.parse(scope);
        TokenFamilies.Refresh r = state.tokens().refresh(token, rt.now(), family -> {
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
            return rt.issuer().complete(state.tokens(), rotated.issue());
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

    private TokenResponse clientCredentials(Params form, MockClient client, MockState state) {
        String scope = form.get("scope");
        Scopes scopes = scope == null ? client.allowedScopes() : Scopes.parse(scope);
        for (var s : scopes) {
            if (!client.allowedScopes().contains(s)) {
                throw EkoolOAuthException.invalidScope("client " + client.id() + " may not request the scope '" + s
                        + "'; it may request '" + client.allowedScopes().format() + "' (RFC 6749 section 4.4.2)");
            }
        }
        TokenFamilies.Issue issue = state.tokens().create(client.id().value(), null, scopes, false, rt.now());
        return rt.issuer().complete(state.tokens(), issue);
    }

    /** RFC 7636 §4.1: 43 to 128 unreserved characters. */
    static boolean isVerifier(String v) {
        if (v.length() < 43 || v.length() > 128) {
            return false;
        }
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~';
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
