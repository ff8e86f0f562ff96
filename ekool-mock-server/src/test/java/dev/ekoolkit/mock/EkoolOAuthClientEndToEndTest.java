package dev.ekoolkit.mock;

import dev.ekoolkit.core.client.RedirectUri;
import dev.ekoolkit.core.credentials.ClientCredentials;
import dev.ekoolkit.core.flow.ClientAuthentication;
import dev.ekoolkit.core.flow.EkoolOAuthClient;
import dev.ekoolkit.core.flow.EkoolUser;
import dev.ekoolkit.core.flow.PendingAuthorization;
import dev.ekoolkit.core.flow.ResourceAccessException;
import dev.ekoolkit.core.flow.TokenEndpointException;
import dev.ekoolkit.core.flow.TokenSet;
import dev.ekoolkit.core.scope.Scopes;
import dev.ekoolkit.mock.api.AuthMethod;
import dev.ekoolkit.mock.api.Endpoint;
import dev.ekoolkit.mock.api.RecordedRequest;
import dev.ekoolkit.mock.config.MockConfig;
import dev.ekoolkit.mock.support.MockServerExtension;
import dev.ekoolkit.mock.support.TestHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.net.URI;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** ekool-core's own client against the mock, over real HTTP: the flow an application runs. */
class EkoolOAuthClientEndToEndTest {

    private static EkoolMockServer server;

    @RegisterExtension
    static final MockServerExtension MOCK = new MockServerExtension(b -> b.autoLogin("jaan"), s -> server = s);

    private static EkoolOAuthClient client(ClientAuthentication auth) {
        return EkoolOAuthClient.builder()
                .environment(server.environment())
                .credentials(ClientCredentials.parse(MockConfig.DEMO_CLIENT_ID, MockConfig.DEMO_CLIENT_SECRET))
                .redirectUri(RedirectUri.of(MockConfig.DEMO_REDIRECT_URI))
                .scopes(Scopes.of("users-basic"))
                .clientAuthentication(auth)
                .build();
    }

    private static TokenSet login(EkoolOAuthClient client) {
        PendingAuthorization pending = client.startAuthorization();
        HttpResponse<String> browser = TestHttp.get(pending.authorizationUri());
        assertThat(browser.statusCode()).as(browser.body()).isEqualTo(302);
        return client.completeAuthorization(pending, URI.create(browser.headers().firstValue("Location").orElseThrow()));
    }

    @ParameterizedTest
    @EnumSource(ClientAuthentication.class)
    void login_token_profile_refresh_and_the_old_refresh_token_is_rejected(ClientAuthentication auth) {
        EkoolOAuthClient client = client(auth);

        TokenSet tokens = login(client);
        EkoolUser user = client.fetchBasicProfile(tokens);
        TokenSet refreshed = client.refresh(tokens);

        assertThat(user.id()).isEqualTo("100003");
        assertThat(user.fullName()).isEqualTo("Jaan Tamm");
        assertThat(user.personalCode()).isEqualTo("36805280109");
        assertThat(user.roles()).containsExactly("teacher");
        assertThat(refreshed.refreshToken()).isNotEqualTo(tokens.refreshToken());
        assertThat(client.fetchBasicProfile(refreshed).id()).isEqualTo("100003");
        assertThatThrownBy(() -> client.refresh(tokens.refreshToken()))
                .isInstanceOfSatisfying(TokenEndpointException.class, e -> {
                    assertThat(e.error()).isEqualTo("invalid_grant");
                    assertThat(e.httpStatus()).isEqualTo(400);
                    assertThat(e.errorDescription()).contains("already been used");
                });
    }

    @Test
    void the_journal_shows_the_token_request_with_its_auth_method_pkce_and_masked_secrets() {
        login(client(ClientAuthentication.CLIENT_SECRET_POST));

        RecordedRequest token = server.requests().stream().filter(r -> r.endpoint() == Endpoint.TOKEN).findFirst().orElseThrow();

        assertThat(token.grantType()).isEqualTo("authorization_code");
        assertThat(token.clientId()).isEqualTo(MockConfig.DEMO_CLIENT_ID);
        assertThat(token.authMethod()).isEqualTo(AuthMethod.POST);
        assertThat(token.usedPkce()).isTrue();
        assertThat(token.param("client_secret")).hasValue(RecordedRequest.MASK);
        assertThat(token.param("code")).hasValue(RecordedRequest.MASK);
        assertThat(token.param("code_verifier")).hasValue(RecordedRequest.MASK);
        assertThat(token.param("redirect_uri")).hasValue(MockConfig.DEMO_REDIRECT_URI);
        assertThat(token.status()).isEqualTo(200);
        assertThat(token.toString()).doesNotContain(MockConfig.DEMO_CLIENT_SECRET);
    }

    @Test
    void a_token_of_a_removed_client_is_refused_by_the_profile_endpoint() {
        EkoolOAuthClient client = client(ClientAuthentication.CLIENT_SECRET_BASIC);
        TokenSet tokens = login(client);

        server.removeClient(server.defaultClient().id());

        assertThatThrownBy(() -> client.fetchBasicProfile(tokens))
                .isInstanceOfSatisfying(ResourceAccessException.class, e -> assertThat(e.httpStatus()).isEqualTo(401));
    }
}
