package dev.ekoolkit.mock.token;

import dev.ekoolkit.core.error.EkoolOAuthException;
import dev.ekoolkit.core.internal.Text;
import dev.ekoolkit.mock.api.TokenResponse;
import dev.ekoolkit.mock.config.MockClient;
import dev.ekoolkit.mock.config.MockClient.Grant;
import dev.ekoolkit.mock.grant.TokenRequest;
import dev.ekoolkit.mock.internal.Params;
import dev.ekoolkit.mock.runtime.Call;
import dev.ekoolkit.mock.runtime.MockRuntime;
import io.javalin.http.Context;

/**
 * {@code POST /oauth/token} (RFC 6749 §3.2): the {@code authorization_code} grant (§4.1.3, with PKCE per
 * RFC 7636 §4.6), the rotating {@code refresh_token} grant (§6, RFC 9700 §4.14.2) and, for clients that
 * allow it, {@code client_credentials} (§4.4). Answers Passport-style JSON.
 */
public final class TokenEndpoint {

    private final MockRuntime rt;

    /**
     * The endpoint of one server.
     *
     * @param rt the runtime of the server this endpoint belongs to
     */
    public TokenEndpoint(MockRuntime rt) {
        this.rt = rt;
    }

    /**
     * Handles one token request.
     *
     * @param call the request, already opened by the pipeline
     */
    public void handle(Call call) {
        Context ctx = call.ctx();
        String mediaType = Params.mediaType(ctx.header("Content-Type"));
        if (!mediaType.equals("application/x-www-form-urlencoded")) {
            throw EkoolOAuthException.invalidRequest("the token request must be a form, Content-Type"
                    + " application/x-www-form-urlencoded (RFC 6749 section 4.1.3); got "
                    + (mediaType.isEmpty() ? "no Content-Type" : "'" + Text.printable(mediaType, 60) + "'"));
        }
        Params form = call.form();
        String grantType = form.get("grant_type");
        call.noteGrantType(grantType);
        form.requireNoRepeats();
        if (grantType == null) {
            throw EkoolOAuthException.invalidRequest("grant_type is required (RFC 6749 section 4.1.3); got "
                    + (form.has("grant_type") ? "an empty value" : "no grant_type parameter"));
        }
        Grant grant = Grant.find(grantType).orElseThrow(() -> EkoolOAuthException.unsupportedGrantType(
                "grant_type '" + Text.printable(grantType, 60) + "' is not supported; the mock supports"
                        + " authorization_code and refresh_token (and client_credentials for clients configured to"
                        + " allow it) (RFC 6749 section 5.2)"));
        MockClient client = ClientAuthenticator.authenticate(call, form, rt.state().clients());
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
        TokenResponse tokens = rt.grants().grant(client, TokenRequest.parse(grant, form));
        call.json(200, tokens.toWire());
    }
}
