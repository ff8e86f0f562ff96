package dev.ekoolkit.mock.internal;

import java.security.SecureRandom;
import java.util.Base64;

/** The one {@link SecureRandom} of the mock and helpers for unguessable tokens. */
public final class Randoms {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private Randoms() {
    }

    /** The shared secure random source (thread-safe). */
    public static SecureRandom secureRandom() {
        return RANDOM;
    }

    /** {@code n} random bytes. */
    public static byte[] bytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }

    /** {@code n} random bytes as unpadded base64url text. */
    public static String token(int n) {
        return URL.encodeToString(bytes(n));
    }

    /** A random string of {@code n} decimal digits. */
    public static String digits(int n) {
        char[] c = new char[n];
        for (int i = 0; i < n; i++) {
            c[i] = (char) ('0' + RANDOM.nextInt(10));
        }
        return new String(c);
    }
}
