package dev.ekoolkit.mock.authorize;

import dev.ekoolkit.mock.EkoolMockServer;
import dev.ekoolkit.mock.config.MockConfig;
import dev.ekoolkit.mock.support.Flows;
import dev.ekoolkit.mock.support.MockServerExtension;
import dev.ekoolkit.mock.support.TestHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Errors of {@code GET /oauth/authorize}: an HTML page where no redirect is allowed, else a redirect with the error. */
class AuthorizeErrorsTest {

    private static EkoolMockServer server;

    @RegisterExtension
    static final MockServerExtension MOCK = new MockServerExtension(b -> b.autoLogin("mari"), s -> server = s);

    private static void assertHtmlError(HttpResponse<String> r, String fragment) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(r.headers().firstValue("Location")).isEmpty();
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(r.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(r.body()).contains(fragment);
    }

    private static Map<String, String> assertRedirectError(HttpResponse<String> r, String error, String fragment) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location").orElseThrow()).startsWith(MockConfig.DEMO_REDIRECT_URI + "?");
        Map<String, String> params = TestHttp.locationParams(r);
        assertThat(params.get("error")).isEqualTo(error);
        assertThat(params.get("error_description")).contains(fragment);
        assertThat(params).doesNotContainKey("code");
        return params;
    }

    @Test
    void a_missing_client_id_gets_an_html_page_and_no_redirect() {
        assertHtmlError(Flows.authorize(server, "client_id", null), "client_id is required");
    }

    @Test
    void a_malformed_client_id_gets_ekool_cores_format_message_without_redirect() {
        assertHtmlError(Flows.authorize(server, "client_id", "abc"),
                "client_id must be exactly 32 letters or digits (A-Z, a-z, 0-9); got 3 characters");
    }

    @Test
    void an_unknown_client_id_gets_an_html_page_and_no_redirect() {
        assertHtmlError(Flows.authorize(server, "client_id", "Z".repeat(32)), "is not a client registered");
    }

    @Test
    void a_redirect_uri_not_registered_gets_an_html_page_and_no_redirect() {
        assertHtmlError(Flows.authorize(server, "redirect_uri", "https://evil.example/cb"), "is not registered for client");
    }

    @Test
    void a_redirect_uri_not_registered_gets_a_page_that_says_how_to_register_one() {
        assertHtmlError(Flows.authorize(server, "redirect_uri", "http://localhost:3000/callback"),
                "To register it with this mock: start it with --redirect-uri &lt;uri&gt;, list it under redirect_uris in"
                        + " --config, or PUT /__admin/clients/&lt;client_id&gt;");
    }

    @Test
    void a_redirect_uri_with_a_trailing_slash_is_not_an_exact_match() {
        assertHtmlError(Flows.authorize(server, "redirect_uri", MockConfig.DEMO_REDIRECT_URI + "/"), "exact string match");
    }

    @Test
    void a_repeated_redirect_uri_gets_an_html_page() {
        HttpResponse<String> r = TestHttp.get(java.net.URI.create(server.authorizeUrl() + "?response_type=code&scope=users-basic"
                + "&client_id=" + MockConfig.DEMO_CLIENT_ID
                + "&redirect_uri=" + MockConfig.DEMO_REDIRECT_URI + "&redirect_uri=" + MockConfig.DEMO_REDIRECT_URI));
        assertHtmlError(r, "must not be repeated");
    }

    @Test
    void a_missing_redirect_uri_is_an_html_error_when_the_client_has_several() {
        assertHtmlError(Flows.authorize(server, "redirect_uri", null), "redirect_uri is required");
    }

    @Test
    void html_error_pages_escape_what_they_quote() {
        HttpResponse<String> r = Flows.authorize(server, "redirect_uri", "https://x.example/<script>alert(1)</script>");
        assertThat(r.body()).doesNotContain("<script>").contains("&lt;script&gt;");
    }

    @Test
    void a_wrong_response_type_is_redirected_as_unsupported_response_type_with_the_state() {
        Map<String, String> p = assertRedirectError(Flows.authorize(server, "response_type", "token"),
                "unsupported_response_type", "response_type 'token' is not supported");
        assertThat(p.get("state")).isEqualTo("st-123");
    }

    @Test
    void a_missing_response_type_is_redirected_as_invalid_request() {
        assertRedirectError(Flows.authorize(server, "response_type", null), "invalid_request", "response_type is required");
    }

    @Test
    void a_missing_scope_is_redirected_as_invalid_scope() {
        assertRedirectError(Flows.authorize(server, "scope", null), "invalid_scope", "scope is required");
    }

    @Test
    void an_unknown_scope_is_redirected_as_invalid_scope() {
        assertRedirectError(Flows.authorize(server, "scope", "users-basic grades"), "invalid_scope", "'grades' is unknown");
    }

    @Test
    void a_scope_the_client_may_not_request_is_redirected_as_invalid_scope() {
        assertRedirectError(Flows.authorize(server, "scope", "mkool-api"), "invalid_scope", "may not request the scope 'mkool-api'");
    }

    @Test
    void a_code_challenge_method_without_a_challenge_is_redirected_as_invalid_request() {
        assertRedirectError(Flows.authorize(server, "code_challenge_method", "S256"), "invalid_request",
                "code_challenge_method was given without code_challenge");
    }

    @Test
    void a_short_code_challenge_is_redirected_as_invalid_request() {
        assertRedirectError(Flows.authorize(server, "code_challenge", "abc", "code_challenge_method", "S256"),
                "invalid_request", "43 to 128 characters");
    }

    @Test
    void an_unknown_code_challenge_method_is_redirected_as_invalid_request() {
        assertRedirectError(Flows.authorize(server, "code_challenge", Flows.CHALLENGE, "code_challenge_method", "S512"),
                "invalid_request", "'S512' is not supported");
    }

    @Test
    void a_repeated_scope_is_redirected_as_invalid_request() {
        HttpResponse<String> r = TestHttp.get(java.net.URI.create(server.authorizeUrl() + "?response_type=code&client_id="
                + MockConfig.DEMO_CLIENT_ID + "&redirect_uri=" + MockConfig.DEMO_REDIRECT_URI
                + "&scope=users-basic&scope=users-basic&state=s"));
        assertRedirectError(r, "invalid_request", "parameter 'scope' must not be repeated");
    }

    @Test
    void an_overlong_state_is_refused_and_not_echoed() {
        Map<String, String> p = assertRedirectError(Flows.authorize(server, "state", "s".repeat(1025)), "invalid_request",
                "state must be at most 1024 characters");
        assertThat(p).doesNotContainKey("state");
    }

    @Test
    void a_redirect_uri_with_a_query_gets_the_code_appended() {
        dev.ekoolkit.mock.config.MockClient c = server.registerClient(dev.ekoolkit.mock.config.MockClient.of(
                dev.ekoolkit.core.credentials.ClientCredentials.generate(new java.security.SecureRandom()), "Query app",
                java.util.List.of(dev.ekoolkit.core.client.RedirectUri.of("https://app.example/cb?tenant=7")),
                dev.ekoolkit.core.scope.Scopes.of("users-basic")));

        HttpResponse<String> r = Flows.authorize(server, "client_id", c.id().value(), "redirect_uri", null);

        assertThat(r.headers().firstValue("Location").orElseThrow()).startsWith("https://app.example/cb?tenant=7&code=");
    }
}
