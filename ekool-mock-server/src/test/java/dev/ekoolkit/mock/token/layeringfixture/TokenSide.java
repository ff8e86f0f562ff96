package dev.ekoolkit.mock.token.layeringfixture;

import dev.ekoolkit.mock.state.layeringfixture.StateSide;

/** ArchitectureTest's fixture, never part of the server: the {@code token} side of {@link StateSide}'s cycle. */
public final class TokenSide {

    private TokenSide() {
    }

    /** Uses the state layer, as a feature may; with {@link StateSide#climb()} it closes a cycle. */
    public static String name() {
        return "token of " + StateSide.name();
    }
}
