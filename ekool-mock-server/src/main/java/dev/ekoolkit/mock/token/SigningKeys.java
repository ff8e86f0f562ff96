package dev.ekoolkit.mock.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The server's RS256 signing key (RFC 7518 §3.3) and its public JWK set (RFC 7517).
 *
 * <p>Unless a fixed key is configured, every server in a JVM shares one 2048-bit key pair, generated once,
 * on a background thread, when the first server starts. Generating an RSA key takes tens to hundreds of
 * milliseconds; sharing it keeps {@code start()} fast. Tokens of one server are still useless at another,
 * because each server accepts only access tokens it issued itself.
 */
public final class SigningKeys {

    private static final Object LOCK = new Object();
    private static volatile CompletableFuture<RSAKey> jvmKey;

    private final RSAKey fixed;
    private volatile Prepared prepared;

    private record Prepared(RSAKey key, RSASSASigner signer, String publicJwkSet) {
    }

    /**
     * Keys for one server.
     *
     * @param fixed a configured private RSA key, or {@code null} for the per-JVM generated key
     */
    public SigningKeys(RSAKey fixed) {
        this.fixed = fixed;
        if (fixed == null) {
            prepareJvmKey();
        }
    }

    /** Starts generating the per-JVM key in the background, if that has not started yet. */
    public static void prepareJvmKey() {
        if (jvmKey == null) {
            synchronized (LOCK) {
                if (jvmKey == null) {
                    jvmKey = CompletableFuture.supplyAsync(SigningKeys::generate, runnable -> {
                        Thread t = new Thread(runnable, "ekool-mock-keygen");
                        t.setDaemon(true);
                        t.start();
                    });
                }
            }
        }
    }

    /** The private signing key (waits for the per-JVM key if it is still being generated). */
    public RSAKey key() {
        return prepared().key;
    }

    /** The key id ({@code kid}) in JWT headers and the JWK set. */
    public String keyId() {
        return prepared().key.getKeyID();
    }

    /** A thread-safe RS256 signer. */
    public RSASSASigner signer() {
        return prepared().signer;
    }

    /** The public JWK set as JSON text: {@code {"keys":[{"kty":"RSA","use":"sig","alg":"RS256","kid":...,"n":...,"e":...}]}}. */
    public String publicJwkSet() {
        return prepared().publicJwkSet;
    }

    private Prepared prepared() {
        Prepared p = prepared;
        if (p == null) {
            synchronized (this) {
                p = prepared;
                if (p == null) {
                    RSAKey key = fixed != null ? withKeyId(fixed) : awaitJvmKey();
                    try {
                        p = new Prepared(key, new RSASSASigner(key),
                                new JWKSet(key.toPublicJWK()).toString(true));
                    } catch (JOSEException e) {
                        throw new IllegalStateException("the signing key cannot sign RS256: " + e.getMessage(), e);
                    }
                    prepared = p;
                }
            }
        }
        return p;
    }

    private static RSAKey awaitJvmKey() {
        prepareJvmKey();
        try {
            return jvmKey.join();
        } catch (CompletionException e) {
            throw new IllegalStateException("generating the RSA signing key failed", e.getCause());
        }
    }

    private static RSAKey generate() {
        try {
            RSAKey key = new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).generate();
            return withKeyId(key);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate a 2048-bit RSA key", e);
        }
    }

    private static RSAKey withKeyId(RSAKey key) {
        try {
            RSAKey.Builder b = new RSAKey.Builder(key).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256);
            if (key.getKeyID() == null) {
                b.keyIDFromThumbprint();
            }
            return b.build();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot compute the key's thumbprint", e);
        }
    }
}
