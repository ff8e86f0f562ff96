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
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
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
                            "authorize_url=", "playground_url=");
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

    @Test
    void a_mistyped_option_gets_a_suggestion_even_when_its_first_letters_differ() {
        Cli.Result result = Cli.run("--prot", "0");

        assertThat(result.status()).isEqualTo(2);
        assertThat(result.err()).contains("'--prot'").contains("Possible solutions: --port");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void a_mistyped_option_sharing_its_first_letters_still_gets_picoclis_suggestion() {
        Cli.Result result = Cli.run("--auto-logn");

        assertThat(result.status()).isEqualTo(2);
        assertThat(result.err()).contains("Possible solutions: --auto-login");
    }

    static final String APP_CALLBACK = "http://localhost:5000/callback";

    @Test
    void redirect_uri_adds_a_redirect_uri_that_serve_prints_and_the_authorize_endpoint_redirects_to() throws Exception {
        try (RunningServe serve = RunningServe.start("--port", "0", "--auto-login", "--redirect-uri", APP_CALLBACK)) {
            assertThat(serve.awaitLine("redirect_uri")).isEqualTo(APP_CALLBACK);

            HttpResponse<String> answer = get(URI.create(serve.awaitLine("authorize_url")));

            assertThat(answer.statusCode()).isEqualTo(302);
            assertThat(answer.headers().firstValue("Location")).hasValueSatisfying(location ->
                    assertThat(location).startsWith(APP_CALLBACK + "?code="));
        }
    }

    @Test
    void redirect_uri_keeps_the_demo_clients_own_redirect_uris() throws Exception {
        try (RunningServe serve = RunningServe.start("--port", "0", "--auto-login", "--redirect-uri", APP_CALLBACK,
                "--redirect-uri=http://127.0.0.1:5000/callback")) {
            URI authorize = URI.create(serve.awaitLine("login_url") + Endpoint.AUTHORIZE.path()
                    + "?response_type=code&scope=users-basic&client_id=" + MockConfig.DEMO_CLIENT_ID
                    + "&redirect_uri=" + MockConfig.DEMO_REDIRECT_URI);

            HttpResponse<String> answer = get(authorize);

            assertThat(answer.statusCode()).isEqualTo(302);
            assertThat(answer.headers().firstValue("Location")).hasValueSatisfying(location ->
                    assertThat(location).startsWith(MockConfig.DEMO_REDIRECT_URI + "?code="));
        }
    }

    @Test
    void redirect_uri_adds_to_the_first_configured_client(@TempDir Path dir) throws Exception {
        Path config = Files.writeString(dir.resolve("mock.yaml"), CONFIG);
        try (RunningServe serve = RunningServe.start("--port", "0", "--config", config.toString(), "--auto-login",
                "--redirect-uri", APP_CALLBACK)) {
            assertThat(serve.awaitLine("client_id")).isEqualTo(OWN_ID);

            HttpResponse<String> answer = get(URI.create(serve.awaitLine("authorize_url")));

            assertThat(answer.headers().firstValue("Location")).hasValueSatisfying(location ->
                    assertThat(location).startsWith(APP_CALLBACK + "?code="));
        }
    }

    @Test
    void says_where_the_browser_goes_after_a_login_and_how_to_change_it() throws Exception {
        try (RunningServe serve = RunningServe.start("--port", "0")) {
            serve.awaitLine("authorize_url");

            assertThat(serve.err()).contains("after a login the browser goes to " + MockConfig.DEMO_REDIRECT_URI)
                    .contains("--redirect-uri");
        }
    }

    @Test
    void a_redirect_uri_breaking_the_rules_is_a_usage_error_naming_it_and_the_rule() throws Exception {
        try (RunningServe serve = RunningServe.start("--port", "0", "--redirect-uri", "http://app.example.com/callback")) {
            assertThat(serve.awaitExit()).isEqualTo(2);
            assertThat(serve.err()).contains("--redirect-uri http://app.example.com/callback", "https",
                    "http only on localhost").doesNotContain("\tat ");
            assertThat(serve.out()).isEmpty();
        }
    }

    @Test
    void env_file_holds_what_serve_prints_as_ekool_variables_readable_by_the_owner_only(@TempDir Path dir) throws Exception {
        Path envFile = dir.resolve(".env");
        try (RunningServe serve = RunningServe.start("--port", "0", "--env-file", envFile.toString())) {
            String loginUrl = serve.awaitLine("login_url");

            assertThat(variables(envFile)).containsExactly(
                    Map.entry("EKOOL_LOGIN_URL", loginUrl),
                    Map.entry("EKOOL_API_URL", loginUrl),
                    Map.entry("EKOOL_CLIENT_ID", MockConfig.DEMO_CLIENT_ID),
                    Map.entry("EKOOL_CLIENT_SECRET", MockConfig.DEMO_CLIENT_SECRET),
                    Map.entry("EKOOL_REDIRECT_URI", MockConfig.DEMO_REDIRECT_URI));
            assertThat(Files.getPosixFilePermissions(envFile)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
            assertThat(get(URI.create(loginUrl + Endpoint.HEALTH.path())).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void env_file_names_the_first_added_redirect_uri(@TempDir Path dir) throws Exception {
        Path envFile = dir.resolve("mock.env");
        try (RunningServe serve = RunningServe.start("--port", "0", "--env-file=" + envFile, "--redirect-uri", APP_CALLBACK)) {
            serve.awaitLine("authorize_url");

            assertThat(variables(envFile)).containsEntry("EKOOL_REDIRECT_URI", APP_CALLBACK);
        }
    }

    @Test
    void env_file_replaces_a_readable_file_with_an_owner_only_one(@TempDir Path dir) throws Exception {
        Path envFile = Files.writeString(dir.resolve(".env"), "OLD=1\n");
        Files.setPosixFilePermissions(envFile, PosixFilePermissions.fromString("rw-r--r--"));
        try (RunningServe serve = RunningServe.start("--port", "0", "--env-file", envFile.toString())) {
            serve.awaitLine("authorize_url");

            assertThat(variables(envFile)).doesNotContainKey("OLD").containsKey("EKOOL_LOGIN_URL");
            assertThat(Files.getPosixFilePermissions(envFile)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        }
    }

    @Test
    void env_file_leaves_out_a_configured_clients_secret(@TempDir Path dir) throws Exception {
        Path config = Files.writeString(dir.resolve("mock.yaml"), CONFIG);
        Path envFile = dir.resolve(".env");
        try (RunningServe serve = RunningServe.start("--port", "0", "--config", config.toString(), "--env-file",
                envFile.toString())) {
            serve.awaitLine("authorize_url");

            assertThat(variables(envFile)).containsEntry("EKOOL_CLIENT_ID", OWN_ID).doesNotContainKey("EKOOL_CLIENT_SECRET");
            assertThat(Files.readString(envFile)).doesNotContain(OWN_SECRET).contains("# EKOOL_CLIENT_SECRET is left out");
        }
    }

    @Test
    void env_file_in_a_missing_directory_is_exit_2_naming_it(@TempDir Path dir) throws Exception {
        Path envFile = dir.resolve("no-such-dir").resolve(".env");
        try (RunningServe serve = RunningServe.start("--port", "0", "--env-file", envFile.toString())) {
            assertThat(serve.awaitExit()).isEqualTo(2);
            assertThat(serve.err()).contains("--env-file " + envFile, "does not exist").doesNotContain("\tat ");
            assertThat(serve.out()).isEmpty();
        }
    }

    /** The NAME=value lines of a dotenv file, in order; comments and blank lines skipped. */
    static Map<String, String> variables(Path envFile) throws IOException {
        Map<String, String> variables = new LinkedHashMap<>();
        for (String line : Files.readAllLines(envFile)) {
            if (!line.isBlank() && !line.startsWith("#")) {
                variables.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
            }
        }
        return variables;
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
