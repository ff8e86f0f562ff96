package dev.ekoolkit.mock.token;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ekoolkit.core.client.RedirectUri;
import dev.ekoolkit.core.credentials.ClientCredentials;
import dev.ekoolkit.core.scope.Scopes;
import dev.ekoolkit.mock.EkoolMockServer;
import dev.ekoolkit.mock.api.AuthMethod;
import dev.ekoolkit.mock.api.Endpoint;
import dev.ekoolkit.mock.api.RecordedRequest;
import dev.ekoolkit.mock.config.MockClient;
import dev.ekoolkit.mock.support.Flows;
import dev.ekoolkit.mock.support.MockServerExtension;
import dev.ekoolkit.mock.support.TestHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

import static dev.ekoolkit.mock.config.MockConfig.DEMO_CLIENT_ID;
import static dev.ekoolkit.mock.config.MockConfig.DEMO_CLIENT_SECRET;
import static dev.ekoolkit.mock.config.MockConfig.DEMO_REDIRECT_URI;
import static dev.ekoolkit.mock.support.OAuthAssertions.assertOAuthError;
import static dev.ekoolkit.mock.support.TestHttp.form;
import static dev.ekoolkit.mock.support.TestHttp.postForm;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Client authentication at {@code POST /oauth/token} (RFC 6749 section 2.3.1): which method the mock sees, what it
 * records, and how it reads the Basic header. The error paths shared with other grants are in TokenEndpointErrorsTest.
 */
class ClientAuthenticationTest {

    private static final String BASIC_RULE = "the Authorization header must be 'Basic ' and base64(client_id:client_secret)"
            + " (RFC 6749 section 2.3.1, RFC 7617)";

    private static EkoolMockServer server;

    @RegisterExtension
    static final MockServerExtension MOCK = new MockServerExtension(b -> b.autoLogin("mari"), s -> server = s);

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** A code exchange whose form carries {@code extra} and whose Authorization header is {@code authorization}, if any. */
    private static HttpResponse<String> exchange(String authorization, String... extra) {
        var f = form("grant_type", "authorization_code", "code", Flows.code(server), "redirect_uri", DEMO_REDIRECT_URI);
        for (int i = 0; i < extra.length; i += 2) {
            f.put(extra[i], extra[i + 1]);
        }
        return authorization == null ? postForm(server.tokenUrl(), f) : postForm(server.tokenUrl(), f, "Authorization", authorization);
    }

    private static void assertRefused(HttpResponse<String> r, int status, String error, String description) {
        JsonNode body = assertOAuthError(r, status, error, description);
        assertThat(body.get("error_description").asText()).isEqualTo(description);
    }

    private static RecordedRequest lastTokenRequest() {
        return server.requests().stream().filter(r -> r.endpoint() == Endpoint.TOKEN).reduce((a, b) -> b).orElseThrow();
    }

    // --- Basic and the body together ---

