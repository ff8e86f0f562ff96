package dev.ekoolkit.mock.cli;

import dev.ekoolkit.mock.api.Endpoint;
import dev.ekoolkit.mock.config.MockConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServeCommandTest {

    static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void prints_the_login_url_and_serves_http_there_until_stopped() throws Exception {
        try (RunningServe serve = RunningServe.start("serve", "--port", "0")) {
            URI loginUrl = URI.create(serve.awaitLine("login_url"));

            HttpResponse<String> health = get(loginUrl.resolve(Endpoint.HEALTH.path()));

            assertThat(health.statusCode()).isEqualTo(200);
        }
    }

    @Test
    void runs_serve_when_no_command_is_given() throws Exception {
        try (RunningServe serve = RunningServe.start("--port", "0")) {
            assertThat(serve.awaitLine("login_url")).startsWith("http://127.0.0.1:");
        }
    }

    @Test
    void prints_every_value_a_script_needs_each_at_the_start_of_its_own_line() throws Exception {
        try (RunningServe serve = RunningServe.start("--port", "0")) {
            serve.awaitLine("authorize_url");

            assertThat(serve.out().lines().map(line -> line.substring(0, line.indexOf('=') + 1)))
                    .containsExactly("login_url=", "api_url=", "client_id=", "client_secret=", "redirect_uri=",
                            "authorize_url=");
        }
    }

    @Test
    void prints_the_documented_demo_client() throws Exception {
        try (RunningServe serve = RunningServe.start("--port", "0")) {
            assertThat(serve.awaitLine("client_id")).isEqualTo(MockConfig.DEMO_CLIENT_ID);
            assertThat(serve.awaitLine("client_secret")).isEqualTo(MockConfig.DEMO_CLIENT_SECRET);
            assertThat(serve.awaitLine("redirect_uri")).isEqualTo(MockConfig.DEMO_REDIRECT_URI);
        }
    }

    @Test
    void prints_the_same_origin_as_api_url() throws Exception {
        try (RunningServe serve = RunningServe.start("--port", "0")) {
            assertThat(serve.awaitLine("api_url")).isEqualTo(serve.awaitLine("login_url"));
        }
    }

    @Test
    void prints_an_authorize_url_that_opens_the_login_page() throws Exception {
        try (RunningServe serve = RunningServe.start("--port", "0")) {
            HttpResponse<String> page = get(URI.create(serve.awaitLine("authorize_url")));

            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        }
    }

    @Test
    void prints_an_authorize_url_with_every_parameter_of_the_code_flow() throws Exception {
        try (RunningServe serve = RunningServe.start("--port", "0")) {
            URI authorize = URI.create(serve.awaitLine("authorize_url"));

            assertThat(authorize.getPath()).isEqualTo(Endpoint.AUTHORIZE.path());
            assertThat(authorize.getQuery()).contains("response_type=code", "client_id=" + MockConfig.DEMO_CLIENT_ID,
                    "redirect_uri=" + MockConfig.DEMO_REDIRECT_URI, "scope=users-basic", "state=");
        }
    }

    @Test
    void auto_login_without_a_user_redirects_back_with_a_code_for_the_first_configured_user() throws Exception {
        try (RunningServe serve = RunningServe.start("--port", "0", "--auto-login")) {
            HttpResponse<String> answer = get(URI.create(serve.awaitLine("authorize_url")));

            assertThat(answer.statusCode()).isEqualTo(302);
            assertThat(answer.headers().firstValue("Location")).hasValueSatisfying(location ->
                    assertThat(location).startsWith(MockConfig.DEMO_REDIRECT_URI + "?code="));
        }
    }

    @Test
    void auto_login_with_an_unknown_user_is_refused_with_exit_2() throws Exception {
        try (RunningServe serve = RunningServe.start("--port", "0", "--auto-login=nobody-by-this-name")) {
            assertThat(serve.awaitExit()).isEqualTo(2);
            assertThat(serve.err()).contains("--auto-login nobody-by-this-name").doesNotContain("\tat ");
            assertThat(serve.out()).isEmpty();
        }
    }

    @Test
    void stops_cleanly_with_exit_0_and_frees_the_port() throws Exception {
        RunningServe serve = RunningServe.start("--port", "0");
        URI loginUrl = URI.create(serve.awaitLine("login_url"));

        assertThat(serve.stop()).isZero();
        assertThatThrownBy(() -> get(loginUrl.resolve(Endpoint.HEALTH.path()))).isInstanceOf(IOException.class);
    }

    @Test
    void a_port_in_use_is_a_clear_error_with_exit_2() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             RunningServe serve = RunningServe.start("--port", String.valueOf(taken.getLocalPort()))) {
            assertThat(serve.awaitExit()).isEqualTo(2);
            assertThat(serve.err()).contains("127.0.0.1:" + taken.getLocalPort(), "already in use", "--port 0")
                    .doesNotContain("\tat ");
        }
    }

    @Test
    void a_port_out_of_range_is_a_usage_error_with_exit_2() throws Exception {
        try (RunningServe serve = RunningServe.start("--port", "65536")) {
            assertThat(serve.awaitExit()).isEqualTo(2);
            assertThat(serve.err()).contains("--port must be between 0 and 65535").contains("65536");
        }
    }

    @Test
    void a_missing_config_file_is_named_with_exit_2_and_no_stack_trace(@TempDir Path dir) throws Exception {
        Path missing = dir.resolve("nope.yaml");
        try (RunningServe serve = RunningServe.start("--port", "0", "--config", missing.toString())) {
            assertThat(serve.awaitExit()).isEqualTo(2);
            assertThat(serve.err()).contains(missing.toString()).doesNotContain("\tat ").doesNotContain("Exception");
        }
    }

    @Test
    void a_bad_config_file_names_the_file_and_the_problem_with_exit_2(@TempDir Path dir) throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.yaml"), CONFIG.replace(OWN_ID, "tooShort"));
        try (RunningServe serve = RunningServe.start("--port", "0", "--config", bad.toString())) {
            assertThat(serve.awaitExit()).isEqualTo(2);
            assertThat(serve.err()).contains(bad.toString(), "clients[0].client_id", "32")
                    .doesNotContain("\tat ").doesNotContain(OWN_SECRET);
        }
    }

    @Test
    void prints_the_first_configured_client_without_its_secret(@TempDir Path dir) throws Exception {
        Path config = Files.writeString(dir.resolve("mock.yaml"), CONFIG);
        try (RunningServe serve = RunningServe.start("--port", "0", "--config", config.toString())) {
            assertThat(serve.awaitLine("client_id")).isEqualTo(OWN_ID);
            assertThat(serve.awaitLine("redirect_uri")).isEqualTo("http://localhost:3000/callback");
            serve.awaitLine("authorize_url");

            assertThat(serve.out()).doesNotContain("client_secret=");
            assertThat(serve.out() + serve.err()).doesNotContain(OWN_SECRET);
            assertThat(serve.err()).contains("client_secret is not printed");
        }
    }

    @Test
    void auto_login_names_a_configured_user_by_username(@TempDir Path dir) throws Exception {
        Path config = Files.writeString(dir.resolve("mock.yaml"), CONFIG);
        try (RunningServe serve = RunningServe.start("--port", "0", "--config", config.toString(), "--auto-login=juku")) {
            HttpResponse<String> answer = get(URI.create(serve.awaitLine("authorize_url")));

            assertThat(answer.statusCode()).isEqualTo(302);
            assertThat(answer.headers().firstValue("Location")).hasValueSatisfying(location ->
                    assertThat(location).startsWith("http://localhost:3000/callback?code="));
        }
    }

    static final String ADMIN_TOKEN = "admin-token-from-the-environment-42";

    @Test
    void admin_token_env_reads_the_token_from_the_environment_and_the_admin_api_requires_it() throws Exception {
        try (RunningServe serve = RunningServe.startWithEnv(Map.of("MOCK_ADMIN_TOKEN", ADMIN_TOKEN),
                "--port", "0", "--admin-token-env", "MOCK_ADMIN_TOKEN")) {
            URI clients = URI.create(serve.awaitLine("login_url")).resolve("/__admin/clients");

            HttpResponse<String> without = get(clients);
            HttpResponse<String> with = HTTP.send(HttpRequest.newBuilder(clients).header("Authorization", "Bearer " + ADMIN_TOKEN)
                    .build(), HttpResponse.BodyHandlers.ofString());

            assertThat(without.statusCode()).isEqualTo(401);
            assertThat(with.statusCode()).isEqualTo(200);
            assertThat(serve.out() + serve.err()).doesNotContain(ADMIN_TOKEN);
        }
    }

    @Test
    void serve_help_documents_admin_token_env() {
        Cli.Result result = Cli.run("serve", "--help");

        assertThat(result.status()).isZero();
        assertThat(result.out()).contains("--admin-token-env=NAME").contains("never taken from the command line");
    }

    @Test
    void admin_token_env_naming_an_unset_variable_is_exit_2() throws Exception {
        try (RunningServe serve = RunningServe.start("--port", "0", "--admin-token-env", "NOT_SET_ANYWHERE")) {
            assertThat(serve.awaitExit()).isEqualTo(2);
            assertThat(serve.err()).contains("--admin-token-env NOT_SET_ANYWHERE", "no environment variable").doesNotContain("\tat ");
            assertThat(serve.out()).isEmpty();
        }
    }

    @Test
    void admin_token_env_given_the_token_itself_is_refused_without_echoing_it() throws Exception {
        String token = "my-secret-admin-token!";
        try (RunningServe serve = RunningServe.start("--port", "0", "--admin-token-env", token)) {
            assertThat(serve.awaitExit()).isEqualTo(2);
            assertThat(serve.err()).contains("takes the NAME of an environment variable").doesNotContain(token);
        }
    }

    @Test
    void admin_token_env_with_a_too_short_token_is_exit_2_without_echoing_it() throws Exception {
        try (RunningServe serve = RunningServe.startWithEnv(Map.of("SHORT", "short-token"),
                "--port", "0", "--admin-token-env", "SHORT")) {
            assertThat(serve.awaitExit()).isEqualTo(2);
            assertThat(serve.err()).contains("--admin-token-env SHORT", "at least 16 characters").doesNotContain("short-token");
        }
    }

    static final String OWN_ID = "ownClientId000000000000000000000";
    static final String OWN_SECRET = "ownClientSecret0000000000000000000000000";
    static final String CONFIG = """
            clients:
              - client_id: %s
                client_secret: %s
                name: My app
                redirect_uris: [http://localhost:3000/callback]
                scopes: [users-basic]
            users:
              - {id: "1", username: mari, password: pw, first_name: Mari, last_name: Maasikas,
                 email: mari@example.com, personal_code: "61003150227", roles: [student]}
              - {id: "2", username: juku, password: pw, first_name: Juku, last_name: Juurikas,
                 email: juku@example.com, personal_code: "36805280109", roles: [teacher]}
            """.formatted(OWN_ID, OWN_SECRET);

    static HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }
}
