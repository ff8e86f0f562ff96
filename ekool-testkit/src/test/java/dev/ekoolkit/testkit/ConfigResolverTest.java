package dev.ekoolkit.testkit;

import dev.ekoolkit.core.client.RedirectUri;
import dev.ekoolkit.core.credentials.ClientCredentials;
import dev.ekoolkit.core.flow.EkoolOAuthClient;
import dev.ekoolkit.core.scope.Scopes;
import dev.ekoolkit.mock.EkoolMockServer;
import dev.ekoolkit.mock.config.MockClient;
import dev.ekoolkit.mock.config.MockConfig;
import dev.ekoolkit.mock.config.MockUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Settings become the mock's configuration, and every mistake names the attribute or builder setting. */
class ConfigResolverTest {

    private static final ClassLoader TEST_CLASSPATH = ConfigResolverTest.class.getClassLoader();
    private static final MockUser KATI = MockUser.of("200001", "kati", "kati-pw", "Kati", "Karu", "kati@example.com",
            null, MockUser.Role.STUDENT);

    @Test
    void no_configuration_means_the_embedded_default() {
        MockConfig config = ConfigResolver.resolve(annotated(Bare.class), TEST_CLASSPATH);

        assertThat(config.defaultClient().id().value()).isEqualTo(MockConfig.DEMO_CLIENT_ID);
        assertThat(config.users()).extracting(MockUser::username).containsExactly("mari", "tiina", "jaan");
    }

    @Test
    void a_classpath_resource_is_read_with_or_without_a_leading_slash() {
        for (Class<?> type : List.of(School.class, SchoolWithSlash.class)) {
            MockConfig config = ConfigResolver.resolve(annotated(type), TEST_CLASSPATH);

            assertThat(config.defaultClient().id().value()).isEqualTo("SchoolLibraryApp0000000000000001");
            assertThat(config.users()).extracting(MockUser::username).containsExactly("peeter");
        }
    }

