package dev.ekoolkit.testkit.architecture.cycle.lower;

import dev.ekoolkit.testkit.architecture.cycle.upper.Upper;

/** The other half of the deliberate package cycle: lower reaches back up, which is the offending dependency. */
public final class Lower {

    private Lower() {
    }

    /** A name for {@link Upper} to use. */
    public static String name() {
        return "lower";
    }

    /** Reaches back into the upper package: the dependency that closes the cycle. */
    public static String climb() {
        return Upper.name();
    }
}
