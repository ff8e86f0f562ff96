package dev.ekoolkit.testkit.architecture.cycle.upper;

import dev.ekoolkit.testkit.architecture.cycle.lower.Lower;

/** Half of a deliberate package cycle, for {@code PackageDependenciesTest} to catch: upper calls lower. */
public final class Upper {

    private Upper() {
    }

    /** Calls into the lower package. */
    public static String name() {
        return "upper over " + Lower.name();
    }
}
