package dev.ekoolkit.testkit;

import dev.ekoolkit.mock.api.Endpoint;
import dev.ekoolkit.testkit.example.Browser;
import dev.ekoolkit.testkit.example.GreetingApp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** An instance field: a fresh server for every test. */
class PerTestInstanceFieldTest {

    @RegisterExtension
    EkoolMockExtension ekool = EkoolMockExtension.builder().build();

    private GreetingApp app;

    @BeforeEach
    void start_the_app(EkoolMock mock) {
        app = GreetingApp.start(mock.properties());
        mock.allowRedirectUri(app.callbackUri().toString());
    }

    @AfterEach
    void stop_the_app() {
        app.close();
    }

    @Test
    void greets_whoever_the_test_logs_in() {
        ekool.mock().loginAs("tiina");

        assertThat(Browser.open(app.loginUrl()).body()).isEqualTo("Hello, Tiina");
    }

    @Test
    void starts_with_nothing_recorded_and_nothing_queued(EkoolMock mock) {
        assertThat(mock.requests()).isEmpty();
        mock.loginAs("mari");

        assertThat(Browser.open(app.loginUrl()).body()).isEqualTo("Hello, Mari");
        assertThat(mock.requests(Endpoint.TOKEN)).hasSize(1);
    }
}
