package dev.ekoolkit.mock.admin;

import dev.ekoolkit.mock.EkoolMockServer;
import dev.ekoolkit.mock.support.Prerequisites;
import dev.ekoolkit.mock.support.TestHttp;
import org.junit.jupiter.api.Test;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Collections;
import java.util.Optional;

import static dev.ekoolkit.mock.support.OAuthAssertions.assertOAuthError;
import static org.assertj.core.api.Assertions.assertThat;

/** The admin API refuses a caller that reaches the server over a non-loopback address of this machine. */
class NonLoopbackAdminTest {

    private static Optional<InetAddress> nonLoopbackAddress() throws SocketException {
        for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!nif.isUp() || nif.isLoopback()) {
                continue;
            }
            for (InetAddress a : Collections.list(nif.getInetAddresses())) {
                if (a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress()) {
                    return Optional.of(a);
                }
            }
        }
        return Optional.empty();
    }

    private static void requireAddress(Optional<InetAddress> address) {
        Prerequisites.require(address.isPresent(), "NonLoopbackAdminTest", "a network interface that is up with a"
                + " non-loopback, non-link-local IPv4 address", "run it on a machine or container with a network (Docker:"
                + " not --network none)");
    }

    @Test
    void refuses_a_non_loopback_caller_without_an_admin_token_but_serves_the_oauth_endpoints() throws Exception {
        Optional<InetAddress> address = nonLoopbackAddress();
        requireAddress(address);
        try (EkoolMockServer server = EkoolMockServer.builder().host(address.get().getHostAddress()).build().start()) {
            URI base = URI.create("http://" + address.get().getHostAddress() + ":" + server.port());

            HttpResponse<String> admin = TestHttp.get(base.resolve("/__admin/clients"));
            HttpResponse<String> health = TestHttp.get(base.resolve("/health"));

            assertOAuthError(admin, 403, "access_denied", "only loopback callers");
            assertThat(health.statusCode()).isEqualTo(200);
        }
    }

    @Test
    void lets_a_non_loopback_caller_in_with_the_admin_token() throws Exception {
        Optional<InetAddress> address = nonLoopbackAddress();
        requireAddress(address);
        try (EkoolMockServer server = EkoolMockServer.builder().host(address.get().getHostAddress())
                .adminToken("admin-token-0123456789").build().start()) {
            URI base = URI.create("http://" + address.get().getHostAddress() + ":" + server.port());

            HttpResponse<String> admin = TestHttp.get(base.resolve("/__admin/clients"), "Authorization",
                    "Bearer admin-token-0123456789");

            assertThat(admin.statusCode()).isEqualTo(200);
        }
    }
}
