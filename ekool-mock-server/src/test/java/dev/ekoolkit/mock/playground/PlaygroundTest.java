package dev.ekoolkit.mock.playground;

import dev.ekoolkit.mock.EkoolMockServer;
import dev.ekoolkit.mock.api.Endpoint;
import dev.ekoolkit.mock.api.Fault;
import dev.ekoolkit.mock.config.MockConfig;
import dev.ekoolkit.mock.support.MockServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.net.http.HttpResponse;

import static dev.ekoolkit.mock.support.TestHttp.form;
import static dev.ekoolkit.mock.support.TestHttp.get;
import static dev.ekoolkit.mock.support.TestHttp.locationParams;
import static dev.ekoolkit.mock.support.TestHttp.postForm;
import static dev.ekoolkit.mock.support.TestHttp.queryParams;
import static dev.ekoolkit.mock.support.TestHttp.withQuery;
import static org.assertj.core.api.Assertions.assertThat;

/** The playground's pages over HTTP: the form, a whole login, and every way a callback is refused. */
class PlaygroundTest {

    private static EkoolMockServer server;

    @RegisterExtension
    static final MockServerExtension MOCK = new MockServerExtension(s -> server = s);

    /** A started playground login: the redirect to the authorize endpoint and the browser's cookie. */
    private record Started(HttpResponse<String> redirect, String cookie) {
        String state() {
            return locationParams(redirect).get("state");
        }

        URI authorize() {
            return URI.create(redirect.headers().firstValue("Location").orElseThrow());
        }
    }

    private static Started startLogin(String pkce) {
        HttpResponse<String> r = postForm(server.url(Playground.START_PATH),
                form("client_id", MockConfig.DEMO_CLIENT_ID, "scope", "users-basic", "pkce", pkce));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
        String setCookie = r.headers().firstValue("Set-Cookie").orElseThrow();
        return new Started(r, setCookie.substring(0, setCookie.indexOf(';')));
    }

    private static HttpResponse<String> callback(String cookie, String... query) {
        URI uri = withQuery(server.url(Playground.CALLBACK_PATH), query);
        return cookie == null ? get(uri) : get(uri, "Cookie", cookie);
    }

    /** Follows the authorize redirect with a one-shot login as mari and answers where it sent the browser. */
    private static URI authorizeAsMari(Started started) {
        server.loginAs("mari");
        HttpResponse<String> answer = get(started.authorize());
        return URI.create(answer.headers().firstValue("Location").orElseThrow(() -> new AssertionError(answer.body())));
    }

