package dev.ekoolkit.mock.admin;

import dev.ekoolkit.mock.EkoolMockServer;
import dev.ekoolkit.mock.support.MockServerExtension;
import dev.ekoolkit.mock.support.TestHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static dev.ekoolkit.mock.support.OAuthAssertions.assertOAuthError;
import static org.assertj.core.api.Assertions.assertThat;

/** The admin API cannot be driven by a web page: CSRF by empty or simple requests, foreign origins, DNS rebinding. */
class AdminCrossSiteTest {

    private static EkoolMockServer server;

    @RegisterExtension
    static final MockServerExtension MOCK = new MockServerExtension(s -> server = s);

    private static HttpResponse<String> send(String method, String path, String contentType, String body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(server.url("/__admin" + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return TestHttp.send(b.build());
    }

    /** The status line and body of a request sent over a socket, so the Host header can be anything. */
    private static String raw(String host, String method, String path, String extraHeaders) {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write((method + " /__admin" + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n"
                    + extraHeaders + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void refuses_an_empty_post_without_a_json_content_type_and_changes_nothing() {
        server.removeClient(server.defaultClient().id());

        HttpResponse<String> r = send("POST", "/reset", null, null);

        assertOAuthError(r, 415, "invalid_request", "Content-Type application/json, even with an empty body");
        assertThat(server.clients()).isEmpty();
    }

    @Test
    void refuses_an_empty_form_post_as_a_cross_site_form_would_send_it() {
        HttpResponse<String> r = send("POST", "/auto-login", "application/x-www-form-urlencoded", "");
        assertOAuthError(r, 415, "invalid_request", "application/json");
    }

    @Test
    void refuses_a_delete_without_a_json_content_type() {
        HttpResponse<String> r = send("DELETE", "/faults", "text/plain", null);
        assertOAuthError(r, 415, "invalid_request", "application/json");
    }

    @Test
    void accepts_an_empty_json_post() {
        assertThat(send("POST", "/reset", "application/json", null).statusCode()).isEqualTo(204);
    }

    @Test
    void refuses_a_request_from_another_origin_even_with_json() {
        server.removeClient(server.defaultClient().id());

        HttpResponse<String> r = send("POST", "/reset", "application/json", "{}", "Origin", "http://evil.example");

        assertOAuthError(r, 403, "access_denied", "Origin header must be this server's own origin");
        assertThat(server.clients()).isEmpty();
    }

    @Test
    void refuses_the_null_origin_of_a_sandboxed_page() {
        assertOAuthError(send("GET", "/clients", null, null, "Origin", "null"), 403, "access_denied", "Origin");
    }

    @Test
    void accepts_a_request_from_its_own_origin() {
        String own = "http://127.0.0.1:" + server.port();
        assertThat(send("POST", "/reset", "application/json", "{}", "Origin", own).statusCode()).isEqualTo(204);
    }

    @Test
    void refuses_a_cross_site_fetch_marked_by_the_browser() {
        assertOAuthError(send("GET", "/requests", null, null, "Sec-Fetch-Site", "cross-site"), 403, "access_denied",
                "Sec-Fetch-Site: cross-site");
    }

    @Test
    void refuses_a_same_site_fetch_marked_by_the_browser() {
        assertOAuthError(send("POST", "/reset", "application/json", "{}", "Sec-Fetch-Site", "same-site"), 403,
                "access_denied", "Sec-Fetch-Site: same-site");
    }

    @Test
    void accepts_a_same_origin_fetch_marked_by_the_browser() {
        assertThat(send("GET", "/clients", null, null, "Sec-Fetch-Site", "same-origin").statusCode()).isEqualTo(200);
    }

    @Test
    void refuses_a_foreign_host_name_as_dns_rebinding_would_send_it() {
        String answer = raw("rebind.evil.example:" + server.port(), "GET", "/clients", "");

        assertThat(answer).startsWith("HTTP/1.1 403").contains("access_denied").contains("DNS rebinding")
                .contains("rebind.evil.example");
    }

    @Test
    void accepts_loopback_host_names_and_literals() {
        for (String host : new String[] {"localhost:" + server.port(), "LOCALHOST", "127.0.0.1:" + server.port(),
                "127.1.2.3", "[::1]:" + server.port()}) {
            assertThat(raw(host, "GET", "/clients", "")).as(host).startsWith("HTTP/1.1 200");
        }
    }

    @Test
    void refuses_a_host_that_only_looks_like_loopback() {
        for (String host : new String[] {"127.0.0.1.evil.example", "localhost.evil.example", "127.0.0.999", "evil-localhost"}) {
            assertThat(raw(host, "GET", "/clients", "")).as(host).startsWith("HTTP/1.1 403");
        }
    }

    @Test
    void with_an_admin_token_the_host_is_not_restricted() {
        try (EkoolMockServer guarded = EkoolMockServer.builder().adminToken("an-admin-token-of-some-length").build().start()) {
            String answer;
            try (Socket s = new Socket("127.0.0.1", guarded.port())) {
                s.setSoTimeout(10_000);
                s.getOutputStream().write(("GET /__admin/clients HTTP/1.1\r\nHost: mock.internal\r\nConnection: close\r\n"
                        + "Authorization: Bearer an-admin-token-of-some-length\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                answer = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            assertThat(answer).startsWith("HTTP/1.1 200");
        }
    }
}
