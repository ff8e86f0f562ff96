package dev.ekoolkit.mock;

import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.AuthorizationSuccessResponse;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.as.AuthorizationServerMetadata;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.oauth2.sdk.token.BearerTokenError;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.oauth2.sdk.token.Tokens;
import dev.ekoolkit.mock.config.MockConfig;
import dev.ekoolkit.mock.support.MockServerExtension;
import dev.ekoolkit.mock.support.TestHttp;
import net.minidev.json.JSONObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** The same flow driven by the Nimbus SDK's own request and response classes, discovering endpoints by RFC 8414. */
class NimbusClientEndToEndTest {

    private static EkoolMockServer server;

    @RegisterExtension
    static final MockServerExtension MOCK = new MockServerExtension(b -> b.autoLogin("100002"), s -> server = s);
    private static final ClientID CLIENT = new ClientID(MockConfig.DEMO_CLIENT_ID);
    private static final Secret SECRET = new Secret(MockConfig.DEMO_CLIENT_SECRET);
    private static final URI CALLBACK = URI.create(MockConfig.DEMO_REDIRECT_URI_IPV4);

    @Test
    void discovers_logs_in_reads_the_profile_refreshes_and_sees_the_replay_refused() throws Exception {
        AuthorizationServerMetadata metadata = AuthorizationServerMetadata.resolve(new Issuer(server.loginUrl()));
        assertThat(metadata.getTokenEndpointURI()).isEqualTo(server.tokenUrl());

        State state = new State();
        CodeVerifier verifier = new CodeVerifier();
        AuthorizationRequest authorize = new AuthorizationRequest.Builder(ResponseType.CODE, CLIENT)
                .endpointURI(metadata.getAuthorizationEndpointURI()).redirectionURI(CALLBACK)
                .scope(new Scope("users-basic")).state(state).codeChallenge(verifier, CodeChallengeMethod.S256).build();
        HttpResponse<String> browser = TestHttp.get(authorize.toURI());
        AuthorizationResponse response = AuthorizationResponse.parse(URI.create(browser.headers().firstValue("Location").orElseThrow()));
        assertThat(response.indicatesSuccess()).isTrue();
        assertThat(response.getState()).isEqualTo(state);
        AuthorizationCode code = ((AuthorizationSuccessResponse) response).getAuthorizationCode();

        TokenResponse tokenResponse = TokenResponse.parse(new TokenRequest(metadata.getTokenEndpointURI(),
                new ClientSecretBasic(CLIENT, SECRET), new AuthorizationCodeGrant(code, CALLBACK, verifier)).toHTTPRequest().send());
        assertThat(tokenResponse.indicatesSuccess()).as(String.valueOf(tokenResponse)).isTrue();
        Tokens tokens = tokenResponse.toSuccessResponse().getTokens();
        assertThat(tokens.getBearerAccessToken().getLifetime()).isEqualTo(3600);

        HTTPRequest profile = new HTTPRequest(HTTPRequest.Method.GET, server.userBasicUrl());
        profile.setAuthorization(tokens.getBearerAccessToken().toAuthorizationHeader());
        HTTPResponse profileResponse = profile.send();
        assertThat(profileResponse.getStatusCode()).isEqualTo(200);
        JSONObject data = (JSONObject) profileResponse.getBodyAsJSONObject().get("data");
        assertThat(data.get("id")).isEqualTo("100002");

        RefreshToken first = tokens.getRefreshToken();
        TokenResponse refreshed = TokenResponse.parse(new TokenRequest(metadata.getTokenEndpointURI(),
                new ClientSecretPost(CLIENT, SECRET), new RefreshTokenGrant(first)).toHTTPRequest().send());
        assertThat(refreshed.indicatesSuccess()).isTrue();

        TokenResponse replay = TokenResponse.parse(new TokenRequest(metadata.getTokenEndpointURI(),
                new ClientSecretPost(CLIENT, SECRET), new RefreshTokenGrant(first)).toHTTPRequest().send());
        assertThat(replay.indicatesSuccess()).isFalse();
        TokenErrorResponse error = replay.toErrorResponse();
        assertThat(error.getErrorObject().getCode()).isEqualTo("invalid_grant");
        assertThat(error.getErrorObject().getHTTPStatusCode()).isEqualTo(400);
    }

    @Test
    void a_revoked_access_token_gets_a_bearer_invalid_token_challenge_nimbus_can_parse() throws Exception {
        var issued = server.issueTokens("mari", null, dev.ekoolkit.core.scope.Scopes.of("users-basic"));
        TestHttp.postForm(server.tokenUrl(), TestHttp.form("grant_type", "refresh_token", "refresh_token", issued.refreshToken()),
                "Authorization", TestHttp.basic(MockConfig.DEMO_CLIENT_ID, MockConfig.DEMO_CLIENT_SECRET));

        HTTPRequest profile = new HTTPRequest(HTTPRequest.Method.GET, server.userBasicUrl());
        profile.setAuthorization(new BearerAccessToken(issued.accessToken()).toAuthorizationHeader());
        HTTPResponse r = profile.send();

        assertThat(r.getStatusCode()).isEqualTo(401);
        BearerTokenError challenge = BearerTokenError.parse(r.getHeaderValue("WWW-Authenticate"));
        assertThat(challenge.getCode()).isEqualTo("invalid_token");
    }
}
