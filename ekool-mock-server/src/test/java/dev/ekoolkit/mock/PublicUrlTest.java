package dev.ekoolkit.mock;

import dev.ekoolkit.mock.config.MockConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;

import static dev.ekoolkit.mock.support.TestHttp.form;
import static dev.ekoolkit.mock.support.TestHttp.get;
import static dev.ekoolkit.mock.support.TestHttp.json;
import static dev.ekoolkit.mock.support.TestHttp.postForm;
import static dev.ekoolkit.mock.support.TestHttp.withQuery;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code publicUrl}: the server binds 127.0.0.1 and advertises only the address clients reach. */
class PublicUrlTest {

    private static final String PUBLIC = "http://ekool-mock.test:9999";
    private static final String PUBLIC_HTTPS = "https://ekool-mock.test:9999";

    /** {@code uri} with the public origin replaced by the bound one, as a proxy in front of the mock would. */
    private static URI local(EkoolMockServer server, String publicBase, String uri) {
        assertThat(uri).startsWith(publicBase);
        return URI.create("http://127.0.0.1:" + server.port() + uri.substring(publicBase.length()));
    }

    @Test
    void a_server_bound_to_loopback_advertises_only_its_public_url() {
        try (EkoolMockServer server = EkoolMockServer.builder().host("127.0.0.1").publicUrl(URI.create(PUBLIC)).build().start()) {
            assertThat(List.of(server.loginUrl(), server.apiUrl(), server.authorizeUrl(), server.tokenUrl(),
                    server.userBasicUrl(), server.jwksUrl(), server.metadataUrl(), server.playgroundUrl(), server.environment().loginUrl()))
                    .allSatisfy(u -> assertThat(u.toString()).startsWith(PUBLIC));

            HttpResponse<String> metadata = get(local(server, PUBLIC, server.metadataUrl().toString()));

            assertThat(json(metadata).get("issuer").asText()).isEqualTo(PUBLIC);
            assertThat(json(metadata).get("authorization_endpoint").asText()).isEqualTo(PUBLIC + "/oauth/authorize");
            assertThat(json(metadata).get("token_endpoint").asText()).isEqualTo(PUBLIC + "/oauth/token");
            assertThat(json(metadata).get("jwks_uri").asText()).isEqualTo(PUBLIC + "/oauth/jwks.json");
            assertThat(metadata.body()).doesNotContain("127.0.0.1");
        }
    }

    @Test
    void pages_and_form_actions_never_name_the_bound_address() {
        try (EkoolMockServer server = EkoolMockServer.builder().publicUrl(URI.create(PUBLIC)).build().start()) {
            String bound = "127.0.0.1:" + server.port();
            HttpResponse<String> login = get(withQuery(local(server, PUBLIC, server.authorizeUrl().toString()),
                    "response_type", "code", "client_id", MockConfig.DEMO_CLIENT_ID, "redirect_uri", MockConfig.DEMO_REDIRECT_URI,
                    "scope", "users-basic", "state", "s1"));
            HttpResponse<String> playground = get(local(server, PUBLIC, server.playgroundUrl().toString()));

            assertThat(login.statusCode()).isEqualTo(200);
            assertThat(login.body()).contains("action=\"/oauth/login\"").doesNotContain(bound);
            assertThat(playground.body()).contains(PUBLIC + "/playground/callback").doesNotContain(bound);
        }
    }

    @Test
    void the_playground_redirects_to_the_public_authorize_url_and_exchanges_the_code_at_the_bound_address() {
        try (EkoolMockServer server = EkoolMockServer.builder().publicUrl(URI.create(PUBLIC_HTTPS + "/")).build().start()) {
            assertThat(server.loginUrl()).hasToString(PUBLIC_HTTPS);
            assertThat(server.defaultClient().redirectUris()).extracting(u -> u.value())
                    .contains(PUBLIC_HTTPS + MockConfig.PLAYGROUND_CALLBACK_PATH);
            HttpResponse<String> started = postForm(local(server, PUBLIC_HTTPS, server.url("/playground/start").toString()),
                    form("client_id", MockConfig.DEMO_CLIENT_ID, "scope", "users-basic", "pkce", "S256"));
            String location = started.headers().firstValue("Location").orElseThrow(() -> new AssertionError(started.body()));
            assertThat(location).startsWith(PUBLIC_HTTPS + "/oauth/authorize?");
            String cookie = started.headers().firstValue("Set-Cookie").orElseThrow();
            assertThat(cookie).contains("; Secure");

            server.loginAs("mari");
            String back = get(local(server, PUBLIC_HTTPS, location)).headers().firstValue("Location").orElseThrow();
            HttpResponse<String> result = get(local(server, PUBLIC_HTTPS, back), "Cookie", cookie.substring(0, cookie.indexOf(';')));

            assertThat(result.body()).contains("<h1 id=\"result\">Logged in</h1>")
                    .contains(PUBLIC_HTTPS + "/oauth/token", PUBLIC_HTTPS + "/user/me/basic")
                    .doesNotContain("127.0.0.1:" + server.port());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://ekool-mock.test", "ekool-mock.test:9999", "/relative", "http://ekool-mock.test/?a=1",
        "http://ekool-mock.test/#top", "http://user@ekool-mock.test", "http:///path"})
    void rejects_a_url_that_is_not_an_absolute_http_url_without_query_or_fragment_and_says_which(String url) {
        assertThatThrownBy(() -> EkoolMockServer.builder().publicUrl(URI.create(url)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("publicUrl must be an absolute http or https URL with a host and no user information,"
                        + " query or fragment")
                .hasMessageContaining("got '" + url + "'");
    }
}
