package dev.ekoolkit.mock.admin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ekoolkit.mock.EkoolMockServer;
import dev.ekoolkit.mock.config.MockConfig;
import dev.ekoolkit.mock.support.Flows;
import dev.ekoolkit.mock.support.MockServerExtension;
import dev.ekoolkit.mock.support.TestHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import static dev.ekoolkit.mock.support.OAuthAssertions.assertOAuthError;
import static dev.ekoolkit.mock.support.TestHttp.basic;
import static dev.ekoolkit.mock.support.TestHttp.form;
import static org.assertj.core.api.Assertions.assertThat;

/** The /__admin JSON API over HTTP. */
class AdminApiTest {

    private static EkoolMockServer server;

    @RegisterExtension
    static final MockServerExtension MOCK = new MockServerExtension(b -> b.autoLogin("mari"), s -> server = s);

    static HttpResponse<String> post(URI uri, String json) {
        return TestHttp.postRaw(uri, "application/json", json);
    }

    private static URI admin(String path) {
        return server.url("/__admin" + path);
    }

    @Test
    void registers_a_client_from_a_registration_request_with_fresh_credentials_that_work() {
        HttpResponse<String> r = post(admin("/clients"), """
                {"organisation": "Tartu Example School", "first_name": "Mari", "surname": "Maasikas",
                 "email_address": "mari@example.ee", "phone": "+372 5123 4567", "purpose": "Library sign-in",
                 "redirect_uris": ["http://localhost:9090/cb"], "scopes": "users-basic"}""");

        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        JsonNode c = TestHttp.json(r);
        assertThat(c.get("client_id").asText()).matches("[A-Za-z0-9]{32}");
        assertThat(c.get("client_secret").asText()).matches("[A-Za-z0-9]{40}");
        assertThat(c.get("name").asText()).isEqualTo("Tartu Example School");
        String code = Flows.code(server, "client_id", c.get("client_id").asText(), "redirect_uri", "http://localhost:9090/cb");
        HttpResponse<String> token = TestHttp.postForm(server.tokenUrl(), form("grant_type", "authorization_code", "code", code,
                "redirect_uri", "http://localhost:9090/cb"), "Authorization", basic(c.get("client_id").asText(), c.get("client_secret").asText()));
        assertThat(token.statusCode()).isEqualTo(200);
    }

    @Test
    void refuses_an_incomplete_registration_request_listing_the_problems() {
        HttpResponse<String> r = post(admin("/clients"), "{\"organisation\": \"X\", \"redirect_uris\": [\"ftp://x\"]}");
        assertOAuthError(r, 400, "invalid_request", "email_address");
    }

    @Test
    void registers_a_client_with_explicit_credentials() {
        HttpResponse<String> r = post(admin("/clients"), """
                {"client_id": "explicitClientId0000000000000001", "client_secret": "explicitClientSecret00000000000000000001",
                 "name": "Explicit", "redirect_uris": ["http://localhost:9090/cb"], "scopes": ["users-basic"]}""");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        assertThat(server.clients()).extracting(c -> c.id().value()).contains("explicitClientId0000000000000001");
    }

    @Test
    void refuses_explicit_credentials_of_the_wrong_format_naming_the_field() {
        HttpResponse<String> r = post(admin("/clients"), """
                {"client_id": "short", "client_secret": "explicitClientSecret00000000000000000001",
                 "redirect_uris": ["http://localhost:9090/cb"]}""");
        assertOAuthError(r, 400, "invalid_request", "body.client_id: client_id must be exactly 32 letters or digits");
    }

