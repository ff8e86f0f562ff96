package dev.ekoolkit.mock.state;

import dev.ekoolkit.core.internal.ConstantTime;
import dev.ekoolkit.core.scope.Scopes;
import dev.ekoolkit.mock.internal.Randoms;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Token families: the chain of access and refresh tokens one grant produces. Each family has exactly one
 * live access token and one live refresh token; refreshing rotates both (RFC 9700 §4.14.2), and presenting
 * an already-rotated refresh token revokes the family. Bounded (the least recently refreshed family is
 * dropped when full), expiring, thread-safe.
 *
 * <p>Refresh tokens are self-describing, so used ones need no memory: {@code base64url(family id (16 bytes)
 * | generation (4 bytes) | HMAC-SHA256 (16 bytes))}. A token whose generation is below the family's
 * current one is a replay.
 *
 * <p>(Just over 400 lines because the family records, the rotation, the replay detection and the bound share one
 * lock and one invariant, one live pair per family; split apart they could no longer be checked together.)
 */
public final class TokenFamilies {

    /** An issued access token, as the resource endpoint looks it up by {@code jti}. */
    public static final class AccessToken {
        private final String jti;
        private final String familyId;
        private final String clientId;
        private final String userId;
        private final Scopes scopes;
        private final Instant issuedAt;
        private final Instant expiresAt;
        private volatile String serialized;
        private volatile String digest;

        AccessToken(String jti, String familyId, String clientId, String userId, Scopes scopes, Instant issuedAt,
                    Instant expiresAt) {
            this.jti = jti;
            this.familyId = familyId;
            this.clientId = clientId;
            this.userId = userId;
            this.scopes = scopes;
            this.issuedAt = issuedAt;
            this.expiresAt = expiresAt;
        }

        /**
         * The JWT id.
         *
         * @return the token's {@code jti}, unique per token
         */
        public String jti() {
            return jti;
        }

        /**
         * The family it belongs to.
         *
         * @return the id of the token's family
         */
        public String familyId() {
            return familyId;
        }

        /**
         * The client it was issued to ({@code aud}).
         *
         * @return the client id the token was issued to
         */
        public String clientId() {
            return clientId;
        }

        /**
         * The user it acts for ({@code sub}), or {@code null} for a client-only token.
         *
         * @return the user id, or {@code null} for a client-only token
         */
        public String userId() {
            return userId;
        }

        /**
         * Its scopes.
         *
         * @return the scopes the token grants
         */
        public Scopes scopes() {
            return scopes;
        }

        /**
         * {@code iat} and {@code nbf}.
         *
         * @return when the token was issued, by the server's clock
         */
        public Instant issuedAt() {
            return issuedAt;
        }

        /**
         * {@code exp}.
         *
         * @return when the token expires, by the server's clock
         */
        public Instant expiresAt() {
            return expiresAt;
        }

        /**
         * {@code true} when {@code presented} is exactly the token that was handed out (constant time).
         *
         * @param presented the token a client presented, possibly {@code null}
         * @return {@code true} only for exactly the handed-out token
         */
        public boolean matches(String presented) {
            return ConstantTime.equals(serialized, presented);
        }
    }

    /**
     * What the issuer needs to sign: a new access token's claims and, if any, the new refresh token.
     *
     * @param access       the access token record, whose serialised form is attached after signing
     * @param refreshToken the opaque refresh token, or {@code null}
     */
    public record Issue(AccessToken access, String refreshToken) {
        /** Masked. */
        @Override
        public String toString() {
            return "Issue[jti=" + access.jti + "]";
        }
    }

    /**
     * A family as a grant handler sees it before a refresh.
     *
     * @param clientId the client
     * @param userId   the user, or {@code null}
     * @param scopes   the scopes originally granted
     */
    public record FamilyView(String clientId, String userId, Scopes scopes) {
    }

    /** The outcome of presenting a refresh token. */
    public sealed interface Refresh {
    }

    /**
     * The refresh token was current; the family rotated.
     *
     * @param family the family the refresh token belongs to
     * @param issue the tokens the rotation issued
     */
    public record Rotated(FamilyView family, Issue issue) implements Refresh {
    }

    /** The token was not issued here (or its family was revoked, evicted or reset). */
    public record UnknownToken() implements Refresh {
    }

    /**
     * The family's refresh lifetime ended.
     *
     * @param expiredAt when it ended
     */
    public record ExpiredToken(Instant expiredAt) implements Refresh {
    }

    /**
     * The token had already been rotated: the family is now revoked.
     *
     * @param family the family the token belonged to, now revoked
     */
    public record ReusedToken(FamilyView family) implements Refresh {
    }

    private static final class Family {
        final String id;
        final String clientId;
        final String userId;
        final Scopes scopes;
        final boolean refreshable;
        int generation;
        String currentJti;
        Instant refreshExpiresAt;

