package dev.ekoolkit.testkit;

import dev.ekoolkit.core.client.RedirectUri;
import dev.ekoolkit.mock.EkoolMockServer;
import dev.ekoolkit.mock.config.MockClient;
import dev.ekoolkit.mock.config.MockConfig;
import dev.ekoolkit.mock.config.MockConfigLoader;
import dev.ekoolkit.mock.config.MockUser;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a registration's {@link ExtensionSettings} into the mock's {@link MockConfig} (the embedded default, a value,
 * a file or a classpath resource, plus the builder's clients, users and redirect URIs) and starts a server from it.
 * Every mistake is an {@link ExtensionConfigurationException} naming the annotation attribute or builder setting
 * (through {@link Registration#attribute}) and passing on the mock's own reason.
 */
final class ConfigResolver {

    private ConfigResolver() {
    }

    /**
     * The configuration {@code registration} asks for, with a resource looked up through {@code loader} (the test
     * class's), checked to contain the auto-login user.
     *
     * @throws ExtensionConfigurationException when the resource does not exist or cannot be read, the configuration
     *                                         is invalid, the added clients, users or redirect URIs are rejected, or
     *                                         {@code autoLogin} names no user
     */
    static MockConfig resolve(Registration registration, ClassLoader loader) {
        ExtensionSettings s = registration.settings();
        MockConfig config;
        try {
            config = switch (s.source()) {
                case DEFAULT -> MockConfig.defaults();
                case VALUE -> s.config();
                case FILE -> MockConfigLoader.load(s.configFile());
                case RESOURCE -> loadResource(registration, loader);
            };
        } catch (ExtensionConfigurationException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ExtensionConfigurationException(registration.attribute(s.configAttribute(), s.configName())
                    + " is not a valid eKool mock configuration: " + e.getMessage(), e);
        }
        try {
            config = withAdditions(config, s);
        } catch (IllegalArgumentException e) {
            throw new ExtensionConfigurationException(registration.describe() + " adds clients, users or redirect "
                    + "URIs the configuration rejects: " + e.getMessage(), e);
        }
        if (s.autoLogin() != null && config.user(s.autoLogin()).isEmpty()) {
            throw new ExtensionConfigurationException(registration.attribute("autoLogin", s.autoLogin())
                    + " names no user of the mock's configuration; users: "
                    + config.users().stream().map(u -> u.username() + " (" + u.id() + ")").toList());
        }
        return config;
    }

    /**
     * A started server for {@code config} (from {@link #resolve}) with the registration's clock and auto-login.
     *
     * @throws ExtensionConfigurationException when the mock refuses to start, with its reason
     */
    static EkoolMockServer start(Registration registration, MockConfig config) {
        ExtensionSettings s = registration.settings();
        EkoolMockServer.Builder builder = EkoolMockServer.builder().config(config);
        if (s.clock() != null) {
            builder.clock(s.clock());
        }
        if (s.autoLogin() != null) {
            builder.autoLogin(s.autoLogin());
        }
        try {
            return builder.build().start();
        } catch (IllegalArgumentException e) {
            throw new ExtensionConfigurationException(registration.describe() + " could not start the eKool mock: "
                    + e.getMessage(), e);
        }
    }

    /** The builder's redirect URIs added to the first client, then its clients and users after the configuration's. */
    private static MockConfig withAdditions(MockConfig config, ExtensionSettings s) {
        if (!s.redirectUris().isEmpty()) {
            List<MockClient> clients = new ArrayList<>(config.clients());
            MockClient first = clients.get(0);
            List<RedirectUri> uris = new ArrayList<>(first.redirectUris());
            s.redirectUris().stream().filter(u -> !uris.contains(u)).forEach(uris::add);
            clients.set(0, first.withRedirectUris(uris));
            config = config.withClients(clients);
        }
        for (MockClient client : s.clients()) {
            config = config.withClient(client);
        }
        for (MockUser user : s.users()) {
            config = config.withUser(user);
        }
        return config;
    }

    private static MockConfig loadResource(Registration registration, ClassLoader loader) {
        String resource = registration.settings().configResource();
        String name = resource.startsWith("/") ? resource.substring(1) : resource;
        URL url = loader == null ? null : loader.getResource(name);
        if (url == null) {
            throw new ExtensionConfigurationException(registration.attribute("config", resource)
                    + " names a classpath resource that does not exist (looked up from the classpath root, as "
                    + "src/test/resources/" + name + ")");
        }
        if ("file".equals(url.getProtocol())) {
            try {
                return MockConfigLoader.load(Path.of(url.toURI()));
            } catch (URISyntaxException e) {
                throw new ExtensionConfigurationException("cannot read " + url, e);
            }
        }
        // Inside a jar: copy it next to nothing else, keeping the file name (its extension picks YAML or JSON).
        Path dir = null;
        try (InputStream in = url.openStream()) {
            dir = Files.createTempDirectory("ekool-mock-config");
            Path file = dir.resolve(Path.of(name).getFileName().toString());
            Files.copy(in, file);
            return MockConfigLoader.load(file);
        } catch (IOException e) {
            throw new ExtensionConfigurationException(registration.attribute("config", resource)
                    + " cannot be read: " + e.getMessage(), e);
        } finally {
            if (dir != null) {
                try (var files = Files.list(dir)) {
                    for (Path p : files.toList()) {
                        Files.deleteIfExists(p);
                    }
                    Files.deleteIfExists(dir);
                } catch (IOException ignored) {
                    // a temporary copy left behind is harmless
                }
            }
        }
    }
}
