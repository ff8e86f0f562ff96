package dev.ekoolkit.mock.cli;

import dev.ekoolkit.mock.config.MockConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The runnable jar started with {@code --auto-login}: after {@code POST /__admin/reset} the next authorization
 * still redirects back with a code instead of showing the login page (a suite that resets between tests
 * must not hang on a page). Run by failsafe with {@code ekool.mock.jar}, like {@link RunnableJarIT}.
 */
@EnabledIfSystemProperty(named = "ekool.mock.jar", matches = ".+")
class ResetKeepsStartupSettingsIT {

    @Test
    void the_jar_keeps_auto_login_after_an_admin_reset() throws Exception {
        Path out = Files.createTempFile("ekool-mock", ".out");
        Path err = Files.createTempFile("ekool-mock", ".err");
        Process process = new ProcessBuilder(RunnableJarIT.command("--port", "0", "--auto-login"))
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try {
            String loginUrl = RunnableJarIT.awaitLine(process, out, "login_url");
            URI authorize = URI.create(RunnableJarIT.awaitLine(process, out, "authorize_url"));

            assertThat(ResetKeepsStartupSettingsTest.reset(URI.create(loginUrl)).statusCode()).isEqualTo(204);
            HttpResponse<String> answer = ServeCommandTest.get(authorize);

            assertThat(answer.statusCode()).as("after reset: %s", answer.body()).isEqualTo(302);
            assertThat(answer.headers().firstValue("Location")).hasValueSatisfying(location ->
                    assertThat(location).startsWith(MockConfig.DEMO_REDIRECT_URI + "?code="));
        } finally {
            process.destroy();
            process.waitFor(30, TimeUnit.SECONDS);
            process.destroyForcibly();
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
