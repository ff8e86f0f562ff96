package dev.ekoolkit.mock.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code serve --public-url}: what serve prints and writes uses the public address; a bad URL is a usage error. */
class ServePublicUrlTest {

    private static final String PUBLIC = "http://ekool-mock.test:9999";

    @Test
    void every_printed_and_written_url_is_the_public_one(@TempDir Path dir) throws Exception {
        Path env = dir.resolve(".env");
        try (RunningServe serve = RunningServe.start("--port", "0", "--public-url", PUBLIC, "--env-file", env.toString())) {
            serve.awaitLine("playground_url");

            assertThat(serve.awaitLine("login_url")).isEqualTo(PUBLIC);
            assertThat(serve.awaitLine("api_url")).isEqualTo(PUBLIC);
            assertThat(serve.awaitLine("authorize_url")).startsWith(PUBLIC + "/oauth/authorize?");
            assertThat(serve.awaitLine("playground_url")).isEqualTo(PUBLIC + "/playground");
            assertThat(serve.out()).doesNotContain("127.0.0.1");
            assertThat(Files.readString(env)).contains("EKOOL_LOGIN_URL=" + PUBLIC + "\n", "EKOOL_API_URL=" + PUBLIC + "\n")
                    .doesNotContain("127.0.0.1");
        }
    }

    @Test
    void a_url_with_a_query_is_a_usage_error_naming_the_rule() throws Exception {
        try (RunningServe serve = RunningServe.start("--port", "0", "--public-url", "http://ekool-mock.test/?a=1")) {
            assertThat(serve.awaitExit()).isEqualTo(2);
            assertThat(serve.err()).contains("--public-url: must be an absolute http or https URL")
                    .contains("got 'http://ekool-mock.test/?a=1' (a query)").doesNotContain("\tat ");
        }
    }

    @Test
    void text_that_is_not_a_uri_is_a_usage_error_naming_the_rule() throws Exception {
        try (RunningServe serve = RunningServe.start("--port", "0", "--public-url", "http://ekool mock")) {
            assertThat(serve.awaitExit()).isEqualTo(2);
            assertThat(serve.err()).contains("--public-url must be an absolute http or https URL")
                    .contains("got 'http://ekool mock', which is not a URI").doesNotContain("\tat ");
        }
    }
}
