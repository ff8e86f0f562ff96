package dev.ekoolkit.testkit;

import dev.ekoolkit.mock.config.MockUser;
import dev.ekoolkit.testkit.example.Browser;
import dev.ekoolkit.testkit.example.GreetingApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** A static field: one server per class, configured with the builder, exporting system properties. */
class PerClassStaticFieldTest {

    @RegisterExtension
    static EkoolMockExtension ekool = EkoolMockExtension.builder()
            .user(MockUser.of("200001", "kati", "kati-pw", "Kati", "Karu", "kati.karu@example.com", null,
                    MockUser.Role.STUDENT))
            .autoLogin("kati")
            .exportSystemProperties()
            .build();

    @Test
    void an_app_reading_system_properties_finds_the_mock() {
        try (GreetingApp app = GreetingApp.startFromSystemProperties()) {
            ekool.mock().allowRedirectUri(app.callbackUri().toString());

            assertThat(Browser.open(app.loginUrl()).body()).isEqualTo("Hello, Kati");
        }
    }

    @Test
    void the_exported_properties_name_the_mock_and_its_default_client() {
        EkoolMock mock = ekool.mock();

        assertThat(System.getProperty("ekool.login-url")).isEqualTo(mock.loginUrl().toString());
        assertThat(System.getProperty("ekool.api-url")).isEqualTo(mock.apiUrl().toString());
        assertThat(System.getProperty("ekool.client-id")).isEqualTo(mock.client().clientId().value());
        assertThat(System.getProperty("ekool.client-secret")).isEqualTo(mock.client().clientSecret().value());
        assertThat(System.getProperty("ekool.redirect-uri")).isEqualTo(mock.redirectUri().value());
    }

    @Test
    void the_field_and_the_parameter_are_the_same_handle(EkoolMock injected) {
        assertThat(ekool.mock()).isSameAs(injected);
    }
}
