package dev.ekoolkit.testkit;

import dev.ekoolkit.mock.EkoolMockServer;
import dev.ekoolkit.mock.config.MockConfig;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;

import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * One run-wide eKool mock, kept in JUnit's root store (so JUnit stops it when the run ends) and lent to one test at
 * a time. Classes with equal settings ({@link Key}) share a server; a test takes a {@link Lease} that resets the
 * server and fails fast when another test holds it, instead of letting two tests script one server at once. The
 * JUnit resource lock {@link EkoolMock#SHARED_SERVER_LOCK} ({@link SharedServerLock} adds it for
 * {@code @EkoolMockTest(shared = true)}) keeps JUnit from ever scheduling that; the lease catches classes that forgot
 * the lock.
 */
final class SharedServer implements AutoCloseable {

    private static final Namespace NAMESPACE = Namespace.create(SharedServer.class);

    private final EkoolMock handle;
    private final AtomicReference<String> holder = new AtomicReference<>();

    SharedServer(EkoolMockServer server, SystemPropertyNames names) {
        this.handle = EkoolMock.of(server, names);
    }

    /**
     * The shared server for {@code key} in the root store of {@code context}, started with {@code start} when the
     * run has none for that key yet.
     */
    static SharedServer in(ExtensionContext context, Key key, Supplier<EkoolMockServer> start, SystemPropertyNames names) {
        return context.getRoot().getStore(NAMESPACE).computeIfAbsent(key,
                k -> new SharedServer(start.get(), names), SharedServer.class);
    }

    /** The handle on this server. */
    EkoolMock handle() {
        return handle;
    }

    /**
     * Lends the server to the test {@code test} (a JUnit unique id) and resets it to its configuration.
     *
     * @param registration how to name the registration in the message, such as {@code @EkoolMockTest}
     * @throws ExtensionConfigurationException when another test holds the server, naming it and the fix
     */
    Lease lease(String test, String registration) {
        Objects.requireNonNull(test, "test");
        if (!holder.compareAndSet(null, test)) {
            throw new ExtensionConfigurationException("the shared eKool mock is in use by another test running at the "
                    + "same time (" + holder.get() + "); tests sharing one server must not run in parallel: annotate "
                    + "the class with @ResourceLock(EkoolMock.SHARED_SERVER_LOCK) (@EkoolMockTest(shared = true) does), "
                    + "or give " + registration + " a per-class server");
        }
        handle.reset();
        return new Lease(test);
    }

    /** Stops the server; JUnit calls this when the run ends. */
    @Override
    public void close() {
        handle.server().close();
    }

    /** Classes with equal settings share one server; different settings get their own shared server. */
    record Key(MockConfig config, String autoLogin, Clock clock) {
    }

    /** One test's use of the shared server; closing it (JUnit closes the test's store) frees the server. */
    final class Lease implements AutoCloseable {
        private final String test;

        private Lease(String test) {
            this.test = test;
        }

        /** Frees the server for the next test; closing again, or after another test took it, changes nothing. */
        @Override
        public void close() {
            holder.compareAndSet(test, null);
        }
    }
}
