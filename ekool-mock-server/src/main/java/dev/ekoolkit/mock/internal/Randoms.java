package dev.ekoolkit.mock.internal;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The mock's {@link SecureRandom} and helpers for unguessable tokens. The helpers draw from one DRBG
 * (NIST SP 800-90A, the JDK's {@code DRBG}) per thread: the platform default, {@code NativePRNG}, serialises
 * every caller in the JVM on one global lock, which token requests queued on under load (docs/performance.md).
 */
public final class Randoms {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ThreadLocal<SecureRandom> PER_THREAD = ThreadLocal.withInitial(Randoms::drbg);
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
        PER_THREAD.get().nextBytes(b);
        return b;
    }

    /** {@code n} random bytes as unpadded base64url text. */
    public static String token(int n) {
        return URL.encodeToString(bytes(n));
    }

    /** A random string of {@code n} decimal digits. */
    public static String digits(int n) {
        SecureRandom random = PER_THREAD.get();
        char[] c = new char[n];
        for (int i = 0; i < n; i++) {
            c[i] = (char) ('0' + random.nextInt(10));
        }
        return new String(c);
    }

    /** A DRBG seeded from the platform's entropy source; the shared source if the JDK has none. */
    private static SecureRandom drbg() {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException e) {
            return RANDOM;
        }
    }
}
