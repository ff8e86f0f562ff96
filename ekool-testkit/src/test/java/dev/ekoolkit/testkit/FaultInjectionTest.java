package dev.ekoolkit.testkit;

import dev.ekoolkit.mock.api.Endpoint;
import dev.ekoolkit.mock.api.Fault;
import dev.ekoolkit.testkit.example.Browser;
import dev.ekoolkit.testkit.example.GreetingApp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scripted failures reach the application as eKool's would. The regions marked app-example are the example of
 * docs/testkit.md, joined ({@code DocsExamplesTest} keeps them identical).
 */
// app-example:start
@EkoolMockTest(autoLogin = "mari")
class FaultInjectionTest {
    private GreetingApp app;

    @BeforeEach
    void start_the_app(EkoolMock ekool) {
        app = GreetingApp.start(ekool.properties());               // ekool.login-url, ekool.client-id, ...
        ekool.allowRedirectUri(app.callbackUri().toString());      // the app listens on a random port
    }

    @AfterEach
    void stop_the_app() {
        app.close();
    }

    @Test
    void the_app_reports_a_token_endpoint_error(EkoolMock ekool) {
        ekool.failNext(Endpoint.TOKEN, Fault.oauthError("temporarily_unavailable", "eKool is being updated", 503));

        HttpResponse<String> page = Browser.open(app.loginUrl());

        assertThat(page.statusCode()).isEqualTo(502);
        assertThat(page.body()).isEqualTo("Sign-in failed: temporarily_unavailable");
    }
// app-example:end

    @Test
    void the_app_reports_a_profile_endpoint_behind_a_broken_proxy(EkoolMock ekool) {
        ekool.failNext(Endpoint.USER_BASIC, 502);

        assertThat(Browser.open(app.loginUrl()).body()).startsWith("Sign-in failed: ");
    }

    @Test
    void the_app_reports_a_refused_authorization(EkoolMock ekool) {
        ekool.failNext(Endpoint.AUTHORIZE, Fault.oauthError("access_denied", "the user said no"));

        HttpResponse<String> page = Browser.open(app.loginUrl());

        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.body()).isEqualTo("Sign-in cancelled: access_denied");
    }

    @Test
    void a_fault_is_used_up_by_one_request(EkoolMock ekool) {
        ekool.failNext(Endpoint.TOKEN, Fault.oauthError("server_error", "once"));
        Browser.open(app.loginUrl());

        assertThat(Browser.open(app.loginUrl()).body()).isEqualTo("Hello, Mari");
    }

    @Test
    void a_delayed_answer_still_arrives(EkoolMock ekool) {
        ekool.delayNext(Endpoint.USER_BASIC, java.time.Duration.ofMillis(50));

        assertThat(Browser.open(app.loginUrl()).body()).isEqualTo("Hello, Mari");
    }
// app-example:start
}
// app-example:end
