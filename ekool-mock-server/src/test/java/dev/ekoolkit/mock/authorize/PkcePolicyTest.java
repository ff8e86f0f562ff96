package dev.ekoolkit.mock.authorize;

import dev.ekoolkit.mock.EkoolMockServer;
import dev.ekoolkit.mock.config.MockConfig;
import dev.ekoolkit.mock.config.MockConfig.PkcePolicy;
import dev.ekoolkit.mock.support.Flows;
import dev.ekoolkit.mock.support.TestHttp;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The PKCE policy at the authorize step: {@code required} refuses a request without {@code code_challenge},
 * {@code s256} also refuses {@code plain}, each as a redirect with {@code invalid_request} naming the rule
 * (RFC 7636 section 4.4.1); {@code optional} is the default.
 */
class PkcePolicyTest {

    private static EkoolMockServer start(PkcePolicy policy) {
        return EkoolMockServer.builder().autoLogin("mari").pkce(policy).build().start();
    }

    private static Map<String, String> refusedWith(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location").orElseThrow()).startsWith(MockConfig.DEMO_REDIRECT_URI + "?");
        Map<String, String> params = TestHttp.locationParams(r);
        assertThat(params).doesNotContainKey("code").containsEntry("error", "invalid_request").containsEntry("state", "st-123");
        return params;
    }

    @Test
    void the_default_policy_is_optional() {
        assertThat(MockConfig.defaults().pkce()).isEqualTo(PkcePolicy.OPTIONAL);
        try (EkoolMockServer server = EkoolMockServer.builder().autoLogin("mari").build().start()) {
            assertThat(Flows.exchange(server, Flows.code(server)).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void required_refuses_an_authorization_without_code_challenge_by_redirect() {
        try (EkoolMockServer server = start(PkcePolicy.REQUIRED)) {
            assertThat(refusedWith(Flows.authorize(server))).containsEntry("error_description", "code_challenge is required:"
                    + " this server's PKCE policy is 'required', so every authorization request must carry a"
                    + " code_challenge (RFC 7636 section 4.4.1)");
        }
    }

    @Test
    void required_accepts_plain_and_s256() {
        try (EkoolMockServer server = start(PkcePolicy.REQUIRED)) {
            String plain = Flows.code(server, "code_challenge", Flows.VERIFIER, "code_challenge_method", "plain");
            assertThat(Flows.exchange(server, plain, "code_verifier", Flows.VERIFIER).statusCode()).isEqualTo(200);
            String s256 = Flows.code(server, "code_challenge", Flows.CHALLENGE, "code_challenge_method", "S256");
            assertThat(Flows.exchange(server, s256, "code_verifier", Flows.VERIFIER).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void s256_refuses_an_authorization_without_code_challenge() {
        try (EkoolMockServer server = start(PkcePolicy.S256)) {
            assertThat(refusedWith(Flows.authorize(server)).get("error_description"))
                    .contains("policy is 's256'").contains("RFC 7636 section 4.4.1");
        }
    }

    @Test
    void s256_refuses_an_explicit_plain_challenge() {
        try (EkoolMockServer server = start(PkcePolicy.S256)) {
            HttpResponse<String> r = Flows.authorize(server, "code_challenge", Flows.VERIFIER, "code_challenge_method", "plain");
            assertThat(refusedWith(r)).containsEntry("error_description", "code_challenge_method must be S256: this"
                    + " server's PKCE policy is 's256', which refuses 'plain' (RFC 7636 section 4.4.1)");
        }
    }

    @Test
    void s256_refuses_a_challenge_without_a_method_because_that_means_plain() {
        try (EkoolMockServer server = start(PkcePolicy.S256)) {
            HttpResponse<String> r = Flows.authorize(server, "code_challenge", Flows.VERIFIER);
            assertThat(refusedWith(r)).containsEntry("error_description", "code_challenge_method must be S256: this"
                    + " server's PKCE policy is 's256', which refuses 'plain' (the method when code_challenge_method"
                    + " is omitted) (RFC 7636 section 4.4.1)");
        }
    }

    @Test
    void s256_accepts_an_s256_challenge_and_its_verifier() {
        try (EkoolMockServer server = start(PkcePolicy.S256)) {
            String code = Flows.code(server, "code_challenge", Flows.CHALLENGE, "code_challenge_method", "S256");
            assertThat(Flows.exchange(server, code, "code_verifier", Flows.VERIFIER).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void the_policy_survives_a_reset() {
        try (EkoolMockServer server = start(PkcePolicy.REQUIRED)) {
            server.reset();
            assertThat(refusedWith(Flows.authorize(server))).containsKey("error_description");
        }
    }
}
