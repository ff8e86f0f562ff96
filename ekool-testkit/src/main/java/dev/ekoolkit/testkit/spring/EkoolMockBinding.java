package dev.ekoolkit.testkit.spring;

import dev.ekoolkit.mock.EkoolMockServer;
import dev.ekoolkit.testkit.EkoolMock;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.core.env.Environment;

import java.util.ArrayList;
import java.util.List;

/**
 * Ties one eKool mock to one application context: once the context has refreshed (its web server, if any, is
 * listening), registers the application's redirect URI with the mock; before each test, resets the mock and
 * registers it again; when the context closes, stops the mock.
 *
 * <p>The redirect URI is Spring Security's template ({@code spring.security.oauth2.client.registration.ekool.redirect-uri},
 * else {@code ekool.redirect-uri}, else {@code {baseUrl}/login/oauth2/code/{registrationId}}) with {@code ekool} as
 * the registration id and, as base URL, {@code http://localhost:<local.server.port>} (and {@code 127.0.0.1}) for a
 * running server, or MockMvc's {@code http://localhost}; {@code server.servlet.context-path} is added.
 */
final class EkoolMockBinding implements ApplicationListener<ApplicationEvent> {

    static final String BEAN = "dev.ekoolkit.testkit.spring.EkoolMockBinding";

    private static final String DEFAULT_TEMPLATE = "{baseUrl}/login/oauth2/code/{registrationId}";

    private final ApplicationContext context;
    private final EkoolMockServer server;
    private final EkoolMock mock;
    private volatile List<String> redirectUris = List.of();

    EkoolMockBinding(ApplicationContext context, EkoolMockServer server, EkoolMock mock) {
        this.context = context;
        this.server = server;
        this.mock = mock;
    }

    EkoolMock mock() {
        return mock;
    }

    @Override
    public void onApplicationEvent(ApplicationEvent event) {
        if (event instanceof ContextRefreshedEvent refreshed && refreshed.getApplicationContext() == context) {
            redirectUris = redirectUris(context.getEnvironment());
            allowRedirectUris();
        } else if (event instanceof ContextClosedEvent closed && closed.getApplicationContext() == context) {
            server.close();
        }
    }

    /** Returns the mock to its configuration, as the shared lifecycle does, and registers the redirect URIs again. */
    void beforeTest() {
        if (server.isRunning()) {
            mock.reset();
            allowRedirectUris();
        }
    }

    private void allowRedirectUris() {
        for (String uri : redirectUris) {
            mock.allowRedirectUri(uri);
        }
    }

    static List<String> redirectUris(Environment environment) {
        String template = environment.getProperty("spring.security.oauth2.client.registration.ekool.redirect-uri",
                environment.getProperty("ekool.redirect-uri", DEFAULT_TEMPLATE));
        String port = environment.getProperty("local.server.port");
        String contextPath = environment.getProperty("server.servlet.context-path", "");
        if (contextPath.endsWith("/")) {
            contextPath = contextPath.substring(0, contextPath.length() - 1);
        }
        List<String> bases = new ArrayList<>();
        if (port != null && !port.isBlank()) {
            bases.add("http://localhost:" + port + contextPath);
            bases.add("http://127.0.0.1:" + port + contextPath);
        } else {
            bases.add("http://localhost" + contextPath); // MockMvc's default request URL
        }
        List<String> uris = new ArrayList<>();
        for (String base : bases) {
            String uri = template.replace("{baseUrl}", base).replace("{registrationId}", "ekool")
                    .replace("{action}", "login");
            if (!uri.contains("{") && !uris.contains(uri)) {
                uris.add(uri);
            }
        }
        return List.copyOf(uris);
    }
}
