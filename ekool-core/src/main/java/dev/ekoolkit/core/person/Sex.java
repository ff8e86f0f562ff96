package dev.ekoolkit.core.person;

/**
 * The sex a personal code encodes in its first digit: odd (1, 3, 5) is male, even (2, 4, 6) is female.
 */
public enum Sex {
    /** Encoded by the odd first digits 1, 3 and 5. */
    MALE,
    /** Encoded by the even first digits 2, 4 and 6. */
    FEMALE
}
