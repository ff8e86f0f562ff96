package dev.ekoolkit.testkit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Exported system properties exist for the class or test only, under configurable names. */
class SystemPropertiesTest {

    static final Map<String, String> during = new ConcurrentHashMap<>();

    @AfterEach
    void clean_up() {
        System.clearProperty("ekool.login-url");
        System.clearProperty("app.ekool.login-url");
        during.clear();
    }

    @Test
    void the_annotation_exports_for_the_class_and_clears_afterwards() {
        Scenarios.run(AnnotationExport.class).testEvents().assertStatistics(s -> s.succeeded(1).failed(0));

        assertThat(during.get("ekool.login-url")).startsWith("http://127.0.0.1:");
        assertThat(System.getProperty("ekool.login-url")).isNull();
    }

    @Test
    void a_value_set_before_the_class_is_put_back() {
        System.setProperty("ekool.login-url", "http://before.example");

        Scenarios.run(AnnotationExport.class).testEvents().assertStatistics(s -> s.succeeded(1).failed(0));

        assertThat(during.get("ekool.login-url")).startsWith("http://127.0.0.1:");
        assertThat(System.getProperty("ekool.login-url")).isEqualTo("http://before.example");
    }

    @Test
    void a_per_test_server_exports_its_own_values_for_each_test() {
        Scenarios.run(PerTestExport.class).testEvents().assertStatistics(s -> s.succeeded(2).failed(0));

        assertThat(during).containsKeys("first", "second");
        assertThat(during.get("first")).isNotEqualTo(during.get("second"));
        assertThat(System.getProperty("app.ekool.login-url")).isNull();
    }

    @Test
    void nothing_is_exported_unless_asked() {
        Scenarios.run(NoExport.class).testEvents().assertStatistics(s -> s.succeeded(1).failed(0));
    }

    @Test
    void names_can_be_changed_or_left_out() {
        SystemPropertyNames names = SystemPropertyNames.withPrefix("app.ekool.").withClientSecret(null);

        assertThat(names.apply("l", "a", "i", "s", "r"))
                .containsExactly(Map.entry("app.ekool.login-url", "l"), Map.entry("app.ekool.api-url", "a"),
                        Map.entry("app.ekool.client-id", "i"), Map.entry("app.ekool.redirect-uri", "r"));
    }

    @Test
    void one_name_for_two_settings_is_refused() {
        assertThatThrownBy(() -> SystemPropertyNames.defaults().withApiUrl("ekool.login-url"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("apiUrl must differ from loginUrl; both are the system property 'ekool.login-url'");
    }

    @Scenario
    @EkoolMockTest(systemProperties = true)
    static class AnnotationExport {
        @Test
        void reads(EkoolMock ekool) {
            during.put("ekool.login-url", System.getProperty("ekool.login-url"));
            assertThat(System.getProperty("ekool.client-id")).isEqualTo(ekool.client().clientId().value());
        }
    }

    @Scenario
    static class PerTestExport {
        @RegisterExtension
        EkoolMockExtension ekool = EkoolMockExtension.builder()
                .exportSystemProperties(SystemPropertyNames.withPrefix("app.ekool.")).build();

        @Test
        void first() {
            during.put("first", System.getProperty("app.ekool.login-url"));
        }

        @Test
        void second() {
            during.put("second", System.getProperty("app.ekool.login-url"));
        }
    }

    @Scenario
    @EkoolMockTest
    static class NoExport {
        @Test
        void reads() {
            assertThat(System.getProperty("ekool.login-url")).isNull();
        }
    }
}
