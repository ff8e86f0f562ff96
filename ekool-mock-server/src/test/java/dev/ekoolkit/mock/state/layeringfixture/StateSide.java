package dev.ekoolkit.mock.state.layeringfixture;

import dev.ekoolkit.mock.token.layeringfixture.TokenSide;

/**
 * ArchitectureTest's fixture, never part of the server: a class in the {@code state} layer that uses the
 * {@code token} feature layer above it, and is used by it back, so that the layer and cycle checks have a known
 * violation to find.
 */
public final class StateSide {

    private StateSide() {
    }

    /** Climbs into the feature layer: a dependency the layers forbid. */
    public static String climb() {
        return TokenSide.name();
    }

    /** Used by {@link TokenSide}, which closes the cycle. */
    public static String name() {
        return "state";
    }
}
