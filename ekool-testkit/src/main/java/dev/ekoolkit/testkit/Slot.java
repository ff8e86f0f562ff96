package dev.ekoolkit.testkit;

import dev.ekoolkit.mock.EkoolMockServer;

import java.util.Set;

/**
 * What {@link EkoolMockExtension} keeps in a class's or test's {@code ExtensionContext.Store}: the handle on the
 * server that serves it. JUnit closes the value with the store, which either stops a server the context owns or only
 * unbinds the shared one; either way the handle leaves the extension's index (the one {@code mock()} answers from).
 */
sealed interface Slot extends AutoCloseable {

    /** The handle tests get as a parameter. */
    EkoolMock handle();

    /** Removes the handle from the index, and stops the server when this context owns one. */
    @Override
    void close();

    /**
     * A server this context owns (per class or per test): closing the store stops it.
     *
     * @param handle the handle on it
     * @param server the server, or {@code null} in live mode (nothing to stop)
     * @param index  the extension's index of the handles it serves
     */
    record Owned(EkoolMock handle, EkoolMockServer server, Set<EkoolMock> index) implements Slot {
        @Override
        public void close() {
            index.remove(handle);
            if (server != null) {
                server.close();
            }
        }
    }

    /**
     * The run-wide {@link SharedServer} as seen from one class or test: closing it only unbinds.
     *
     * @param shared the shared server
     * @param index  the extension's index of the handles it serves
     */
    record Bound(SharedServer shared, Set<EkoolMock> index) implements Slot {
        @Override
        public EkoolMock handle() {
            return shared.handle();
        }

        @Override
        public void close() {
            index.remove(shared.handle());
        }
    }
}
