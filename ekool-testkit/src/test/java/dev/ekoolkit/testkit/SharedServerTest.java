package dev.ekoolkit.testkit;

import dev.ekoolkit.mock.api.Endpoint;
import dev.ekoolkit.mock.api.Fault;
import dev.ekoolkit.mock.config.MockConfig;
import dev.ekoolkit.testkit.example.Browser;
import dev.ekoolkit.testkit.example.GreetingApp;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** One server for the whole run, reset before each test. */
@EkoolMockTest(shared = true)
class SharedServerTest {

    @Test
    void greets_the_user_the_test_chose(EkoolMock ekool) {
        try (GreetingApp app = GreetingApp.start(ekool.properties())) {
            ekool.allowRedirectUri(app.callbackUri().toString());
            ekool.loginAs("jaan");

            assertThat(Browser.open(app.loginUrl()).body()).isEqualTo("Hello, Jaan");
        }
    }

    @Test
    void begins_each_test_reset_to_the_configuration(EkoolMock ekool) {
        assertThat(ekool.requests()).isEmpty();
        // The two configured redirect URIs and the playground's callback, which the server adds when it starts.
        assertThat(ekool.defaultClient().redirectUris()).extracting(Object::toString).containsExactly(
                MockConfig.DEMO_REDIRECT_URI, MockConfig.DEMO_REDIRECT_URI_IPV4, ekool.url(MockConfig.PLAYGROUND_CALLBACK_PATH).toString());
        ekool.failNext(Endpoint.TOKEN, Fault.httpStatus(503).times(5));
        ekool.allowRedirectUri("http://127.0.0.1:1/leftover");
    }
}
