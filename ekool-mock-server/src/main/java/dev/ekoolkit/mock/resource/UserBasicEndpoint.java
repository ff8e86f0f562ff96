package dev.ekoolkit.mock.resource;

import com.nimbusds.jwt.SignedJWT;
import dev.ekoolkit.core.error.EkoolOAuthException;
import dev.ekoolkit.core.scope.Scope;
import dev.ekoolkit.mock.config.MockUser;
import dev.ekoolkit.mock.internal.Json;
import dev.ekoolkit.mock.internal.MissingTokenException;
import dev.ekoolkit.mock.runtime.Call;
import dev.ekoolkit.mock.runtime.MockRuntime;
import dev.ekoolkit.mock.state.MockState;
import dev.ekoolkit.mock.state.TokenFamilies;
import io.javalin.http.Context;

import java.text.ParseException;
import java.time.Instant;
import java.util.Map;

/**
 * {@code GET /user/me/basic}, eKool's {@code users-basic} profile, behind bearer-token authentication
 * (RFC 6750 §2.1). A token is accepted only if it is exactly a live access token this server issued, so
 * forged, altered, re-signed and {@code alg: none} tokens all fail as {@code invalid_token}.
 */
public final class UserBasicEndpoint {

    private final MockRuntime rt;

    /**
     * The endpoint of one server.
     *
     * @param rt the runtime of the server this endpoint belongs to
     */
    public UserBasicEndpoint(MockRuntime rt) {
        this.rt = rt;
    }

    /**
     * Handles one profile request.
     *
     * @param call the request, already opened by the pipeline
     */
    public void handle(Call call) {
        MockState state = rt.state();
        TokenFamilies.AccessToken token = authenticate(call, state, rt.now());
        if (!token.scopes().contains(Scope.USERS_BASIC)) {
            throw EkoolOAuthException.insufficientScope("the access token lacks the scope users-basic; it has '"
                    + token.scopes().format() + "' (RFC 6750 section 3.1)");
        }
        if (token.userId() == null) {
            throw EkoolOAuthException.insufficientScope("the access token was issued to a client alone"
                    + " (client_credentials) and stands for no user (RFC 6750 section 3.1)");
        }
        MockUser user = state.users().byId(token.userId()).orElseThrow(() ->
                EkoolOAuthException.invalidToken("the access token's user no longer exists"));
        call.json(200, Map.of("data", profile(user)));
    }

    /**
     * The {@code data} object: id, firstName, lastName, email, personalCode (may be null), roles.
     *
     * @param user the user whose profile is answered
     * @return the {@code data} object's fields, in wire order
     */
    public static Map<String, Object> profile(MockUser user) {
        return Json.object("id", user.id(), "firstName", user.firstName(), "lastName", user.lastName(),
                "email", user.email(), "personalCode", user.personalCode(),
                "roles", user.roles().stream().map(MockUser.Role::wire).toList());
    }

    /**
     * The live access token a request carries.
     *
     * @param call the request, already opened by the pipeline
     * @param state the state whose token families are searched
     * @param now the current time, by the server's clock
     * @return the live access token, never {@code null} (an OAuth error otherwise)
     * @throws EkoolOAuthException {@code invalid_token} (401) when missing, malformed, unknown, altered, expired,
     *                             revoked or issued to a removed client; {@code invalid_request} (400) when sent twice
     */
    public static TokenFamilies.AccessToken authenticate(Call call, MockState state, Instant now) {
        Context ctx = call.ctx();
        String header = ctx.header("Authorization");
        boolean bearer = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7);
        if (!bearer) {
            throw new MissingTokenException("the request has no access token; send 'Authorization: Bearer"
                    + " <access_token>' (RFC 6750 section 2.1)");
        }
        if (call.params().has("access_token")) {
            throw EkoolOAuthException.invalidRequest("the access token was sent twice, in the Authorization header and"
                    + " the access_token parameter (RFC 6750 section 2)");
        }
        String value = header.substring(7).trim();
        if (value.isEmpty()) {
            throw EkoolOAuthException.invalidToken("the Authorization header has the Bearer scheme but no token"
                    + " (RFC 6750 section 2.1)");
        }
        TokenFamilies.AccessToken token = state.tokens().findIssued(value);
        if (token == null) {
            // not a live token as issued: parse it only to say precisely what is wrong
            String jti;
            try {
                jti = SignedJWT.parse(value).getJWTClaimsSet().getJWTID();
            } catch (ParseException | RuntimeException e) {
                throw EkoolOAuthException.invalidToken("the access token is not a signed JWT issued by this server");
            }
            token = state.tokens().findAccess(jti);
            if (token == null) {
                throw EkoolOAuthException.invalidToken("the access token is unknown or revoked (refreshed, revoked"
                        + " with its family, issued before a reset, or issued by another server)");
            }
            if (!token.matches(value)) {
                throw EkoolOAuthException.invalidToken("the access token is not the one this server issued under its"
                        + " jti: its header, claims or signature were changed");
            }
        }
        if (!now.isBefore(token.expiresAt())) {
            throw EkoolOAuthException.invalidToken("the access token expired at " + token.expiresAt());
        }
        if (state.clients().find(token.clientId()).isEmpty()) {
            throw EkoolOAuthException.invalidToken("the client the access token was issued to has been removed");
        }
        return token;
    }
}
