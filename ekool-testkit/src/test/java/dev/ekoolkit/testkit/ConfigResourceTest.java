package dev.ekoolkit.testkit;

import dev.ekoolkit.testkit.example.Browser;
import dev.ekoolkit.testkit.example.GreetingApp;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A configuration resource replaces the embedded default: its first client is the default client. */
@EkoolMockTest(config = "ekool-mock-school.yaml", autoLogin = "peeter")
class ConfigResourceTest {

    @Test
    void the_default_client_comes_from_the_resource(EkoolMock ekool) {
        assertThat(ekool.client().clientId().value()).isEqualTo("SchoolLibraryApp0000000000000001");
        assertThat(ekool.redirectUri().value()).isEqualTo("http://127.0.0.1:8080/oauth2/callback");
    }

    @Test
    void the_users_come_from_the_resource(EkoolMock ekool) {
        try (GreetingApp app = GreetingApp.start(ekool.properties())) {
            ekool.allowRedirectUri(app.callbackUri().toString());

            assertThat(Browser.open(app.loginUrl()).body()).isEqualTo("Hello, Peeter");
        }
    }
}
