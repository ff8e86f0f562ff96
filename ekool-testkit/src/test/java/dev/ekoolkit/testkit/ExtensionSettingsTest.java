package dev.ekoolkit.testkit;

import dev.ekoolkit.mock.config.MockConfig;
import dev.ekoolkit.mock.config.MockUser;
import dev.ekoolkit.testkit.EkoolMockExtension.Lifecycle;
import dev.ekoolkit.testkit.ExtensionSettings.ConfigSource;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The annotation's attributes and the builder's settings become one immutable settings value. */
class ExtensionSettingsTest {

    @Test
    void a_bare_annotation_means_the_embedded_configuration_one_server_per_class_and_no_export() {
        ExtensionSettings settings = ExtensionSettings.from(Bare.class.getAnnotation(EkoolMockTest.class));

        assertThat(settings.source()).isEqualTo(ConfigSource.DEFAULT);
        assertThat(settings.autoLogin()).isNull();
        assertThat(settings.lifecycle()).isEqualTo(Lifecycle.PER_CLASS);
        assertThat(settings.export()).isNull();
        assertThat(settings.allowLive()).isTrue();
    }

    @Test
    void every_annotation_attribute_is_carried_over() {
        ExtensionSettings settings = ExtensionSettings.from(Full.class.getAnnotation(EkoolMockTest.class));

        assertThat(settings.source()).isEqualTo(ConfigSource.RESOURCE);
        assertThat(settings.configResource()).isEqualTo("ekool-mock-school.yaml");
        assertThat(settings.autoLogin()).isEqualTo("peeter");
        assertThat(settings.lifecycle()).isEqualTo(Lifecycle.SHARED);
        assertThat(settings.export()).isEqualTo(SystemPropertyNames.withPrefix("ekool."));
        assertThat(settings.configAttribute()).isEqualTo("config");
        assertThat(settings.configName()).isEqualTo("ekool-mock-school.yaml");
    }

    @Test
    void the_builder_s_defaults_are_the_defaults_of_a_bare_extend_with() {
        assertThat(EkoolMockExtension.builder().build().settings()).isEqualTo(ExtensionSettings.DEFAULTS);
    }

    @Test
    void the_builder_s_settings_are_carried_over_and_the_last_configuration_source_wins() {
        Clock clock = Clock.fixed(Instant.parse("2026-01-05T08:00:00Z"), ZoneOffset.UTC);
        MockUser kati = MockUser.of("200001", "kati", "kati-pw", "Kati", "Karu", "kati@example.com", null,
                MockUser.Role.STUDENT);

        ExtensionSettings settings = EkoolMockExtension.builder()
                .config(MockConfig.defaults())
                .configFile(Path.of("mock.yaml"))
                .user(kati)
                .redirectUri("http://localhost:9090/cb")
                .autoLogin("kati")
                .shared()
                .exportSystemProperties(SystemPropertyNames.withPrefix("app."))
                .clock(clock)
                .live(false)
                .build().settings();

        assertThat(settings.source()).isEqualTo(ConfigSource.FILE);
        assertThat(settings.configAttribute()).isEqualTo("configFile");
        assertThat(settings.configName()).isEqualTo("mock.yaml");
        assertThat(settings.users()).containsExactly(kati);
        assertThat(settings.redirectUris()).extracting(Object::toString).containsExactly("http://localhost:9090/cb");
        assertThat(settings.autoLogin()).isEqualTo("kati");
        assertThat(settings.lifecycle()).isEqualTo(Lifecycle.SHARED);
        assertThat(settings.names().clientId()).isEqualTo("app.client-id");
        assertThat(settings.clock()).isSameAs(clock);
        assertThat(settings.allowLive()).isFalse();
    }

    @Test
    void a_built_extension_keeps_its_settings_when_the_builder_goes_on() {
        EkoolMockExtension.Builder builder = EkoolMockExtension.builder();
        EkoolMockExtension first = builder.build();

        builder.user(MockUser.of("200001", "kati", "kati-pw", "Kati", "Karu", "kati@example.com", null,
                MockUser.Role.STUDENT));

        assertThat(first.settings().users()).isEmpty();
        assertThatThrownBy(() -> first.settings().users().add(null)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void without_an_export_the_handle_still_names_its_properties_with_the_defaults() {
        assertThat(ExtensionSettings.DEFAULTS.names()).isEqualTo(SystemPropertyNames.defaults());
    }

    @EkoolMockTest
    static class Bare {
    }

    @EkoolMockTest(config = "ekool-mock-school.yaml", autoLogin = "peeter", shared = true, systemProperties = true)
    static class Full {
    }
}
