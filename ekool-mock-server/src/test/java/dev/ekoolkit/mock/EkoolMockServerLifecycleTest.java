package dev.ekoolkit.mock;

import dev.ekoolkit.mock.config.MockConfig;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EkoolMockServerLifecycleTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void starts_on_a_random_loopback_port_and_answers_health() throws Exception {
        try (EkoolMockServer server = EkoolMockServer.builder().build().start()) {
            assertThat(server.port()).isPositive();
            assertThat(server.loginUrl()).isEqualTo(URI.create("http://127.0.0.1:" + server.port()));
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(server.url("/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).isEqualTo("{\"status\":\"UP\"}");
        }
    }

    @Test
    void urls_fail_fast_before_start() {
        EkoolMockServer server = EkoolMockServer.builder().build();
        assertThatThrownBy(server::tokenUrl).isInstanceOf(IllegalStateException.class).hasMessageContaining("start()");
        assertThatThrownBy(server::environment).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(server::port).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void refuses_a_second_start() {
        try (EkoolMockServer server = EkoolMockServer.builder().build().start()) {
            assertThatThrownBy(server::start).isInstanceOf(IllegalStateException.class).hasMessageContaining("already started");
        }
    }

    @Test
    void close_is_idempotent_and_stops_serving() {
        EkoolMockServer server = EkoolMockServer.builder().build().start();
        server.close();
        server.close();
        assertThat(server.isRunning()).isFalse();
    }

    @Test
    void typed_urls_point_at_the_oauth_and_api_paths() {
        try (EkoolMockServer server = EkoolMockServer.builder().build().start()) {
            String base = "http://127.0.0.1:" + server.port();
            assertThat(server.authorizeUrl()).hasToString(base + "/oauth/authorize");
            assertThat(server.tokenUrl()).hasToString(base + "/oauth/token");
            assertThat(server.userBasicUrl()).hasToString(base + "/user/me/basic");
            assertThat(server.jwksUrl()).hasToString(base + "/oauth/jwks.json");
            assertThat(server.metadataUrl()).hasToString(base + "/.well-known/oauth-authorization-server");
            assertThat(server.environment().tokenUri()).isEqualTo(server.tokenUrl());
        }
    }

    @Test
    void default_client_is_the_documented_demo_client() {
        EkoolMockServer server = EkoolMockServer.builder().build();
        assertThat(server.defaultClient().id().value()).isEqualTo(MockConfig.DEMO_CLIENT_ID);
        assertThat(server.defaultClient().secret().matches(MockConfig.DEMO_CLIENT_SECRET)).isTrue();
        assertThat(server.users()).extracting(u -> u.username()).containsExactly("mari", "tiina", "jaan");
    }
}