    @Test
    void the_page_offers_the_demo_client_and_every_pkce_method() {
        HttpResponse<String> page = get(server.playgroundUrl());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<option value=\"" + MockConfig.DEMO_CLIENT_ID + "\">")
                .contains("<option value=\"S256\">", "<option value=\"plain\">", "<option value=\"none\">")
                .contains("value=\"users-basic\"")
                .contains(server.loginUrl() + "/playground/callback");
    }

    @Test
    void the_demo_client_gets_the_playground_callback_as_an_additional_redirect_uri() {
        assertThat(server.defaultClient().redirectUris()).extracting(u -> u.value()).containsExactly(
                MockConfig.DEMO_REDIRECT_URI, MockConfig.DEMO_REDIRECT_URI_IPV4,
                server.loginUrl() + "/playground/callback");
    }

    @Test
    void start_redirects_to_this_servers_authorize_endpoint_with_state_and_an_s256_challenge() {
        Started started = startLogin("S256");

        assertThat(started.authorize().toString()).startsWith(server.authorizeUrl() + "?");
        assertThat(locationParams(started.redirect())).containsEntry("client_id", MockConfig.DEMO_CLIENT_ID)
                .containsEntry("redirect_uri", server.loginUrl() + "/playground/callback")
                .containsEntry("scope", "users-basic")
                .containsEntry("code_challenge_method", "S256")
                .containsKeys("state", "code_challenge");
        assertThat(started.cookie()).startsWith("ekool_playground=");
    }

    @Test
    void without_pkce_the_authorize_request_has_no_challenge() {
        assertThat(locationParams(startLogin("none").redirect())).doesNotContainKeys("code_challenge", "code_challenge_method");
    }

    @ParameterizedTest
    @ValueSource(strings = {"S256", "plain", "none"})
    void a_whole_login_shows_the_code_the_token_response_the_decoded_token_and_the_profile(String pkce) {
        Started started = startLogin(pkce);
        URI back = authorizeAsMari(started);
        assertThat(back.toString()).startsWith(server.loginUrl() + "/playground/callback?");

        HttpResponse<String> page = get(back, "Cookie", started.cookie());

        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        String code = queryParams(back).get("code");
        assertThat(page.body()).contains("<h1 id=\"result\">Logged in</h1>")
                .contains("<pre id=\"code\">" + code + "</pre>")
                .contains("&quot;access_token&quot;", "&quot;refresh_token&quot;")
                .contains("&quot;alg&quot; : &quot;RS256&quot;")
                .contains("&quot;sub&quot;")
                .contains("Mari", "Maasikas")
                .contains("curl -sS -u &#39;" + MockConfig.DEMO_CLIENT_ID + ":" + MockConfig.DEMO_CLIENT_SECRET + "&#39;")
                .contains("the mock's public demo secret, shown on purpose")
                .contains(server.tokenUrl().toString(), server.userBasicUrl().toString());
    }

    @Test
    void an_unknown_state_is_refused_with_400() {
        Started started = startLogin("S256");

        HttpResponse<String> page = callback(started.cookie(), "code", "abc", "state", "not-the-state");

        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("id=\"playground-error\"").contains("state does not match a login this playground started");
    }

    @Test
    void a_callback_without_state_is_refused_with_400() {
        HttpResponse<String> page = callback(null, "code", "abc");

        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("no state parameter");
    }

    @Test
    void the_right_state_from_another_browser_is_refused_with_400() {
        Started started = startLogin("S256");

        HttpResponse<String> page = callback("ekool_playground=" + "A".repeat(32), "code", "abc", "state", started.state());

        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("started in another browser");
    }

    @Test
    void a_state_works_once() {
        Started started = startLogin("S256");
        URI back = authorizeAsMari(started);
        assertThat(get(back, "Cookie", started.cookie()).statusCode()).isEqualTo(200);

        HttpResponse<String> again = get(back, "Cookie", started.cookie());

        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(again.body()).contains("already used");
    }

    @Test
    void an_error_from_the_authorize_endpoint_is_shown_with_its_description_escaped() {
        Started started = startLogin("S256");
        server.failNext(Endpoint.AUTHORIZE, Fault.oauthError("access_denied", "no <b>access</b> today"));
        URI back = URI.create(get(started.authorize()).headers().firstValue("Location").orElseThrow());

        HttpResponse<String> page = get(back, "Cookie", started.cookie());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"authorize-error\"><code>access_denied</code>: no &lt;b&gt;access&lt;/b&gt; today")
                .doesNotContain("<b>access</b>").doesNotContain("id=\"code\"");
    }

    @Test
    void start_refuses_a_client_the_playground_does_not_offer() {
        HttpResponse<String> r = postForm(server.url(Playground.START_PATH),
                form("client_id", "someoneElsesClientId000000000000", "scope", "users-basic", "pkce", "S256"));

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.headers().firstValue("Location")).isEmpty();
        assertThat(r.body()).contains("client_id must be one of the clients the playground offers");
    }

    @Test
    void start_refuses_an_unknown_pkce_method_and_names_it() {
        HttpResponse<String> r = postForm(server.url(Playground.START_PATH),
                form("client_id", MockConfig.DEMO_CLIENT_ID, "scope", "users-basic", "pkce", "S512"));

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("pkce must be one of [S256, plain, none]; got &#39;S512&#39;");
    }

    @Test
    void reset_keeps_the_playground_callback() {
        server.reset();

        assertThat(server.defaultClient().redirectUris()).extracting(u -> u.value())
                .contains(server.loginUrl() + "/playground/callback");
    }
}
