package dev.ekoolkit.mock.cli;

import dev.ekoolkit.mock.config.MockConfig;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class EnvFileTest {

    static Map<String, String> demoBanner() {
        Map<String, String> banner = new LinkedHashMap<>();
        banner.put("login_url", "http://127.0.0.1:8089");
        banner.put("api_url", "http://127.0.0.1:8089");
        banner.put("client_id", MockConfig.DEMO_CLIENT_ID);
        banner.put("client_secret", MockConfig.DEMO_CLIENT_SECRET);
        banner.put("redirect_uri", MockConfig.DEMO_REDIRECT_URI);
        banner.put("authorize_url", "http://127.0.0.1:8089/oauth/authorize?response_type=code");
        return banner;
    }

    @Test
    void writes_what_the_docs_show_for_the_demo_client_on_the_default_port() {
        DocExamples.Example documented = DocExamples.in(DocExamples.ROOT.resolve("docs").resolve("mock-server.md")).stream()
                .filter(e -> e.body().startsWith("# Written by ekool-mock serve --env-file"))
                .findFirst().orElseThrow(() -> new AssertionError("no env file example in docs/mock-server.md"));

        assertThat(EnvFile.render(demoBanner())).isEqualTo(documented.body());
    }

    @Test
    void writes_one_name_and_value_a_line_without_quotes_and_nothing_of_the_authorize_url() {
        assertThat(EnvFile.render(demoBanner()).lines().filter(line -> !line.startsWith("#")))
                .containsExactly(
                        "EKOOL_LOGIN_URL=http://127.0.0.1:8089",
                        "EKOOL_API_URL=http://127.0.0.1:8089",
                        "EKOOL_CLIENT_ID=demoEkoolMockClientId00000000000",
                        "EKOOL_CLIENT_SECRET=demoEkoolMockClientSecret000000000000000",
                        "EKOOL_REDIRECT_URI=http://localhost:8080/oauth2/callback");
    }

    @Test
    void says_why_a_configured_clients_secret_is_left_out() {
        Map<String, String> banner = demoBanner();
        banner.remove("client_secret");

        assertThat(EnvFile.render(banner)).doesNotContain("EKOOL_CLIENT_SECRET=")
                .contains("# EKOOL_CLIENT_SECRET is left out: the client is your own")
                .doesNotContain("demo client's documented secret: public");
    }
}
