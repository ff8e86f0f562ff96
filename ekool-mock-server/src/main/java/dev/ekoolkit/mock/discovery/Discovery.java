package dev.ekoolkit.mock.discovery;

import com.nimbusds.oauth2.sdk.GrantType;
import com.nimbusds.oauth2.sdk.ResponseMode;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.as.AuthorizationServerMetadata;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import dev.ekoolkit.mock.api.Endpoint;
import dev.ekoolkit.mock.config.MockClient;
import dev.ekoolkit.mock.runtime.Call;
import dev.ekoolkit.mock.runtime.MockRuntime;
import io.javalin.http.Context;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * The mock-only discovery endpoints: RFC 8414 metadata (issuer = the {@code login_url}) and the public JWK
 * set (RFC 7517). Real eKool publishes neither.
 */
public final class Discovery {

    private final MockRuntime rt;

    /**
     * The discovery endpoints of one server.
     *
     * @param rt the runtime of the server these endpoints belong to
     */
    public Discovery(MockRuntime rt) {
        this.rt = rt;
    }

    /**
     * {@code GET /.well-known/oauth-authorization-server}, written by the mock's one JSON writer (no escaped slashes).
     *
     * @param call the request, already opened by the pipeline
     */
    public void metadata(Call call) {
        String base = rt.baseUrl();
        AuthorizationServerMetadata m = new AuthorizationServerMetadata(new Issuer(base));
        m.setAuthorizationEndpointURI(URI.create(base + Endpoint.AUTHORIZE.path()));
        m.setTokenEndpointURI(URI.create(base + Endpoint.TOKEN.path()));
        m.setJWKSetURI(URI.create(base + Endpoint.JWKS.path()));
        m.setResponseTypes(List.of(ResponseType.CODE));
        m.setResponseModes(List.of(ResponseMode.QUERY));
        List<GrantType> grants = new ArrayList<>(List.of(GrantType.AUTHORIZATION_CODE, GrantType.REFRESH_TOKEN));
        boolean anyClientCredentials = rt.state().clients().list().stream()
                .anyMatch(c -> c.allows(MockClient.Grant.CLIENT_CREDENTIALS));
        if (anyClientCredentials) {
            grants.add(GrantType.CLIENT_CREDENTIALS);
        }
        m.setGrantTypes(grants);
        m.setTokenEndpointAuthMethods(List.of(ClientAuthenticationMethod.CLIENT_SECRET_BASIC,
                ClientAuthenticationMethod.CLIENT_SECRET_POST));
        m.setScopes(new com.nimbusds.oauth2.sdk.Scope(rt.config().scopes().stream()
                .map(s -> s.scope().value()).toArray(String[]::new)));
        m.setCodeChallengeMethods(List.of(CodeChallengeMethod.S256, CodeChallengeMethod.PLAIN));
        call.json(200, m.toJSONObject());
    }

    /**
     * {@code GET /oauth/jwks.json}.
     *
     * @param call the request, already opened by the pipeline
     */
    public void jwks(Call call) {
        Context ctx = call.ctx();
        call.answered();
        ctx.header("Cache-Control", "max-age=300");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.status(200).contentType("application/jwk-set+json; charset=utf-8").result(rt.issuer().keys().publicJwkSet());
    }
}