        Family(String id, String clientId, String userId, Scopes scopes, boolean refreshable) {
            this.id = id;
            this.clientId = clientId;
            this.userId = userId;
            this.scopes = scopes;
            this.refreshable = refreshable;
        }

        FamilyView view() {
            return new FamilyView(clientId, userId, scopes);
        }
    }

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();
    private static final int ID_BYTES = 16;
    private static final int MAC_BYTES = 16;
    private static final int TOKEN_BYTES = ID_BYTES + 4 + MAC_BYTES;

    private final LinkedHashMap<String, Family> families = new LinkedHashMap<>();
    private final Map<String, AccessToken> access = new ConcurrentHashMap<>();
    /** The same live access tokens by the SHA-256 of their serialised form: the resource endpoint's fast path. */
    private final Map<String, AccessToken> bySerialized = new ConcurrentHashMap<>();
    private final int max;
    private final Duration accessTtl;
    private final Duration refreshTtl;
    private final SecretKeySpec macKey = new SecretKeySpec(Randoms.bytes(32), "HmacSHA256");
    /** One initialised Mac per thread: Mac.getInstance searches the JCE providers on every call. */
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

    /**
     * An empty store.
     *
     * @param max        the most families held
     * @param accessTtl  access token lifetime
     * @param refreshTtl refresh token lifetime, renewed by each rotation
     */
    public TokenFamilies(int max, Duration accessTtl, Duration refreshTtl) {
        this.max = max;
        this.accessTtl = Objects.requireNonNull(accessTtl, "accessTtl");
        this.refreshTtl = Objects.requireNonNull(refreshTtl, "refreshTtl");
    }

    /**
     * The access token lifetime in whole seconds, the {@code expires_in}.
     *
     * @return the access token lifetime in whole seconds, positive
     */
    public long accessTtlSeconds() {
        return accessTtl.getSeconds();
    }

    /**
     * Starts a family and issues its first tokens.
     *
     * @param clientId    the client
     * @param userId      the user, or {@code null} for a client-only token
     * @param scopes      the granted scopes
     * @param refreshable whether a refresh token is issued
     * @param now         the current time
     * @return the family id and what to sign
     */
    public Issue create(String clientId, String userId, Scopes scopes, boolean refreshable, Instant now) {
        // randomness and MACs outside the lock: under load a preempted lock holder stalls every token request
        Family f = new Family(B64.encodeToString(Randoms.bytes(ID_BYTES)), clientId, userId, scopes, refreshable);
        String jti = B64.encodeToString(Randoms.bytes(ID_BYTES));
        AccessToken token;
        int generation;
        synchronized (this) {
            purge(now);
            while (families.size() >= max) {
                Iterator<Family> it = families.values().iterator();
                Family oldest = it.next();
                it.remove();
                dropAccess(oldest);
            }
            families.put(f.id, f);
            token = next(f, scopes, now, jti);
            generation = f.generation;
        }
        return new Issue(token, refreshable ? refreshToken(f.id, generation) : null);
    }

    /**
     * The id of the family an {@link Issue} belongs to.
     *
     * @param issue an issued token pair
     * @return the id of its family
     */
    public static String familyOf(Issue issue) {
        return issue.access().familyId();
    }

    /**
     * Records the signed form of an access token, which makes it usable at the resource endpoint.
     *
     * @param token the access token, as issued
     * @param serialized its signed, serialised (JWT) form
     */
    public void attach(AccessToken token, String serialized) {
        token.serialized = serialized;
        String d = digest(serialized);
        token.digest = d;
        bySerialized.put(d, token);
        if (access.get(token.jti) != token) {
            // rotated or revoked while it was being signed: dropAccess may have missed the digest
            bySerialized.remove(d, token);
        }
    }

    /**
     * The live access token whose serialised form is exactly {@code presented}, found by its SHA-256 and
     * compared in constant time; {@code null} otherwise. Needs no JWT parsing, so a valid token costs a hash.
     *
     * @param presented the serialised access token a client presented, possibly {@code null}
     * @return the matching live access token, or {@code null} when none matches
     */
    public AccessToken findIssued(String presented) {
        if (presented == null) {
            return null;
        }
        AccessToken t = bySerialized.get(digest(presented));
        return t != null && t.matches(presented) ? t : null;
    }

