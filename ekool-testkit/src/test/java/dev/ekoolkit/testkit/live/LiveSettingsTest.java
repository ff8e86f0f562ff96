package dev.ekoolkit.testkit.live;

import dev.ekoolkit.core.environment.EkoolEnvironment;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LiveSettingsTest {

    private static Optional<LiveSettings> resolve(Map<String, String> env) {
        return LiveSettings.resolve(name -> Optional.ofNullable(env.get(name)));
    }

    private static final Map<String, String> COMPLETE = Map.of(
            LiveSettings.CLIENT_ID, LiveModeTest.ID,
            LiveSettings.CLIENT_SECRET, LiveModeTest.SECRET,
            LiveSettings.REDIRECT_URI, LiveModeTest.REDIRECT);

    @Test
    void no_variables_means_mock_mode() {
        assertThat(resolve(Map.of())).isEmpty();
    }

    @Test
    void the_three_variables_mean_staging() {
        assertThat(resolve(COMPLETE)).get().extracting(LiveSettings::environment).isEqualTo(EkoolEnvironment.STAGING);
    }

    @Test
    void production_is_refused() {
        Map<String, String> env = new java.util.HashMap<>(COMPLETE);
        env.put(LiveSettings.ENV, "production");

        assertThatThrownBy(() -> resolve(env)).hasMessageContaining("EKOOL_LIVE_ENV must not be production");
    }

    @Test
    void custom_servers_need_both_urls() {
        Map<String, String> env = new java.util.HashMap<>(COMPLETE);
        env.put(LiveSettings.ENV, "custom");
        env.put(LiveSettings.LOGIN_URL, "https://login.test.example");

        assertThatThrownBy(() -> resolve(env)).hasMessageContaining("EKOOL_LIVE_ENV=custom needs EKOOL_LIVE_LOGIN_URL and EKOOL_LIVE_API_URL");
    }

    @Test
    void a_malformed_secret_is_reported_by_rule_without_its_value() {
        Map<String, String> env = new java.util.HashMap<>(COMPLETE);
        env.put(LiveSettings.CLIENT_SECRET, LiveModeTest.SECRET + "\n");

        assertThatThrownBy(() -> resolve(env))
                .hasMessageContaining("EKOOL_LIVE_CLIENT_SECRET: client_secret must not end with whitespace")
                .message().doesNotContain(LiveModeTest.SECRET);
    }

    @Test
    void configuration_parameters_mirror_the_variable_names() {
        assertThat(LiveSettings.configurationParameter(LiveSettings.CLIENT_SECRET)).isEqualTo("ekool.live.client-secret");
    }

    @Test
    void to_string_masks_the_secret() {
        assertThat(resolve(COMPLETE).orElseThrow().toString()).doesNotContain(LiveModeTest.SECRET);
    }
}