    @Test
    void updates_a_client_in_place_and_refuses_a_body_for_another_id() {
        String body = """
                {"client_id": "%s", "client_secret": "%s", "name": "Renamed",
                 "redirect_uris": ["http://localhost:9090/cb"], "scopes": ["users-basic"]}""".formatted(
                MockConfig.DEMO_CLIENT_ID, MockConfig.DEMO_CLIENT_SECRET);
        HttpRequest put = HttpRequest.newBuilder(admin("/clients/" + MockConfig.DEMO_CLIENT_ID))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpRequest elsewhere = HttpRequest.newBuilder(admin("/clients/otherClientId0000000000000000001"))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body)).build();

        HttpResponse<String> updated = TestHttp.send(put);
        HttpResponse<String> refused = TestHttp.send(elsewhere);

        assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
        assertThat(server.defaultClient().name()).isEqualTo("Renamed");
        assertOAuthError(refused, 400, "invalid_request", "must be the one in the path");
    }

    @Test
    void finds_a_user_by_id_or_username_and_names_the_users_for_an_unknown_one() {
        HttpResponse<String> byName = TestHttp.get(admin("/users/mari"));
        HttpResponse<String> byId = TestHttp.get(admin("/users/100001"));
        HttpResponse<String> unknown = TestHttp.get(admin("/users/nobody"));

        assertThat(TestHttp.json(byName).get("id").asText()).isEqualTo("100001");
        assertThat(TestHttp.json(byId).get("username").asText()).isEqualTo("mari");
        assertOAuthError(unknown, 400, "invalid_request", "no user has the id or username 'nobody'");
    }

    @Test
    void tells_the_clock_and_moves_it_forward() {
        java.time.Instant before = java.time.Instant.parse(TestHttp.json(TestHttp.get(admin("/clock"))).get("now").asText());
        post(admin("/clock"), "{\"advance\": \"2h\"}");
        java.time.Instant after = java.time.Instant.parse(TestHttp.json(TestHttp.get(admin("/clock"))).get("now").asText());

        assertThat(java.time.Duration.between(before, after)).isGreaterThanOrEqualTo(java.time.Duration.ofHours(2));
    }

    @Test
    void lists_clients_without_their_secrets() {
        HttpResponse<String> r = TestHttp.get(admin("/clients"));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains(MockConfig.DEMO_CLIENT_ID).doesNotContain(MockConfig.DEMO_CLIENT_SECRET);
    }

    @Test
    void removes_a_client_and_says_404_for_an_unknown_one() {
        URI uri = admin("/clients/" + MockConfig.DEMO_CLIENT_ID);
        HttpRequest delete = HttpRequest.newBuilder(uri).header("Content-Type", "application/json").DELETE().build();
        assertThat(TestHttp.send(delete).statusCode()).isEqualTo(204);
        assertThat(TestHttp.send(delete).statusCode()).isEqualTo(404);
        assertThat(server.clients()).isEmpty();
    }

    @Test
    void adds_a_user_who_can_then_be_chosen_to_log_in_next() {
        HttpResponse<String> added = post(admin("/users"), """
                {"id": "300001", "username": "kati", "password": "pw", "first_name": "Kati", "last_name": "Karu",
                 "email": "kati@example.com", "personal_code": null, "roles": ["student"]}""");
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        assertThat(post(admin("/login-as"), "{\"user\": \"kati\"}").statusCode()).isEqualTo(204);

        JsonNode tokens = Flows.tokens(server);

        assertThat(TestHttp.json(Flows.me(server, tokens.get("access_token").asText())).get("data").get("id").asText())
                .isEqualTo("300001");
    }

    @Test
    void refuses_a_user_with_an_invalid_personal_code_naming_the_field() {
        HttpResponse<String> r = post(admin("/users"), """
                {"id": "300002", "username": "x", "password": "pw", "first_name": "X", "last_name": "Y",
                 "email": "x@example.com", "personal_code": "36805280108"}""");
        assertOAuthError(r, 400, "invalid_request", "personalCode");
        assertThat(r.body()).doesNotContain("36805280108");
    }

    @Test
    void login_as_an_unknown_user_is_a_400() {
        assertOAuthError(post(admin("/login-as"), "{\"user\": \"nobody\"}"), 400, "invalid_request", "'nobody'");
    }

    @Test
    void auto_login_can_be_turned_off_so_the_login_page_shows() {
        assertThat(post(admin("/auto-login"), "{\"user\": null}").statusCode()).isEqualTo(204);
        HttpResponse<String> r = Flows.authorize(server);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
    }

    @Test
    void queues_an_oauth_error_fault_for_the_token_endpoint() {
        assertThat(post(admin("/faults"), """
                {"endpoint": "token", "error": "temporarily_unavailable", "error_description": "maintenance", "times": 1}""")
                .statusCode()).isEqualTo(204);
        assertOAuthError(Flows.exchange(server, Flows.code(server)), 503, "temporarily_unavailable", "maintenance");
    }

    @Test
    void refuses_a_fault_for_an_unknown_endpoint() {
        assertOAuthError(post(admin("/faults"), "{\"endpoint\": \"nowhere\", \"status\": 500}"), 400, "invalid_request",
                "endpoint must be one of");
    }

    @Test
    void lists_recorded_requests_with_secrets_masked() {
        Flows.exchange(server, Flows.code(server));
        HttpResponse<String> r = TestHttp.get(admin("/requests"));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("\"endpoint\":\"token\"").contains("\"auth_method\":\"basic\"")
                .doesNotContain(MockConfig.DEMO_CLIENT_SECRET);
    }

    @Test
    void issues_tokens_for_a_user() {
        HttpResponse<String> r = post(admin("/tokens"), "{\"user\": \"jaan\"}");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(Flows.me(server, TestHttp.json(r).get("access_token").asText()).statusCode()).isEqualTo(200);
    }

    @Test
    void advances_the_clock_so_tokens_expire() {
        String access = TestHttp.json(post(admin("/tokens"), "{\"user\": \"jaan\"}")).get("access_token").asText();
        assertThat(post(admin("/clock"), "{\"advance\": \"2h\"}").statusCode()).isEqualTo(200);
        assertThat(Flows.me(server, access).statusCode()).isEqualTo(401);
    }

    @Test
    void reset_restores_the_configured_clients() {
        server.removeClient(server.defaultClient().id());
        assertThat(post(admin("/reset"), "").statusCode()).isEqualTo(204);
        assertThat(server.clients()).hasSize(1);
    }

    @Test
    void refuses_a_body_that_is_not_json() {
        HttpResponse<String> r = TestHttp.postRaw(admin("/login-as"), "application/x-www-form-urlencoded", "user=mari");
        assertOAuthError(r, 415, "invalid_request", "application/json");
    }

    @Test
    void refuses_broken_json_clearly() {
        assertOAuthError(post(admin("/login-as"), "{\"user\": "), 400, "invalid_request", "not valid JSON");
    }

    @Test
    void an_unknown_admin_path_is_a_json_404() {
        HttpResponse<String> r = TestHttp.get(admin("/nothing"));
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(TestHttp.json(r).get("error").asText()).isEqualTo("invalid_request");
    }

    @Test
    void with_an_admin_token_every_caller_must_send_it() {
        try (EkoolMockServer guarded = EkoolMockServer.builder().adminToken("an-admin-token-of-some-length").build().start()) {
            HttpResponse<String> without = TestHttp.get(guarded.url("/__admin/clients"));
            HttpResponse<String> wrong = TestHttp.get(guarded.url("/__admin/clients"), "Authorization", "Bearer nope");
            HttpResponse<String> with = TestHttp.get(guarded.url("/__admin/clients"), "Authorization",
                    "Bearer an-admin-token-of-some-length");

            assertOAuthError(without, 401, "invalid_token", "requires 'Authorization: Bearer <admin token>'");
            assertThat(wrong.statusCode()).isEqualTo(401);
            assertThat(with.statusCode()).isEqualTo(200);
        }
    }

    @Test
    void the_admin_index_lists_the_operations() {
        assertThat(TestHttp.json(TestHttp.get(server.adminUrl())).get("endpoints").toString()).contains("POST /__admin/reset");
    }

    @Test
    void admin_requests_are_not_recorded_in_the_journal() {
        TestHttp.get(admin("/clients"));
        assertThat(server.requests()).isEmpty();
    }

    static Map<String, String> unused() {
        return Map.of();
    }
}
