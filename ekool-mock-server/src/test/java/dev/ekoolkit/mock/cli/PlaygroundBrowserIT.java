package dev.ekoolkit.mock.cli;

import dev.ekoolkit.mock.browser.Chromium;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The first ten minutes of a newcomer, in a real browser: the README's start command (the runnable jar, as a
 * separate process; {@code --port 0} instead of the default 8089 so parallel builds do not collide), then
 * {@code playground_url} opened in headless Chromium, a login with the password the login page shows, Allow,
 * and the playground's success page with the token and the profile. Run by failsafe, which passes the jar.
 */
@EnabledIfSystemProperty(named = "ekool.mock.jar", matches = ".+")
class PlaygroundBrowserIT {

    @Test
    void from_the_readme_start_command_to_the_playgrounds_success_page() throws Exception {
        Chromium.requireInstalled("PlaygroundBrowserIT");
        Path out = Files.createTempFile("ekool-mock", ".out");
        Path err = Files.createTempFile("ekool-mock", ".err");
        Process mock = new ProcessBuilder(RunnableJarIT.command("--port", "0"))
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        WebDriver browser = null;
        try {
            String playgroundUrl = RunnableJarIT.awaitLine(mock, out, "playground_url");
            browser = Chromium.open();

            browser.get(playgroundUrl);
            assertThat(browser.getTitle()).isEqualTo("Playground - eKool mock");
            Chromium.element(browser, "pkce").sendKeys("S256");
            Chromium.element(browser, "start").click();

            String password = Chromium.element(browser, "password-of-mari").getText();
            Chromium.element(browser, "username").sendKeys("mari");
            browser.findElement(By.id("password")).sendKeys(password);
            browser.findElement(By.id("password-submit")).click();
            Chromium.element(browser, "approve").click();

            assertThat(Chromium.element(browser, "result").getText()).isEqualTo("Logged in");
            assertThat(browser.getCurrentUrl()).startsWith(playgroundUrl + "/callback?code=");
            assertThat(browser.findElement(By.id("token-claims")).getText()).contains("\"sub\" : \"100001\"");
            assertThat(browser.findElement(By.id("user-basic")).getText())
                    .contains("\"firstName\" : \"Mari\"", "\"lastName\" : \"Maasikas\"");
            assertThat(browser.findElement(By.id("curl-token")).getText()).startsWith("curl -sS -u ");
        } finally {
            if (browser != null) {
                browser.quit();
            }
            mock.destroy();
            assertThat(mock.waitFor(30, TimeUnit.SECONDS)).as("the mock stopped on SIGTERM").isTrue();
            String stderr = Files.readString(err);
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
            assertThat(mock.exitValue()).as(stderr).isZero();
        }
    }
}
