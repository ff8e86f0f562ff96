package dev.ekoolkit.mock.browser;

import com.sun.net.httpserver.HttpServer;
import dev.ekoolkit.core.client.RedirectUri;
import dev.ekoolkit.core.credentials.ClientCredentials;
import dev.ekoolkit.core.flow.EkoolOAuthClient;
import dev.ekoolkit.core.flow.EkoolUser;
import dev.ekoolkit.core.flow.PendingAuthorization;
import dev.ekoolkit.core.flow.TokenSet;
import dev.ekoolkit.core.scope.Scopes;
import dev.ekoolkit.mock.EkoolMockServer;
import dev.ekoolkit.mock.config.MockClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real browser (Debian's headless Chromium, driven by its packaged chromedriver) goes through the
 * mock's login page and consent page to the application's callback, and the code it carries is
 * exchanged by ekool-core's client. {@code .ci/run} installs the browser; on CI a missing browser fails
 * the test instead of skipping it.
 */
class BrowserLoginTest {

    private static EkoolMockServer server;
    private static HttpServer callbackServer;
    private static final BlockingQueue<URI> callbacks = new ArrayBlockingQueue<>(8);
    private static EkoolOAuthClient client;

    private WebDriver browser;

    @BeforeAll
    static void startServers() throws Exception {
        Chromium.requireInstalled("BrowserLoginTest");
        callbackServer = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        callbackServer.createContext("/callback", exchange -> {
            callbacks.add(URI.create("http://127.0.0.1:" + callbackServer.getAddress().getPort()
                    + exchange.getRequestURI()));
            byte[] body = "<!doctype html><title>Back in the app</title><p id=\"done\">Signed in</p>"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        callbackServer.start();

        server = EkoolMockServer.builder().build().start();
        RedirectUri redirect = RedirectUri.of("http://127.0.0.1:" + callbackServer.getAddress().getPort() + "/callback");
        MockClient app = server.registerClient(MockClient.of(ClientCredentials.generate(new SecureRandom()),
                "Browser test app", List.of(redirect), Scopes.of("users-basic")));
        client = EkoolOAuthClient.builder()
                .environment(server.environment())
                .credentials(app.credentials())
                .redirectUri(redirect)
                .build();
    }

    @AfterAll
    static void stopServers() {
        if (server != null) {
            server.close();
        }
        if (callbackServer != null) {
            callbackServer.stop(0);
        }
    }

    @BeforeEach
    void openBrowser() throws Exception {
        callbacks.clear();
        browser = Chromium.open();
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    private WebElement element(String id) {
        return Chromium.element(browser, id);
    }

    @Test
    void a_user_logs_in_with_a_password_approves_and_the_app_gets_a_code_for_her_profile() throws Exception {
        PendingAuthorization pending = client.startAuthorization();

        browser.get(pending.authorizationUri().toString());
        assertThat(browser.getTitle()).isEqualTo("Log in - eKool mock");
        element("username").sendKeys("mari");
        browser.findElement(By.id("password")).sendKeys("demo-student");
        browser.findElement(By.id("password-submit")).click();

        assertThat(element("scopes").getText()).contains("basic profile");
        element("approve").click();

        URI callback = callbacks.poll(20, TimeUnit.SECONDS);
        assertThat(callback).as("the browser reached the app's callback").isNotNull();
        assertThat(element("done").getText()).isEqualTo("Signed in");
        assertThat(callback.getRawQuery()).contains("code=").contains("state=" + pending.state());

        TokenSet tokens = client.completeAuthorization(pending, callback);
        EkoolUser user = client.fetchBasicProfile(tokens.accessToken());
        assertThat(user.firstName()).isEqualTo("Mari");
        assertThat(user.lastName()).isEqualTo("Maasikas");
    }

    @Test
    void a_user_who_denies_consent_is_sent_back_with_access_denied_and_the_state() throws Exception {
        PendingAuthorization pending = client.startAuthorization();

        browser.get(pending.authorizationUri().toString());
        element("pick-jaan").click();
        element("deny").click();

        URI callback = callbacks.poll(20, TimeUnit.SECONDS);
        assertThat(callback).as("the browser reached the app's callback").isNotNull();
        assertThat(callback.getRawQuery()).contains("error=access_denied").contains("state=" + pending.state())
                .doesNotContain("code=");
    }
}
