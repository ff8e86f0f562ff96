package dev.ekoolkit.core.flow;

import dev.ekoolkit.core.error.EkoolOAuthException;
import dev.ekoolkit.core.scope.Scopes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

import static dev.ekoolkit.core.flow.Fixtures.form;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class TokenEndpointTest {

    private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    private static final String ACCESS = "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJ4In0.c2lnbmF0dXJl";
    private static final String REFRESH = "def502004a1b2c3d4e5f60718293a4b5c6d7e8f9";
    private static final String PASSPORT_OK = "{\"token_type\":\"Bearer\",\"expires_in\":3600,\"access_token\":\""
            + ACCESS + "\",\"refresh_token\":\"" + REFRESH + "\"}";

    private StubServer stub;
    private EkoolOAuthClient client;
    private final PendingAuthorization pending = Fixtures.pending("state-" + "x".repeat(40), VERIFIER);

    @BeforeEach
    void start() throws IOException {
        stub = new StubServer();
        client = Fixtures.builder(stub.base()).build();
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    @Test
    void exchange_posts_the_form_to_oauth_token() throws Exception {
        stub.json(200, PASSPORT_OK);

        client.exchangeCode(pending, "the-code");

        StubServer.Recorded sent = stub.take();
        assertThat(sent.method()).isEqualTo("POST");
        assertThat(sent.path()).isEqualTo("/oauth/token");
        assertThat(sent.header("Content-Type")).startsWith("application/x-www-form-urlencoded");
        assertThat(sent.header("Accept")).isEqualTo("application/json");
        assertThat(form(sent.body())).isEqualTo(Map.of("grant_type", "authorization_code", "code", "the-code",
                "redirect_uri", Fixtures.REDIRECT, "code_verifier", VERIFIER,
                "client_id", Fixtures.CLIENT_ID, "client_secret", Fixtures.CLIENT_SECRET));
    }

    @Test
    void exchange_with_basic_sends_the_authorization_header_over_the_wire() throws Exception {
        stub.json(200, PASSPORT_OK);

        Fixtures.builder(stub.base()).clientAuthentication(ClientAuthentication.CLIENT_SECRET_BASIC).build()
                .exchangeCode(pending, "the-code");

        StubServer.Recorded sent = stub.take();
        assertThat(sent.header("Authorization")).isEqualTo("Basic "
                + java.util.Base64.getEncoder().encodeToString((Fixtures.CLIENT_ID + ":" + Fixtures.CLIENT_SECRET).getBytes()));
        assertThat(form(sent.body())).doesNotContainKeys("client_id", "client_secret");
    }

    @Test
    void passport_success_response_becomes_a_token_set() {
        stub.json(200, PASSPORT_OK);

        TokenSet tokens = client.exchangeCode(pending, "the-code");

        assertThat(tokens.accessToken()).isEqualTo(ACCESS);
        assertThat(tokens.refreshToken()).isEqualTo(REFRESH);
        assertThat(tokens.tokenType()).isEqualTo("Bearer");
        assertThat(tokens.expiresIn()).isEqualTo(Duration.ofHours(1));
        assertThat(tokens.receivedAt()).isEqualTo(Fixtures.NOW);
        assertThat(tokens.expiresAt()).isEqualTo(Fixtures.NOW.plusSeconds(3600));
    }

    @Test
    void without_a_scope_in_the_response_the_requested_scopes_are_granted() {
        stub.json(200, PASSPORT_OK);

        assertThat(client.exchangeCode(pending, "c").scopes()).isEqualTo(Scopes.of("users-basic"));
    }

    @Test
    void a_scope_in_the_response_wins_over_the_requested_ones() {
        stub.json(200, "{\"token_type\":\"Bearer\",\"access_token\":\"at\",\"scope\":\"users-basic mkool-api\"}");

        TokenSet tokens = client.exchangeCode(pending, "c");

        assertThat(tokens.scopes()).isEqualTo(Scopes.of("users-basic", "mkool-api"));
        assertThat(tokens.refreshToken()).isNull();
        assertThat(tokens.expiresIn()).isNull();
    }

    @Test
    void a_lowercase_bearer_token_type_is_accepted() {
        stub.json(200, "{\"token_type\":\"bearer\",\"access_token\":\"at\"}");

        assertThat(client.exchangeCode(pending, "c").accessToken()).isEqualTo("at");
    }

    @Test
    void passport_error_becomes_a_token_endpoint_exception_with_every_field() {
        stub.json(400, "{\"error\":\"invalid_grant\",\"error_description\":\"The provided authorization grant is invalid.\","
                + "\"hint\":\"Authorization code has been revoked\",\"message\":\"The provided authorization grant is invalid.\"}");

        TokenEndpointException e = catchThrowableOfType(TokenEndpointException.class, () -> client.exchangeCode(pending, "c"));

        assertThat(e.error()).isEqualTo("invalid_grant");
        assertThat(e.errorDescription()).isEqualTo("The provided authorization grant is invalid.");
        assertThat(e.httpStatus()).isEqualTo(400);
        assertThat(e.hint()).contains("Authorization code has been revoked");
        assertThat(e.serverMessage()).contains("The provided authorization grant is invalid.");
        assertThat(e.isOAuthError()).isTrue();
        assertThat(e.endpoint()).isEqualTo(URI.create(stub.base() + "/oauth/token"));
        assertThat(e.getMessage()).isEqualTo("invalid_grant: The provided authorization grant is invalid."
                + " (hint: Authorization code has been revoked) [HTTP 400 from POST " + stub.base() + "/oauth/token]");
    }

    @Test
    void invalid_client_keeps_its_401_status() {
        stub.answer(401, Map.of("Content-Type", "application/json", "WWW-Authenticate", "Basic realm=\"OAuth\""),
                "{\"error\":\"invalid_client\",\"error_description\":\"Client authentication failed\",\"message\":\"Client authentication failed\"}");

        TokenEndpointException e = catchThrowableOfType(TokenEndpointException.class, () -> client.exchangeCode(pending, "c"));

        assertThat(e.error()).isEqualTo("invalid_client");
        assertThat(e.httpStatus()).isEqualTo(401);
        assertThat(e.hint()).isEmpty();
    }

    @Test
    void an_error_with_only_a_message_uses_it_as_description() {
        stub.json(400, "{\"error\":\"unsupported_grant_type\",\"message\":\"The authorization grant type is not supported.\"}");

        TokenEndpointException e = catchThrowableOfType(TokenEndpointException.class, () -> client.exchangeCode(pending, "c"));

        assertThat(e.errorDescription()).isEqualTo("The authorization grant type is not supported.");
    }

    @Test
    void an_html_502_gives_status_and_a_short_excerpt() {
        stub.answer(502, "text/html", "<html><head><title>502 Bad Gateway</title></head><body>"
                + "<center><h1>502 Bad Gateway</h1></center>" + "x".repeat(5000) + "</body></html>");

        TokenEndpointException e = catchThrowableOfType(TokenEndpointException.class, () -> client.exchangeCode(pending, "c"));

        assertThat(e.error()).isEqualTo("server_error");
        assertThat(e.httpStatus()).isEqualTo(502);
        assertThat(e.isOAuthError()).isFalse();
        assertThat(e.errorDescription()).startsWith("token endpoint answered HTTP 502 with a body that is not an OAuth"
                + " error response (RFC 6749 section 5.2): text/html").endsWith("'502 Bad Gateway'");
    }

    @Test
    void an_error_page_echoing_the_request_never_repeats_a_secret() {
        stub.answer(500, "text/plain", "debug: client_secret=" + Fixtures.CLIENT_SECRET + "&code_verifier=" + VERIFIER
                + "&code=secret-code-1");

        TokenEndpointException e = catchThrowableOfType(TokenEndpointException.class,
                () -> client.exchangeCode(pending, "secret-code-1"));

        assertThat(e.getMessage()).contains("client_secret=****").doesNotContain(Fixtures.CLIENT_SECRET)
                .doesNotContain(VERIFIER).doesNotContain("secret-code-1");
    }

    @Test
    void a_200_that_is_not_a_token_response_says_which_member_is_missing() {
        stub.json(200, "{\"token_type\":\"Bearer\",\"expires_in\":3600}");

        TokenEndpointException e = catchThrowableOfType(TokenEndpointException.class, () -> client.exchangeCode(pending, "c"));

        assertThat(e.httpStatus()).isEqualTo(200);
        assertThat(e.errorDescription()).contains("access_token");
    }

    @Test
    void a_200_form_encoded_body_is_rejected_without_quoting_its_tokens() {
        stub.answer(200, "application/x-www-form-urlencoded", "access_token=leaky-access-token&token_type=bearer");

        TokenEndpointException e = catchThrowableOfType(TokenEndpointException.class, () -> client.exchangeCode(pending, "c"));

        assertThat(e.errorDescription()).doesNotContain("leaky-access-token").endsWith("application/x-www-form-urlencoded, 49 characters");
    }

    @Test
    void a_200_html_login_page_is_named_by_its_title() {
        stub.answer(200, "text/html", "<html><head><title>eKool login</title></head><body>form</body></html>");

        TokenEndpointException e = catchThrowableOfType(TokenEndpointException.class, () -> client.exchangeCode(pending, "c"));

        assertThat(e.errorDescription()).endsWith("'eKool login'");
    }

    @Test
    void a_redirect_is_not_followed_and_is_reported() {
        stub.answer(302, Map.of("Location", "https://login.example/login?next=x"), "");

        TokenEndpointException e = catchThrowableOfType(TokenEndpointException.class, () -> client.exchangeCode(pending, "c"));

        assertThat(e.errorDescription()).startsWith("token endpoint answered HTTP 302 to 'https://login.example/login?...'");
    }

    @Test
    void refresh_sends_the_refresh_token_and_returns_the_rotated_one() throws Exception {
        stub.json(200, PASSPORT_OK);

        TokenSet tokens = client.refresh("old-refresh-token");

        assertThat(form(stub.take().body())).containsEntry("grant_type", "refresh_token")
                .containsEntry("refresh_token", "old-refresh-token");
        assertThat(tokens.refreshToken()).isEqualTo(REFRESH);
    }

    @Test
    void refreshing_a_token_set_keeps_refresh_token_and_scopes_the_server_did_not_resend() {
        stub.json(200, "{\"token_type\":\"Bearer\",\"expires_in\":60,\"access_token\":\"new-at\"}");
        TokenSet old = new TokenSet("old-at", "keep-me", "Bearer", null, Scopes.of("users-basic"), Fixtures.NOW);

        TokenSet fresh = client.refresh(old);

        assertThat(fresh.accessToken()).isEqualTo("new-at");
        assertThat(fresh.refreshToken()).isEqualTo("keep-me");
        assertThat(fresh.scopes()).isEqualTo(Scopes.of("users-basic"));
    }

    @Test
    void a_used_refresh_token_is_an_invalid_grant() {
        stub.json(400, "{\"error\":\"invalid_grant\",\"error_description\":\"The refresh token is invalid.\",\"hint\":\"Token has been revoked\"}");

        TokenEndpointException e = catchThrowableOfType(TokenEndpointException.class, () -> client.refresh("used-token-123"));

        assertThat(e.error()).isEqualTo("invalid_grant");
        assertThat(e.getMessage()).doesNotContain("used-token-123");
    }

    @Test
    void complete_authorization_checks_the_callback_and_exchanges_the_code() throws Exception {
        stub.json(200, PASSPORT_OK);

        TokenSet tokens = client.completeAuthorization(pending,
                URI.create(Fixtures.REDIRECT + "?code=from-callback&state=" + pending.state()));

        assertThat(tokens.accessToken()).isEqualTo(ACCESS);
        assertThat(form(stub.take().body())).containsEntry("code", "from-callback");
    }

    @Test
    void an_unreachable_server_gives_a_transport_exception_naming_the_url() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        EkoolOAuthClient offline = Fixtures.builder(URI.create("http://127.0.0.1:" + port)).build();

        EkoolTransportException e = catchThrowableOfType(EkoolTransportException.class, () -> offline.exchangeCode(pending, "c"));

        assertThat(e.error()).isEqualTo(EkoolOAuthException.SERVER_ERROR);
        assertThat(e.httpStatus()).isZero();
        assertThat(e.url()).hasToString("http://127.0.0.1:" + port + "/oauth/token");
        assertThat(e.getMessage()).startsWith("server_error: could not complete POST http://127.0.0.1:" + port + "/oauth/token: ")
                .doesNotContain(Fixtures.CLIENT_SECRET);
    }

    @Test
    void a_server_that_never_answers_is_cut_off_by_the_request_timeout() {
        stub.hang();
        EkoolOAuthClient impatient = Fixtures.builder(stub.base()).timeout(Duration.ofMillis(300)).build();

        EkoolTransportException e = catchThrowableOfType(EkoolTransportException.class, () -> impatient.refresh("rt"));

        assertThat(e).hasCauseInstanceOf(java.net.http.HttpTimeoutException.class);
    }

    @Test
    void an_injected_http_client_is_used() {
        stub.json(200, PASSPORT_OK);
        java.util.List<URI> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.net.ProxySelector recording = new java.net.ProxySelector() {
            @Override
            public java.util.List<java.net.Proxy> select(URI uri) {
                seen.add(uri);
                return java.util.List.of(java.net.Proxy.NO_PROXY);
            }

            @Override
            public void connectFailed(URI uri, java.net.SocketAddress sa, IOException ioe) {
            }
        };
        java.net.http.HttpClient custom = java.net.http.HttpClient.newBuilder().proxy(recording).build();

        Fixtures.builder(stub.base()).httpClient(custom).build().refresh("rt");

        assertThat(seen).isNotEmpty().allMatch(u -> u.getPort() == stub.base().getPort());
    }

    @Test
    void requests_identify_the_toolkit_as_user_agent() throws Exception {
        stub.json(200, PASSPORT_OK);

        client.refresh("rt");

        assertThat(stub.take().header("User-Agent")).isEqualTo("ekool-toolkit");
    }
}