    @Test
    void a_resource_inside_a_jar_is_read_too(@TempDir Path dir) throws IOException {
        Path jar = dir.resolve("configs.jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jarOut = new JarOutputStream(out)) {
            jarOut.putNextEntry(new JarEntry("in-a-jar.yaml"));
            jarOut.write(Files.readAllBytes(Path.of("src/test/resources/ekool-mock-school.yaml")));
            jarOut.closeEntry();
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[]{jar.toUri().toURL()}, null)) {
            MockConfig config = ConfigResolver.resolve(annotated(InAJar.class), loader);

            assertThat(config.users()).extracting(MockUser::username).containsExactly("peeter");
        }
    }

    @Test
    void a_missing_resource_names_the_attribute_and_where_it_was_looked_for() {
        assertThatThrownBy(() -> ConfigResolver.resolve(annotated(Missing.class), TEST_CLASSPATH))
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessage("@EkoolMockTest(config = \"no-such-ekool-mock.yaml\") names a classpath resource that does "
                        + "not exist (looked up from the classpath root, as src/test/resources/no-such-ekool-mock.yaml)");
    }

    @Test
    void an_invalid_resource_names_the_attribute_and_passes_on_the_mock_s_reason() {
        assertThatThrownBy(() -> ConfigResolver.resolve(annotated(Broken.class), TEST_CLASSPATH))
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessageStartingWith("@EkoolMockTest(config = \"ekool-mock-broken.yaml\") is not a valid eKool mock "
                        + "configuration: ")
                .hasMessageContaining("client_id");
    }

    @Test
    void a_missing_file_names_the_builder_setting_and_the_file() {
        Registration registration = built(EkoolMockExtension.builder().configFile(Path.of("no-such-dir/mock.yaml")));

        assertThatThrownBy(() -> ConfigResolver.resolve(registration, TEST_CLASSPATH))
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessageStartingWith("the EkoolMockExtension (builder().configFile(\""
                        + Path.of("no-such-dir/mock.yaml") + "\")) is not a valid eKool mock configuration: ");
    }

    @Test
    void an_unknown_auto_login_user_names_the_attribute_and_lists_the_users() {
        assertThatThrownBy(() -> ConfigResolver.resolve(annotated(UnknownAutoLogin.class), TEST_CLASSPATH))
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessage("@EkoolMockTest(autoLogin = \"nobody\") names no user of the mock's configuration; users: "
                        + "[mari (100001), tiina (100002), jaan (100003)]");
    }

    @Test
    void the_builder_s_users_count_for_auto_login() {
        MockConfig config = ConfigResolver.resolve(built(EkoolMockExtension.builder().user(KATI).autoLogin("kati")),
                TEST_CLASSPATH);

        assertThat(config.user("kati")).contains(KATI);
    }

    @Test
    void the_builder_s_redirect_uris_join_the_default_client_once_and_its_clients_come_after_the_configuration_s() {
        MockClient second = MockClient.of(ClientCredentials.parse("SecondApp00000000000000000000001",
                        "SecondAppSecret0000000000000000000000001"), "Second app",
                List.of(RedirectUri.parse("http://localhost:9000/cb")), Scopes.parse("users-basic"));

        MockConfig config = ConfigResolver.resolve(built(EkoolMockExtension.builder()
                .redirectUri(MockConfig.DEMO_REDIRECT_URI)
                .redirectUri("http://localhost:8081/oauth2/callback")
                .client(second)), TEST_CLASSPATH);

        assertThat(config.defaultClient().redirectUris()).extracting(Object::toString).containsExactly(
                MockConfig.DEMO_REDIRECT_URI, MockConfig.DEMO_REDIRECT_URI_IPV4, "http://localhost:8081/oauth2/callback");
        assertThat(config.clients()).extracting(MockClient::name).containsExactly(
                MockConfig.defaults().defaultClient().name(), "Second app");
    }

    @Test
    void a_client_the_configuration_rejects_names_the_registration_and_the_mock_s_reason() {
        Registration registration = built(EkoolMockExtension.builder().client(MockConfig.demoClient()));

        assertThatThrownBy(() -> ConfigResolver.resolve(registration, TEST_CLASSPATH))
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessage("the EkoolMockExtension adds clients, users or redirect URIs the configuration rejects: "
                        + "clients must not repeat the client id " + MockConfig.DEMO_CLIENT_ID);
    }

    @Test
    void a_started_server_follows_the_settings_clock_and_auto_login() {
        Clock clock = Clock.fixed(Instant.parse("2026-01-05T08:00:00Z"), ZoneOffset.UTC);
        Registration registration = built(EkoolMockExtension.builder().autoLogin("jaan").clock(clock));

        try (EkoolMockServer server = ConfigResolver.start(registration, ConfigResolver.resolve(registration, TEST_CLASSPATH))) {
            EkoolMock handle = EkoolMock.of(server, SystemPropertyNames.defaults());
            EkoolOAuthClient app = EkoolOAuthClient.builder().environment(handle.environment())
                    .credentials(handle.client()).redirectUri(handle.redirectUri()).build();

            URI callback = handle.followLogin(app.startAuthorization().authorizationUri());   // no login page: jaan is auto-logged-in

            assertThat(callback.getQuery()).contains("code=");
            assertThat(server.clock().instant()).isEqualTo(clock.instant());
        }
    }

    private static Registration annotated(Class<?> type) {
        return Registration.detect(type, List.of(), new EkoolMockExtension(), null);
    }

    private static Registration built(EkoolMockExtension.Builder builder) {
        EkoolMockExtension extension = builder.build();
        return Registration.detect(Bare.class, List.of(), extension, extension.settings());
    }

    static class Bare {
    }

    @EkoolMockTest(config = "ekool-mock-school.yaml")
    static class School {
    }

    @EkoolMockTest(config = "/ekool-mock-school.yaml")
    static class SchoolWithSlash {
    }

    @EkoolMockTest(config = "in-a-jar.yaml")
    static class InAJar {
    }

    @EkoolMockTest(config = "no-such-ekool-mock.yaml")
    static class Missing {
    }

    @EkoolMockTest(config = "ekool-mock-broken.yaml")
    static class Broken {
    }

    @EkoolMockTest(autoLogin = "nobody")
    static class UnknownAutoLogin {
    }
}
