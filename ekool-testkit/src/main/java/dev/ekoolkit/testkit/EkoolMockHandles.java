package dev.ekoolkit.testkit;

import dev.ekoolkit.mock.EkoolMockServer;

/**
 * Wraps a running {@link EkoolMockServer} whose lifetime someone else owns in an {@link EkoolMock} handle. The
 * testkit's Spring support ({@code dev.ekoolkit.testkit.spring}) uses it for the mock it ties to an application
 * context; a test rarely needs it.
 */
public final class EkoolMockHandles {

    private EkoolMockHandles() {
    }

    /**
     * A handle on {@code server}, with the default system property names; closing the server stays the caller's job.
     *
     * @throws NullPointerException when {@code server} is {@code null}
     */
    public static EkoolMock of(EkoolMockServer server) {
        return EkoolMock.of(server, SystemPropertyNames.defaults());
    }
}
