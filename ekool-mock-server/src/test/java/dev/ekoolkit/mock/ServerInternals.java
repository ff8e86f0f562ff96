package dev.ekoolkit.mock;

import dev.ekoolkit.mock.internal.MockRuntime;
import dev.ekoolkit.mock.state.MockState;

import java.lang.reflect.Field;

/**
 * Read-only views of a running server's state for the security tests (bounds of the stores), which the public
 * API rightly does not expose.
 */
public final class ServerInternals {

    private ServerInternals() {
    }

    /** The server's current state (clients, users, logins, codes, token families). */
    public static MockState state(EkoolMockServer server) {
        try {
            Field f = EkoolMockServer.class.getDeclaredField("runtime");
            f.setAccessible(true);
            return ((MockRuntime) f.get(server)).state();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("EkoolMockServer no longer keeps its MockRuntime in 'runtime'", e);
        }
    }
}
