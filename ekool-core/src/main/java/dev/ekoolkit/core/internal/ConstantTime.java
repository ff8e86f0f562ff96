package dev.ekoolkit.core.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** The toolkit's one constant-time comparison of secret strings (client secrets, tokens, CSRF values). */
public final class ConstantTime {

    private ConstantTime() {
    }

    /**
     * Whether {@code expected} and {@code presented} are the same text, compared over their UTF-8 bytes
     * in time that does not depend on where they first differ ({@link MessageDigest#isEqual}). A
     * {@code null} on either side is never equal.
     *
     * @param expected the expected
     * @param presented the value a client presented, possibly {@code null}
     * @return whether {@code expected} and {@code presented} are the same text, compared over their UTF-8 bytes in time that does not depend on where they first differ ({@link MessageDigest#isEqual})
     */
    public static boolean equals(String expected, String presented) {
        if (expected == null || presented == null) {
            return false;
        }
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                presented.getBytes(StandardCharsets.UTF_8));
    }
}