    @Test
    void basic_with_the_same_client_id_in_the_body_is_accepted() {
        HttpResponse<String> r = exchange("Basic " + base64(DEMO_CLIENT_ID + ":" + DEMO_CLIENT_SECRET), "client_id", DEMO_CLIENT_ID);

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    @Test
    void basic_with_another_client_id_in_the_body_is_refused_as_an_invalid_request() {
        HttpResponse<String> r = exchange("Basic " + base64(DEMO_CLIENT_ID + ":" + DEMO_CLIENT_SECRET),
                "client_id", "B".repeat(32));

        assertRefused(r, 400, "invalid_request",
                "client_id in the body differs from the client id in the Authorization header (RFC 6749 section 2.3.1)");
    }

    // --- which method, as the journal records it ---

    @Test
    void records_basic_and_the_client_id_from_the_header() {
        exchange("Basic " + base64(DEMO_CLIENT_ID + ":" + DEMO_CLIENT_SECRET));

        assertThat(lastTokenRequest().authMethod()).isEqualTo(AuthMethod.BASIC);
        assertThat(lastTokenRequest().clientId()).isEqualTo(DEMO_CLIENT_ID);
    }

    @Test
    void accepts_the_credentials_in_the_body_and_records_post_and_the_client_id() {
        HttpResponse<String> r = exchange(null, "client_id", DEMO_CLIENT_ID, "client_secret", DEMO_CLIENT_SECRET);

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(lastTokenRequest().authMethod()).isEqualTo(AuthMethod.POST);
        assertThat(lastTokenRequest().clientId()).isEqualTo(DEMO_CLIENT_ID);
    }

    @Test
    void records_the_client_that_authenticated_in_the_body_not_a_client_id_in_the_query() {
        MockClient other = server.registerClient(MockClient.of(ClientCredentials.generate(new SecureRandom()), "Other app",
                List.of(RedirectUri.of(DEMO_REDIRECT_URI)), Scopes.of("users-basic")));
        URI withQuery = TestHttp.withQuery(server.tokenUrl(), "client_id", other.id().value());
        var f = form("grant_type", "authorization_code", "code", Flows.code(server), "redirect_uri", DEMO_REDIRECT_URI,
                "client_id", DEMO_CLIENT_ID, "client_secret", DEMO_CLIENT_SECRET);

        HttpResponse<String> r = postForm(withQuery, f);

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(lastTokenRequest().clientId()).isEqualTo(DEMO_CLIENT_ID);
    }

    @Test
    void a_body_with_a_secret_alone_counts_as_post_and_is_told_the_client_id_is_missing() {
        HttpResponse<String> r = exchange(null, "client_secret", DEMO_CLIENT_SECRET);

        assertRefused(r, 401, "invalid_client",
                "client_id must be exactly 32 letters or digits (A-Z, a-z, 0-9); got no value");
        assertThat(lastTokenRequest().authMethod()).isEqualTo(AuthMethod.POST);
    }

    @Test
    void a_body_with_a_client_id_alone_counts_as_post() {
        exchange(null, "client_id", DEMO_CLIENT_ID);

        assertThat(lastTokenRequest().authMethod()).isEqualTo(AuthMethod.POST);
    }

    @Test
    void no_credentials_at_all_count_as_none() {
        exchange(null);

        assertThat(lastTokenRequest().authMethod()).isEqualTo(AuthMethod.NONE);
        assertThat(lastTokenRequest().clientId()).isNull();
    }

    // --- reading the Basic header ---

    @Test
    void the_basic_scheme_is_case_insensitive() {
        HttpResponse<String> r = exchange("bAsIc " + base64(DEMO_CLIENT_ID + ":" + DEMO_CLIENT_SECRET));

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    @Test
    void another_scheme_that_starts_with_basic_is_not_basic_and_the_body_credentials_count() {
        HttpResponse<String> r = exchange("Basicx " + base64(DEMO_CLIENT_ID + ":" + DEMO_CLIENT_SECRET),
                "client_id", DEMO_CLIENT_ID, "client_secret", DEMO_CLIENT_SECRET);

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(lastTokenRequest().authMethod()).isEqualTo(AuthMethod.POST);
    }

    @Test
    void a_bare_basic_scheme_without_credentials_is_told_the_colon_is_missing() {
        assertRefused(exchange("Basic"), 401, "invalid_client", BASIC_RULE + "; got no ':' between id and secret");
    }

    @Test
    void an_empty_client_id_before_the_colon_is_reported_as_empty() {
        assertRefused(exchange("Basic " + base64(":" + DEMO_CLIENT_SECRET)), 401, "invalid_client",
                "client_id must be exactly 32 letters or digits (A-Z, a-z, 0-9); got an empty value");
    }

    @Test
    void the_id_and_secret_are_form_url_decoded_after_base64() {
        assertThat(DEMO_CLIENT_ID).startsWith("d");
        String encodedId = "%64" + DEMO_CLIENT_ID.substring(1);

        HttpResponse<String> r = exchange("Basic " + base64(encodedId + ":" + DEMO_CLIENT_SECRET));

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    @Test
    void refuses_broken_percent_encoding_in_the_basic_credentials() {
        assertRefused(exchange("Basic " + base64("%zz:" + DEMO_CLIENT_SECRET)), 401, "invalid_client",
                BASIC_RULE + "; got broken percent-encoding (the id and secret are form-urlencoded before base64)");
    }

    @Test
    void refuses_basic_credentials_that_are_not_utf_8() {
        String latin1 = Base64.getEncoder().encodeToString(new byte[] {(byte) 0xE9, ':', 'x'});

        assertRefused(exchange("Basic " + latin1), 401, "invalid_client", BASIC_RULE + "; got bytes that are not UTF-8");
    }
}
