package dev.ekoolkit.mock.cli;

import dev.ekoolkit.mock.config.MockConfig;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code POST /__admin/reset} on a running {@code serve} goes back to the command line's settings, auto-login included. */
class ResetKeepsStartupSettingsTest {

    @Test
    void auto_login_without_a_user_survives_an_admin_reset() throws Exception {
        try (RunningServe serve = RunningServe.start("--port", "0", "--auto-login")) {
            URI authorize = URI.create(serve.awaitLine("authorize_url"));

            assertThat(reset(URI.create(serve.awaitLine("login_url"))).statusCode()).isEqualTo(204);
            HttpResponse<String> answer = ServeCommandTest.get(authorize);

            assertThat(answer.statusCode()).as("after reset: %s", answer.body()).isEqualTo(302);
            assertThat(answer.headers().firstValue("Location")).hasValueSatisfying(location ->
                    assertThat(location).startsWith(MockConfig.DEMO_REDIRECT_URI + "?code="));
        }
    }

    @Test
    void auto_login_as_a_named_user_survives_an_admin_reset() throws Exception {
        try (RunningServe serve = RunningServe.start("--port", "0", "--auto-login", "mari")) {
            URI authorize = URI.create(serve.awaitLine("authorize_url"));

            assertThat(reset(URI.create(serve.awaitLine("login_url"))).statusCode()).isEqualTo(204);
            HttpResponse<String> answer = ServeCommandTest.get(authorize);

            assertThat(answer.statusCode()).as("after reset: %s", answer.body()).isEqualTo(302);
        }
    }

    static HttpResponse<String> reset(URI loginUrl) throws Exception {
        return ServeCommandTest.HTTP.send(HttpRequest.newBuilder(URI.create(loginUrl + "/__admin/reset"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
