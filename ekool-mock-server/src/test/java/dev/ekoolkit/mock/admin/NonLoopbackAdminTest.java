package dev.ekoolkit.mock.admin;

import dev.ekoolkit.mock.EkoolMockServer;
import dev.ekoolkit.mock.support.Prerequisites;
import dev.ekoolkit.mock.support.TestHttp;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpResponse;

import static dev.ekoolkit.mock.support.OAuthAssertions.assertOAuthError;
import static org.assertj.core.api.Assertions.assertThat;

/** The admin API refuses a caller that reaches the server over a non-loopback address of this machine. */
class NonLoopbackAdminTest {

    @Test
    void refuses_a_non_loopback_caller_without_an_admin_token_but_serves_the_oauth_endpoints() throws Exception {
        InetAddress address = Prerequisites.nonLoopbackIpv4("NonLoopbackAdminTest");
        try (EkoolMockServer server = EkoolMockServer.builder().host(address.getHostAddress()).build().start()) {
            URI base = URI.create("http://" + address.getHostAddress() + ":" + server.port());

            HttpResponse<String> admin = TestHttp.get(base.resolve("/__admin/clients"));
            HttpResponse<String> health = TestHttp.get(base.resolve("/health"));

            assertOAuthError(admin, 403, "access_denied", "only loopback callers");
            assertThat(health.statusCode()).isEqualTo(200);
        }
    }

    @Test
    void lets_a_non_loopback_caller_in_with_the_admin_token() throws Exception {
        InetAddress address = Prerequisites.nonLoopbackIpv4("NonLoopbackAdminTest");
        try (EkoolMockServer server = EkoolMockServer.builder().host(address.getHostAddress())
                .adminToken("admin-token-0123456789").build().start()) {
            URI base = URI.create("http://" + address.getHostAddress() + ":" + server.port());

            HttpResponse<String> admin = TestHttp.get(base.resolve("/__admin/clients"), "Authorization",
                    "Bearer admin-token-0123456789");

            assertThat(admin.statusCode()).isEqualTo(200);
        }
    }
}
