package dev.ekoolkit.mock.cli;

import dev.ekoolkit.mock.config.MockConfig;
import dev.ekoolkit.mock.support.TestHttp;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code serve --pkce optional|required|s256}: the policy the running server enforces, and a bad value. */
class ServePkceOptionTest {

    @Test
    void pkce_s256_refuses_the_printed_authorize_url_which_has_no_code_challenge() throws Exception {
        try (RunningServe serve = RunningServe.start("--port", "0", "--pkce", "s256")) {
            HttpResponse<String> r = ServeCommandTest.get(URI.create(serve.awaitLine("authorize_url")));

            assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
            assertThat(r.headers().firstValue("Location").orElseThrow()).startsWith(MockConfig.DEMO_REDIRECT_URI + "?");
            Map<String, String> params = TestHttp.locationParams(r);
            assertThat(params).containsEntry("error", "invalid_request").doesNotContainKey("code");
            assertThat(params.get("error_description")).contains("PKCE policy is 's256'");
        }
    }

    @Test
    void pkce_optional_keeps_todays_behaviour() throws Exception {
        try (RunningServe serve = RunningServe.start("--port", "0", "--pkce=optional", "--auto-login")) {
            HttpResponse<String> r = ServeCommandTest.get(URI.create(serve.awaitLine("authorize_url")));

            assertThat(r.statusCode()).isEqualTo(302);
            assertThat(TestHttp.locationParams(r)).containsKey("code");
        }
    }

    @Test
    void an_unknown_policy_is_a_usage_error_naming_the_accepted_values() throws Exception {
        try (RunningServe serve = RunningServe.start("--port", "0", "--pkce", "strict")) {
            assertThat(serve.awaitExit()).isEqualTo(2);
            assertThat(serve.err()).contains("--pkce must be one of optional, required, s256; got 'strict'")
                    .doesNotContain("\tat ");
            assertThat(serve.out()).isEmpty();
        }
    }
}
