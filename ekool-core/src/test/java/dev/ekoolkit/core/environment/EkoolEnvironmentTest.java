package dev.ekoolkit.core.environment;

import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class EkoolEnvironmentTest {

    @Test
    void production_authorizes_at_login_ekool_eu() {
        assertThat(EkoolEnvironment.PRODUCTION.authorizeUri()).isEqualTo(URI.create("https://login.ekool.eu/oauth/authorize"));
    }

    @Test
    void production_issues_tokens_at_login_ekool_eu() {
        assertThat(EkoolEnvironment.PRODUCTION.tokenUri()).isEqualTo(URI.create("https://login.ekool.eu/oauth/token"));
    }

    @Test
    void production_serves_the_profile_at_api_v2_ekool_eu() {
        assertThat(EkoolEnvironment.PRODUCTION.userBasicUri()).isEqualTo(URI.create("https://api-v2.ekool.eu/user/me/basic"));
    }

    @Test
    void staging_lives_at_ekool_dev() {
        assertThat(EkoolEnvironment.STAGING.tokenUri()).isEqualTo(URI.create("https://login.ekool.dev/oauth/token"));
        assertThat(EkoolEnvironment.STAGING.userBasicUri()).isEqualTo(URI.create("https://api-v2.ekool.dev/user/me/basic"));
    }

    @Test
    void custom_removes_a_trailing_slash() {
        assertThat(EkoolEnvironment.custom("http://127.0.0.1:8080/", "http://127.0.0.1:8080").authorizeUri())
                .isEqualTo(URI.create("http://127.0.0.1:8080/oauth/authorize"));
    }

    @Test
    void custom_keeps_a_base_path() {
        assertThat(EkoolEnvironment.custom("http://127.0.0.1:8080/login", "http://127.0.0.1:8080/api").userBasicUri())
                .isEqualTo(URI.create("http://127.0.0.1:8080/api/user/me/basic"));
    }

    @Test
    void custom_is_named_custom() {
        assertThat(EkoolEnvironment.custom("http://127.0.0.1:1", "http://127.0.0.1:2").name()).isEqualTo("custom");
    }

    @Test
    void rejects_a_query_in_the_login_url() {
        assertThatIllegalArgumentException().isThrownBy(() -> EkoolEnvironment.custom("https://x.example/?a=1", "https://x.example"))
                .withMessage("loginUrl must not have a query or fragment; got 'https://x.example/?a=1'");
    }

    @Test
    void rejects_a_scheme_other_than_http_in_the_api_url() {
        assertThatIllegalArgumentException().isThrownBy(() -> EkoolEnvironment.custom("https://x.example", "ftp://x.example"))
                .withMessage("apiUrl must be an absolute http or https URL with a host; got 'ftp://x.example'");
    }

    @Test
    void rejects_a_relative_url() {
        assertThatIllegalArgumentException().isThrownBy(() -> EkoolEnvironment.custom("/login", "https://x.example"))
                .withMessage("loginUrl must be an absolute http or https URL with a host; got '/login'");
    }
}
