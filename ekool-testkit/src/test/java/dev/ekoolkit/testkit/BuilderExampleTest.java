package dev.ekoolkit.testkit;

import dev.ekoolkit.core.client.RedirectUri;
import dev.ekoolkit.core.credentials.ClientCredentials;
import dev.ekoolkit.core.flow.EkoolOAuthClient;
import dev.ekoolkit.core.scope.Scopes;
import dev.ekoolkit.mock.config.MockClient;
import dev.ekoolkit.mock.config.MockUser;
import dev.ekoolkit.mock.config.MockUser.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The builder example of docs/testkit.md ("Registering the extension"): every setting it shows takes effect. */
class BuilderExampleTest {

    // builder-example:start
    @RegisterExtension
    static EkoolMockExtension ekool = EkoolMockExtension.builder()
            .configResource("ekool-mock-school.yaml")                   // or .config(MockConfig) / .configFile(Path)
            .client(MockClient.of(ClientCredentials.parse("SecondApp00000000000000000000001",
                            "SecondAppSecret0000000000000000000000001"), "Second app",
                    List.of(RedirectUri.parse("http://localhost:9000/callback")), Scopes.parse("users-basic")))
            .user(MockUser.of("200001", "kati", "kati-pw", "Kati", "Karu", "kati@example.com", null, Role.STUDENT))
            .redirectUri("http://localhost:8081/oauth2/callback")      // one more for the default client
            .autoLogin("kati")
            .lifecycle(EkoolMockExtension.Lifecycle.AUTO)               // or .shared()
            .exportSystemProperties()                                   // or .exportSystemProperties(SystemPropertyNames)
            .clock(Clock.fixed(Instant.parse("2026-09-01T08:00:00Z"), ZoneOffset.UTC))   // advanceClock moves it on
            .live(false)                                                // never replaced by live mode
            .build();
    // builder-example:end

    @Test
    void the_configuration_resource_comes_first_then_the_builder_s_client_and_user() {
        assertThat(ekool.mock().clients()).extracting(MockClient::name).containsExactly("School library", "Second app");
        assertThat(ekool.mock().users()).extracting(MockUser::username).containsExactly("peeter", "kati");
    }

    @Test
    void the_default_client_gets_the_extra_redirect_uri() {
        assertThat(ekool.mock().defaultClient().redirectUris()).extracting(Object::toString)
                .containsExactly("http://127.0.0.1:8080/oauth2/callback", "http://localhost:8081/oauth2/callback");
    }

    @Test
    void every_authorization_logs_kati_in_without_pages() {
        EkoolMock mock = ekool.mock();
        EkoolOAuthClient app = EkoolOAuthClient.builder().environment(mock.environment())
                .credentials(mock.client()).redirectUri(RedirectUri.parse("http://localhost:8081/oauth2/callback")).build();

        URI callback = mock.followLogin(app.startAuthorization().authorizationUri());

        assertThat(callback.toString()).startsWith("http://localhost:8081/oauth2/callback?");
        assertThat(callback.getQuery()).contains("code=");
    }

    @Test
    void the_settings_are_exported_as_system_properties_while_the_class_runs() {
        assertThat(System.getProperty("ekool.client-id")).isEqualTo("SchoolLibraryApp0000000000000001");
        assertThat(System.getProperty("ekool.login-url")).isEqualTo(ekool.mock().loginUrl().toString());
    }

    @Test
    void the_mock_follows_the_given_clock() {
        assertThat(ekool.mock().server().clock().instant()).isAfterOrEqualTo(Instant.parse("2026-09-01T08:00:00Z"))
                .isBefore(Instant.parse("2026-09-01T08:00:01Z"));
        assertThat(ekool.mock().isLive()).isFalse();
    }
}