    private static String digest(String serialized) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256")
                    .digest(serialized.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            return new String(d, java.nio.charset.StandardCharsets.ISO_8859_1);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /**
     * Presents a refresh token (RFC 6749 §6). For a current token, {@code check} runs under the lock with the
     * family (it validates the client and returns the scopes for the new access token, or throws an OAuth
     * error that leaves the family untouched); then the family rotates.
     *
     * @param refreshToken the refresh token the client presented, possibly {@code null}
     * @param now the current time, by the server's clock
     * @param check validates the client against the family and returns the scopes for the new access token
     * @return the outcome of presenting the token
     */
    public Refresh refresh(String refreshToken, Instant now, Function<FamilyView, Scopes> check) {
        // decoding and the MAC check need no state: outside the lock, like the new token's randomness and MAC
        byte[] raw;
        try {
            raw = refreshToken == null ? null : B64D.decode(refreshToken);
        } catch (IllegalArgumentException e) {
            raw = null;
        }
        if (raw == null || raw.length != TOKEN_BYTES || !B64.encodeToString(raw).equals(refreshToken)) {
            return new UnknownToken();
        }
        ByteBuffer buf = ByteBuffer.wrap(raw);
        byte[] id = new byte[ID_BYTES];
        buf.get(id);
        int generation = buf.getInt();
        byte[] mac = new byte[MAC_BYTES];
        buf.get(mac);
        if (!MessageDigest.isEqual(mac, mac(id, generation))) {
            return new UnknownToken();
        }
        String familyId = B64.encodeToString(id);
        String jti = B64.encodeToString(Randoms.bytes(ID_BYTES));
        FamilyView view;
        AccessToken token;
        int newGeneration;
        synchronized (this) {
            Family f = families.get(familyId);
            if (f == null || !f.refreshable) {
                return new UnknownToken();
            }
            if (!f.refreshExpiresAt.isAfter(now)) {
                revoke(f.id);
                return new ExpiredToken(f.refreshExpiresAt);
            }
            if (generation != f.generation) {
                revoke(f.id);
                return new ReusedToken(f.view());
            }
            Scopes scopes = check.apply(f.view());
            families.remove(f.id);
            families.put(f.id, f);
            token = next(f, scopes, now, jti);
            newGeneration = f.generation;
            view = f.view();
        }
        return new Rotated(view, new Issue(token, refreshToken(familyId, newGeneration)));
    }

    /**
     * The access token with this {@code jti}, if it is held (expired ones included, until rotated or purged).
     *
     * @param jti a token's {@code jti}
     * @return the held access token, or {@code null} when none has this {@code jti}
     */
    public AccessToken findAccess(String jti) {
        return jti == null ? null : access.get(jti);
    }

    /**
     * Revokes a family: its access and refresh tokens stop working. {@code true} when it existed.
     *
     * @param familyId the id of the family to revoke
     * @return {@code true} when the family existed and is now revoked
     */
    public synchronized boolean revoke(String familyId) {
        Family f = families.remove(familyId);
        if (f == null) {
            return false;
        }
        dropAccess(f);
        return true;
    }

    /**
     * Revokes every family of a client, when the client is removed.
     *
     * @param clientId the client id whose families are revoked
     * @return the number of families revoked, 0 or more
     */
    public synchronized int revokeClient(String clientId) {
        List<String> ids = new ArrayList<>();
        for (Family f : families.values()) {
            if (f.clientId.equals(clientId)) {
                ids.add(f.id);
            }
        }
        ids.forEach(this::revoke);
        return ids.size();
    }

    /**
     * The number of families held.
     *
     * @return the number of token families held now, 0 or more
     */
    public synchronized int size() {
        return families.size();
    }

    /** Rotates the family to a new access token (and refresh generation); call under the lock. */
    private AccessToken next(Family f, Scopes scopes, Instant now, String jti) {
        dropAccess(f);
        if (f.currentJti != null) {
            f.generation++;
        }
        AccessToken token = new AccessToken(jti, f.id, f.clientId, f.userId, scopes, now, now.plus(accessTtl));
        f.currentJti = token.jti;
        access.put(token.jti, token);
        f.refreshExpiresAt = f.refreshable ? now.plus(refreshTtl) : token.expiresAt;
        return token;
    }

    /** The opaque refresh token of a family's generation: id, generation and their MAC, base64url. */
    private String refreshToken(String familyId, int generation) {
        byte[] id = B64D.decode(familyId);
        ByteBuffer buf = ByteBuffer.allocate(TOKEN_BYTES);
        buf.put(id).putInt(generation).put(mac(id, generation));
        return B64.encodeToString(buf.array());
    }

    private void dropAccess(Family f) {
        if (f.currentJti != null) {
            AccessToken gone = access.remove(f.currentJti);
            String d = gone == null ? null : gone.digest;
            if (d != null) {
                bySerialized.remove(d, gone);
            }
        }
    }

    private void purge(Instant now) {
        Iterator<Family> it = families.values().iterator();
        while (it.hasNext()) {
            Family f = it.next();
            if (f.refreshExpiresAt.isAfter(now)) {
                return;
            }
            it.remove();
            dropAccess(f);
        }
    }

    private byte[] mac(byte[] id, int generation) {
        Mac m = macs.get();
        m.update(id);
        m.update(ByteBuffer.allocate(4).putInt(generation).array());
        byte[] full = m.doFinal(); // doFinal also resets m for this thread's next MAC
        byte[] out = new byte[MAC_BYTES];
        System.arraycopy(full, 0, out, 0, MAC_BYTES);
        return out;
    }

    private Mac newMac() {
        try {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(macKey);
            return m;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
