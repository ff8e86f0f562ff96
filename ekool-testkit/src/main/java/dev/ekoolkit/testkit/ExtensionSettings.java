package dev.ekoolkit.testkit;

import dev.ekoolkit.core.client.RedirectUri;
import dev.ekoolkit.mock.config.MockClient;
import dev.ekoolkit.mock.config.MockConfig;
import dev.ekoolkit.mock.config.MockUser;
import dev.ekoolkit.testkit.EkoolMockExtension.Lifecycle;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * The immutable settings of one {@link EkoolMockExtension}, whichever way it was registered: the attributes of
 * {@link EkoolMockTest} ({@link #from(EkoolMockTest)}), the builder's settings ({@link EkoolMockExtension.Builder}),
 * or the defaults ({@link #DEFAULTS}) for a bare {@code @ExtendWith(EkoolMockExtension.class)}.
 *
 * @param source         where the mock's configuration comes from
 * @param config         the configuration value, for {@link ConfigSource#VALUE}
 * @param configFile     the configuration file, for {@link ConfigSource#FILE}
 * @param configResource the classpath resource, for {@link ConfigSource#RESOURCE}
 * @param clients        clients added after the configuration's
 * @param users          users added after the configuration's
 * @param redirectUris   redirect URIs added to the default client
 * @param autoLogin      the user every authorization logs in as, or {@code null}
 * @param lifecycle      how long a server lives
 * @param export         the names to export system properties under, or {@code null} for no export
 * @param clock          the mock's clock, or {@code null} for the system clock
 * @param allowLive      whether live mode may replace the mock
 */
record ExtensionSettings(ConfigSource source, MockConfig config, Path configFile, String configResource,
                         List<MockClient> clients, List<MockUser> users, List<RedirectUri> redirectUris,
                         String autoLogin, Lifecycle lifecycle, SystemPropertyNames export, Clock clock,
                         boolean allowLive) {

    /** Where the mock's configuration comes from. */
    enum ConfigSource { DEFAULT, VALUE, FILE, RESOURCE }

    /** The settings of {@code @ExtendWith(EkoolMockExtension.class)} without the annotation. */
    static final ExtensionSettings DEFAULTS = new ExtensionSettings(ConfigSource.DEFAULT, null, null, null, List.of(),
            List.of(), List.of(), null, Lifecycle.AUTO, null, null, true);

    /** Copies the lists, so a settings value never changes. */
    ExtensionSettings {
        clients = List.copyOf(clients);
        users = List.copyOf(users);
        redirectUris = List.copyOf(redirectUris);
    }

    /** The settings an {@link EkoolMockTest} annotation asks for: always per class unless {@code shared}. */
    static ExtensionSettings from(EkoolMockTest annotation) {
        boolean resource = !annotation.config().isEmpty();
        return new ExtensionSettings(resource ? ConfigSource.RESOURCE : ConfigSource.DEFAULT, null, null,
                resource ? annotation.config() : null, List.of(), List.of(), List.of(),
                annotation.autoLogin().isEmpty() ? null : annotation.autoLogin(),
                annotation.shared() ? Lifecycle.SHARED : Lifecycle.PER_CLASS,
                annotation.systemProperties() ? SystemPropertyNames.defaults() : null, null, true);
    }

    /** The names the handle reports its properties under: the exported ones, or the defaults. */
    SystemPropertyNames names() {
        return export != null ? export : SystemPropertyNames.defaults();
    }

    /** The annotation attribute or builder setting that names the configuration, for messages. */
    String configAttribute() {
        return source == ConfigSource.FILE ? "configFile" : "config";
    }

    /** The configuration as the user named it, for messages. */
    Object configName() {
        return switch (source) {
            case FILE -> configFile.toString();
            case RESOURCE -> configResource;
            default -> "MockConfig";
        };
    }
}
