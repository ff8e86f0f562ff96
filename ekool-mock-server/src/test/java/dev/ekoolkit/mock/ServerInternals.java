package dev.ekoolkit.mock;

import dev.ekoolkit.mock.state.MockState;

/**
 * Read-only views of a running server's state for the security tests (bounds of the stores), which the public
 * API rightly does not expose; through a package-private accessor, without reflection.
 */
public final class ServerInternals {

    private ServerInternals() {
    }

    /** The server's current state (clients, users, logins, codes, token families). */
    public static MockState state(EkoolMockServer server) {
        return server.state();
    }
}
