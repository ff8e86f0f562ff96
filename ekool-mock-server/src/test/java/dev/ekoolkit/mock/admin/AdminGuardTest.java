package dev.ekoolkit.mock.admin;

import dev.ekoolkit.core.error.EkoolOAuthException;
import dev.ekoolkit.mock.admin.AdminGuard.AdminRequest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The admin request guard's rules, without HTTP (AdminCrossSiteTest and AdminApiTest check them over HTTP). */
class AdminGuardTest {

    private static final AdminGuard LOOPBACK_ONLY = new AdminGuard(null, () -> "http://127.0.0.1:8089");
    private static final AdminGuard WITH_TOKEN = new AdminGuard("an-admin-token-of-some-length", () -> null);

    private static AdminRequest get(String remote, String host) {
        return new AdminRequest(remote, "GET", host, null, null, null, null);
    }

    private static EkoolOAuthException refusal(AdminGuard guard, AdminRequest request) {
        return catchThrowableOfType(EkoolOAuthException.class, () -> guard.check(request));
    }

    @Test
    void lets_a_loopback_get_with_a_loopback_host_through() {
        assertThatCode(() -> LOOPBACK_ONLY.check(get("127.0.0.1", "localhost:8089"))).doesNotThrowAnyException();
    }

    @Test
    void refuses_a_caller_from_another_address_without_a_token() {
        EkoolOAuthException e = refusal(LOOPBACK_ONLY, get("192.168.1.10", "127.0.0.1:8089"));
        assertThat(e.error()).isEqualTo("access_denied");
        assertThat(e.httpStatus()).isEqualTo(403);
        assertThat(e.errorDescription()).contains("only loopback callers");
    }

    @Test
    void refuses_a_rebound_host_name_and_names_it() {
        EkoolOAuthException e = refusal(LOOPBACK_ONLY, get("127.0.0.1", "attacker.example:8089"));
        assertThat(e.httpStatus()).isEqualTo(403);
        assertThat(e.errorDescription()).contains("DNS rebinding").contains("got Host 'attacker.example:8089'");
    }

    @Test
    void refuses_another_origin_and_another_site() {
        AdminRequest otherOrigin = new AdminRequest("127.0.0.1", "GET", "127.0.0.1:8089", "http://evil.example",
                null, null, null);
        AdminRequest otherSite = new AdminRequest("127.0.0.1", "GET", "127.0.0.1:8089", null, "cross-site", null, null);

        assertThat(refusal(LOOPBACK_ONLY, otherOrigin).errorDescription()).contains("cross-origin")
                .contains("'http://evil.example'");
        assertThat(refusal(LOOPBACK_ONLY, otherSite).errorDescription()).contains("Sec-Fetch-Site: cross-site");
    }

    @Test
    void refuses_a_post_that_is_not_json_with_415() {
        AdminRequest form = new AdminRequest("127.0.0.1", "POST", "127.0.0.1:8089", null, null,
                "application/x-www-form-urlencoded", null);
        EkoolOAuthException e = refusal(LOOPBACK_ONLY, form);
        assertThat(e.httpStatus()).isEqualTo(415);
        assertThat(e.errorDescription()).contains("got 'application/x-www-form-urlencoded'");
    }

    @Test
    void with_a_token_requires_it_from_every_caller_and_never_prints_it() {
        AdminRequest wrong = new AdminRequest("192.168.1.10", "GET", "mock.example", null, null, null, "Bearer nope");
        AdminRequest right = new AdminRequest("192.168.1.10", "GET", "mock.example", null, null, null,
                "Bearer an-admin-token-of-some-length");

        EkoolOAuthException e = refusal(WITH_TOKEN, wrong);
        assertThat(e.error()).isEqualTo("invalid_token");
        assertThat(e.httpStatus()).isEqualTo(401);
        assertThat(e.errorDescription()).doesNotContain("an-admin-token-of-some-length").doesNotContain("nope");
        assertThatCode(() -> WITH_TOKEN.check(right)).doesNotThrowAnyException();
        assertThat(right.toString()).doesNotContain("an-admin-token-of-some-length");
    }

    @Test
    void loopback_detection_accepts_loopback_and_refuses_other_addresses() {
        assertThat(AdminGuard.isLoopback("127.0.0.1")).isTrue();
        assertThat(AdminGuard.isLoopback("127.0.0.2")).isTrue();
        assertThat(AdminGuard.isLoopback("::1")).isTrue();
        assertThat(AdminGuard.isLoopback("192.168.1.10")).isFalse();
        assertThat(AdminGuard.isLoopback("10.0.0.1")).isFalse();
    }

    @Test
    void loopback_host_detection_never_resolves_names() {
        assertThat(AdminGuard.isLoopbackHost(AdminGuard.hostName("127.0.0.1:8080"))).isTrue();
        assertThat(AdminGuard.isLoopbackHost(AdminGuard.hostName("[::1]:8080"))).isTrue();
        assertThat(AdminGuard.isLoopbackHost(AdminGuard.hostName("localhost."))).isTrue();
        assertThat(AdminGuard.isLoopbackHost(AdminGuard.hostName("127.256.0.1"))).isFalse();
        assertThat(AdminGuard.isLoopbackHost(AdminGuard.hostName("example.com"))).isFalse();
        assertThat(AdminGuard.isLoopbackHost(AdminGuard.hostName(null))).isFalse();
    }
}
