package dev.ekoolkit.mock;

import dev.ekoolkit.core.client.RedirectUri;
import dev.ekoolkit.core.credentials.ClientCredentials;
import dev.ekoolkit.core.scope.Scopes;
import dev.ekoolkit.mock.api.TokenResponse;
import dev.ekoolkit.mock.config.MockClient;
import dev.ekoolkit.mock.support.Flows;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link EkoolMockServer#updateClient(MockClient)} replaces a client in one step. */
class ClientUpdateTest {

    private final EkoolMockServer server = EkoolMockServer.builder().build().start();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void an_added_redirect_uri_is_accepted_and_tokens_issued_before_stay_valid() {
        MockClient demo = server.defaultClient();
        TokenResponse before = server.issueTokens("mari", demo.id(), Scopes.of("users-basic"));
        List<RedirectUri> uris = new ArrayList<>(demo.redirectUris());
        uris.add(RedirectUri.of("http://127.0.0.1:9999/cb"));

        server.updateClient(demo.withRedirectUris(uris));

        assertThat(server.defaultClient().redirectUris()).contains(RedirectUri.of("http://127.0.0.1:9999/cb"));
        assertThat(server.clients()).hasSize(1);
        assertThat(Flows.me(server, before.accessToken()).statusCode()).isEqualTo(200);
        assertThat(Flows.authorize(server, "redirect_uri", "http://127.0.0.1:9999/cb").statusCode()).isEqualTo(200);
    }

    @Test
    void updating_a_client_that_is_not_registered_is_refused_and_registers_nothing() {
        MockClient stranger = MockClient.of(ClientCredentials.generate(new SecureRandom()), "stranger",
                List.of(RedirectUri.of("https://app.example/cb")), Scopes.of("users-basic"));

        assertThatThrownBy(() -> server.updateClient(stranger))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no client with the id <unregistered client_id: 32 characters, letters and digits> is"
                        + " registered");
        assertThat(server.clients()).hasSize(1);
    }
}
