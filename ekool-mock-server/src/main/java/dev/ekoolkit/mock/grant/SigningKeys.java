package dev.ekoolkit.mock.grant;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.ekoolkit.mock.internal.Json;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The server's RS256 signing key (RFC 7518 §3.3) and its public JWK set (RFC 7517).
 *
 * <p>Unless a fixed key is configured, every server in a JVM shares one 2048-bit key pair, generated once,
 * on a background thread, when the first server starts. Generating an RSA key takes tens to hundreds of
 * milliseconds; sharing it keeps {@code start()} fast. Tokens of one server are still useless at another,
 * because each server accepts only access tokens it issued itself.
 *
 * <p>When the system property {@value #KEY_CACHE_PROPERTY} names a file, the per-JVM key is read from it, or
 * generated and then written to it (owner-only permissions): a fresh JVM then skips the key generation, which
 * is most of its start-up CPU (the {@code bin/ekool-mock} launcher sets it; see docs/performance.md). A file
 * that is missing or holds no usable 2048-bit RSA private key is replaced by a new key.
 */
public final class SigningKeys {

    /** The system property naming the file that keeps the generated key between JVMs (mock-only). */
    public static final String KEY_CACHE_PROPERTY = "ekool.mock.keyCache";

    private static final int KEY_BITS = 2048;

    private static final Object LOCK = new Object();
    private static volatile CompletableFuture<RSAKey> jvmKey;

    private final RSAKey fixed;
    private volatile Prepared prepared;
    /**
     * The key that {@link #warm} last signed with, ready: a server with that key takes its signer from here, so
     * its first token reuses the warmed signer (and the JDK's RSA blinding values cached for its key object).
     */
    private static volatile Prepared warmed;

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
                    jvmKey = CompletableFuture.supplyAsync(SigningKeys::generateAndWarm, runnable -> {
                        Thread t = new Thread(runnable, "ekool-mock-keygen");
                        t.setDaemon(true);
                        t.start();
                    });
                }
            }
        }
    }

    /**
     * The private signing key (waits for the per-JVM key if it is still being generated).
     *
     * @return the RSA signing key, with its private part
     */
    public RSAKey key() {
        return prepared().key;
    }

    /**
     * The key id ({@code kid}) in JWT headers and the JWK set.
     *
     * @return the key id, as in the JWT header's {@code kid}
     */
    public String keyId() {
        return prepared().key.getKeyID();
    }

    /**
     * A thread-safe RS256 signer. Servers with an equal key may share it (see {@link #warm}): do not change its
     * JCA context.
     *
     * @return a signer for RS256 with the private key
     */
    public RSASSASigner signer() {
        return prepared().signer;
    }

    /**
     * The public JWK set as JSON text: {@code
     * {"keys":[{"kty":"RSA","use":"sig","alg":"RS256","kid":...,"n":...,"e":...}]}}.
     *
     * @return the JWK set with the public key only, as JSON text
     */
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
                    Prepared w = warmed;
                    p = w != null && w.key.equals(key) ? w : prepare(key);
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

    /**
     * The per-JVM key, after one throwaway signature with it: that first signature loads and initialises the
     * JWT, JSON and RSA code on this background thread, so the first token request of a fresh JVM does not.
     */
    private static RSAKey generateAndWarm() {
        RSAKey key = generate();
        warm(key);
        return key;
    }

    /**
     * Signs one throwaway JWT with {@code key}: it loads and initialises the JWT, JSON and RSA code on the calling
     * thread (a start-up thread of its own), so that the first token request does not. The signer and public key
     * set made for it are kept (for the life of the JVM, replacing the previous warmed key's): a server whose key
     * is equal to {@code key} uses them instead of making its own. Best effort: it throws nothing; a key that
     * cannot sign reports that when it is used.
     *
     * @param key an RSA private key
     */
    public static void warm(RSAKey key) {
        try {
            Prepared p = prepare(withKeyId(key));
            SignedJWT warm = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT)
                    .keyID(p.key.getKeyID()).build(), new JWTClaimsSet.Builder().subject("warm-up").build());
            warm.sign(p.signer);
            warm.serialize();
            warmed = p;
        } catch (JOSEException | RuntimeException e) {
            // only a warm-up: real signing reports its own errors
        }
    }

    /** The signer and JWK set for {@code key}, made once per key. */
    private static Prepared prepare(RSAKey key) {
        try {
            return new Prepared(key, new RSASSASigner(key), Json.write(new JWKSet(key.toPublicJWK()).toJSONObject(true)));
        } catch (JOSEException e) {
            throw new IllegalStateException("the signing key cannot sign RS256: " + e.getMessage(), e);
        }
    }

    private static RSAKey generate() {
        String cacheName = System.getProperty(KEY_CACHE_PROPERTY);
        Path cache = cacheName == null || cacheName.isBlank() ? null : Path.of(cacheName);
        RSAKey cached = cache == null ? null : readCache(cache);
        if (cached != null) {
            return cached;
        }
        RSAKey key;
        try {
            key = withKeyId(new RSAKeyGenerator(KEY_BITS).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
                    .generate());
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate a 2048-bit RSA key", e);
        }
        if (cache != null) {
            writeCache(cache, key);
        }
        return key;
    }

    /** The cached key, or {@code null} when the file is missing or holds no 2048-bit (or larger) RSA private key. */
    static RSAKey readCache(Path cache) {
        try {
            RSAKey key = RSAKey.parse(Files.readString(cache, StandardCharsets.UTF_8));
            if (!key.isPrivate() || key.size() < KEY_BITS) {
                return null;
            }
            return withKeyId(key);
        } catch (IOException | ParseException | RuntimeException e) {
            return null;
        }
    }

    /** Writes the key (a private JWK) readable by its owner only, in one atomic step; failures leave no file. */
    static void writeCache(Path cache, RSAKey key) {
        Path tmp = null;
        try {
            Path dir = cache.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            try {
                tmp = Files.createTempFile(dir, ".signing-key", ".tmp",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                tmp = Files.createTempFile(dir, ".signing-key", ".tmp");
            }
            Files.writeString(tmp, key.toJSONString(), StandardCharsets.UTF_8);
            try {
                Files.move(tmp, cache, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, cache, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException e) {
            // the key still works for this JVM; the next one generates again
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // nothing more to do
                }
            }
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
