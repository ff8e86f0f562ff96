package dev.ekoolkit.mock.support;

import dev.ekoolkit.mock.EkoolMockServer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The mock-server tests' one lifecycle, written once: a server built and started before the class's tests,
 * reset before each test, and closed after them. Register it on a static field and receive the running server:
 *
 * <pre>{@code
 * private static EkoolMockServer server;
 *
 * @RegisterExtension
 * static final MockServerExtension MOCK = new MockServerExtension(b -> b.autoLogin("mari"), s -> server = s);
 * }</pre>
 */
public final class MockServerExtension implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(MockServerExtension.class);

    private final UnaryOperator<EkoolMockServer.Builder> settings;
    private final Consumer<EkoolMockServer> started;

    /**
     * An extension for one test class.
     *
     * @param settings what to set on the builder (return it), such as {@code b -> b.autoLogin("mari")}
     * @param started  receives the running server before any test, such as {@code s -> server = s}
     */
    public MockServerExtension(UnaryOperator<EkoolMockServer.Builder> settings, Consumer<EkoolMockServer> started) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.started = Objects.requireNonNull(started, "started");
    }

    /** An extension for a server with the default settings. */
    public MockServerExtension(Consumer<EkoolMockServer> started) {
        this(b -> b, started);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        EkoolMockServer server = settings.apply(EkoolMockServer.builder()).build().start();
        context.getStore(NAMESPACE).put(EkoolMockServer.class, server);
        started.accept(server);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        server(context).reset();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        EkoolMockServer server = context.getStore(NAMESPACE).remove(EkoolMockServer.class, EkoolMockServer.class);
        if (server != null) {
            server.close();
        }
    }

    private static EkoolMockServer server(ExtensionContext context) {
        EkoolMockServer server = context.getStore(NAMESPACE).get(EkoolMockServer.class, EkoolMockServer.class);
        if (server == null) {
            throw new IllegalStateException("MockServerExtension must be registered on a static field");
        }
        return server;
    }
}
