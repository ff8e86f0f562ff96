package dev.ekoolkit.testkit;

import dev.ekoolkit.mock.api.Endpoint;
import dev.ekoolkit.testkit.example.Browser;
import dev.ekoolkit.testkit.example.GreetingApp;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static dev.ekoolkit.testkit.EkoolAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** Verifies what the application sent, with EkoolAssertions. */
@EkoolMockTest(autoLogin = "mari")
class VerificationTest {

    @Test
    void the_app_sends_a_pkce_authorization_request_for_users_basic(EkoolMock ekool) {
        try (GreetingApp app = signIn(ekool, ekool.properties())) {
            assertThat(ekool.takeRequest(Endpoint.AUTHORIZE))
                    .hasClientId(ekool.client().clientId())
                    .hasRedirectUri(app.callbackUri())
                    .hasScope("users-basic")
                    .hasState()
                    .usedPkce()
                    .hasParam("response_type", "code");
        }
    }

    @Test
    void the_app_exchanges_the_code_with_form_credentials_and_the_verifier(EkoolMock ekool) {
        try (GreetingApp app = signIn(ekool, ekool.properties())) {
            // verification-example:start
            assertThat(ekool.takeRequest(Endpoint.TOKEN))
                    .isTokenRequest()
                    .hasGrantType("authorization_code")
                    .usedClientSecretPost()
                    .hasClientId(ekool.client().clientId())
                    .hasRedirectUri(app.callbackUri())
                    .usedPkce()
                    .hasParam("client_secret", "****")
                    .hasStatus(200);
            // verification-example:end
        }
    }

    @Test
    void the_app_can_authenticate_with_http_basic(EkoolMock ekool) {
        Map<String, String> settings = new LinkedHashMap<>(ekool.properties());
        settings.put("ekool.client-auth", "basic");
        try (GreetingApp ignored = signIn(ekool, settings)) {
            assertThat(ekool.takeRequest(Endpoint.TOKEN)).usedClientSecretBasic().doesNotHaveParam("client_secret");
        }
    }

    @Test
    void the_app_reads_the_profile_with_a_bearer_token(EkoolMock ekool) {
        try (GreetingApp ignored = signIn(ekool, ekool.properties())) {
            assertThat(ekool.takeRequest(Endpoint.USER_BASIC)).usedBearerToken().hasStatus(200);
        }
    }

    private static GreetingApp signIn(EkoolMock ekool, Map<String, String> settings) {
        ekool.reset();   // the server is per class: forget what earlier tests recorded
        GreetingApp app = GreetingApp.start(settings);
        ekool.allowRedirectUri(app.callbackUri().toString());
        assertThat(Browser.open(app.loginUrl()).body()).isEqualTo("Hello, Mari");
        return app;
    }
}
