package dev.ekoolkit.testkit.spring;

import dev.ekoolkit.mock.EkoolMockServer;
import dev.ekoolkit.mock.config.MockConfig;
import dev.ekoolkit.mock.config.MockConfigLoader;
import dev.ekoolkit.testkit.EkoolMock;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Starts an eKool mock for one application context, before the context refreshes: sets the {@code ekool.*}
 * properties (environment {@code custom}, the mock's URLs, its default client's id and secret), registers the
 * {@link EkoolMock} handle as a bean (so it can be {@code @Autowired}), and an {@link EkoolMockBinding} that
 * registers the application's redirect URI once its port is known and stops the mock when the context closes.
 * Properties set by the test itself ({@code @SpringBootTest(properties = ...)}) win over the mock's.
 */
final class EkoolMockContextCustomizer implements ContextCustomizer {

    /** The name of the property source with the mock's settings. */
    static final String PROPERTY_SOURCE = "ekoolMock";
    /** The bean name of the {@link EkoolMock} handle. */
    static final String MOCK_BEAN = "ekoolMock";

    private static final String INLINED_TEST_PROPERTIES = "Inlined Test Properties";

    private final String config;
    private final String autoLogin;

    EkoolMockContextCustomizer(String config, String autoLogin) {
        this.config = config;
        this.autoLogin = autoLogin;
    }

    @Override
    public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
        EkoolMockServer server = EkoolMockServer.builder()
                .config(config.isEmpty() ? MockConfig.defaults() : load(config, mergedConfig.getTestClass()))
                .autoLogin(autoLogin.isEmpty() ? null : autoLogin)
                .build()
                .start();
        EkoolMock mock = EkoolMock.of(server);
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("ekool.environment", "custom");
        properties.put("ekool.login-url", mock.loginUrl().toString());
        properties.put("ekool.api-url", mock.apiUrl().toString());
        properties.put("ekool.client-id", mock.client().clientId().value());
        properties.put("ekool.client-secret", mock.client().clientSecret().value());
        MutablePropertySources sources = context.getEnvironment().getPropertySources();
        MapPropertySource source = new MapPropertySource(PROPERTY_SOURCE, properties);
        if (sources.contains(INLINED_TEST_PROPERTIES)) {
            sources.addAfter(INLINED_TEST_PROPERTIES, source);
        } else {
            sources.addFirst(source);
        }
        EkoolMockBinding binding = new EkoolMockBinding(context, server, mock);
        context.getBeanFactory().registerSingleton(MOCK_BEAN, mock);
        context.getBeanFactory().registerSingleton(EkoolMockBinding.BEAN, binding);
        context.addApplicationListener(binding);
    }

    private static MockConfig load(String resource, Class<?> testClass) {
        String name = resource.startsWith("/") ? resource.substring(1) : resource;
        try (InputStream in = testClass.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("@EkoolMockTest(config = \"" + resource + "\") names no resource on "
                        + "the test class path of " + testClass.getName());
            }
            return MockConfigLoader.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), resource,
                    name.endsWith(".json"), null);
        } catch (IOException e) {
            throw new UncheckedIOException("@EkoolMockTest(config = \"" + resource + "\") cannot be read", e);
        }
    }

    /** Same settings, same customizer: Spring's context cache then reuses the context and its mock. */
    @Override
    public boolean equals(Object o) {
        return o instanceof EkoolMockContextCustomizer other && other.config.equals(config)
                && other.autoLogin.equals(autoLogin);
    }

    @Override
    public int hashCode() {
        return Objects.hash(config, autoLogin);
    }
}
