package dev.ekoolkit.mock.state;

import java.time.Instant;
import java.util.Objects;
import java.util.function.Function;

/**
 * Issued authorization codes (RFC 6749 §4.1.2): single-use, expiring, bounded, thread-safe. A used code
 * is kept until it expires so that its reuse can be detected and the tokens it issued revoked (RFC 6749
 * §4.1.2: "the authorization server ... SHOULD revoke ... all tokens previously issued based on that code").
 */
public final class AuthorizationCodes {

    /**
     * What a code stands for.
     *
     * @param request   the authorization request it answers
     * @param userId    the user who approved it
     * @param expiresAt when it expires
     */
    public record CodeGrant(AuthorizationContext request, String userId, Instant expiresAt) {
        /**
         * Requires every part.
         *
         * @param request the authorization request it answers
         * @param userId the user who approved it
         * @param expiresAt when it expires
         */
        public CodeGrant {
            Objects.requireNonNull(request, "request");
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(expiresAt, "expiresAt");
        }
    }

    /** The outcome of redeeming a code. */
    public sealed interface Redemption {
    }

    /**
     * The code was valid and is now used.
     *
     * @param grant what the code was issued for
     * @param familyId the token family the redemption issued
     */
    public record Redeemed(CodeGrant grant, String familyId) implements Redemption {
    }

    /** The code was never issued, or has been forgotten. */
    public record Unknown() implements Redemption {
    }

    /**
     * The code expired at {@code grant.expiresAt()}.
     *
     * @param grant what the code was issued for
     */
    public record Expired(CodeGrant grant) implements Redemption {
    }

    /**
     * The code was used before.
     *
     * @param grant what the code was issued for
     * @param familyId the token family its first redemption issued, which must now be revoked
     */
    public record Reused(CodeGrant grant, String familyId) implements Redemption {
    }

    /** One code; its monitor orders the redemptions of that code. */
    private static final class Slot {
        final CodeGrant grant;
        String familyId; // guarded by this slot

        Slot(CodeGrant grant) {
            this.grant = grant;
        }
    }

    private final BoundedStore<String, Slot> store;

    /**
     * A store holding at most {@code max} codes.
     *
     * @param max the most codes held at once, positive
     */
    public AuthorizationCodes(int max) {
        store = new BoundedStore<>(max, s -> s.grant.expiresAt());
    }

    /**
     * Stores a freshly issued code.
     *
     * @param code the code as handed to the client
     * @param grant what the code grants: client, user, scopes, redirect URI, PKCE challenge
     * @param now the current time, by the server's clock
     */
    public synchronized void put(String code, CodeGrant grant, Instant now) {
        store.put(code, new Slot(grant), now);
    }

    /**
     * Redeems a code atomically: at most one caller ever gets {@link Redeemed} for a code. {@code issue} runs
     * under that code's own lock only for a live, unused code; it validates the request (throwing an OAuth error
     * leaves the code unused) and returns the id of the token family it created. Redemptions of one code are
     * decided one after the other; redemptions of different codes run in parallel (the store's lock is held only
     * to look the code up or drop it: issuing tokens under it made every token request wait for every other
     * one's random numbers and MACs, docs/performance.md).
     *
     * @param code the code a client presented, possibly {@code null}
     * @param now the current time, by the server's clock
     * @param issue validates the request and issues the tokens, returning the new token family's id
     * @return the outcome: {@link Redeemed}, or why not ({@link Unknown}, {@link Expired}, {@link Reused})
     */
    public Redemption redeem(String code, Instant now, Function<CodeGrant, String> issue) {
        Slot slot;
        synchronized (this) {
            slot = code == null ? null : store.get(code);
        }
        if (slot == null) {
            return new Unknown();
        }
        synchronized (slot) {
            if (slot.familyId != null) {
                return new Reused(slot.grant, slot.familyId);
            }
            if (!slot.grant.expiresAt().isAfter(now)) {
                synchronized (this) {
                    if (store.get(code) == slot) {
                        store.remove(code);
                    }
                }
                return new Expired(slot.grant);
            }
            String familyId = issue.apply(slot.grant);
            slot.familyId = Objects.requireNonNull(familyId, "familyId");
            return new Redeemed(slot.grant, familyId);
        }
    }

    /**
     * The number of codes held, used ones included.
     *
     * @return the number of codes held now, 0 or more
     */
    public synchronized int size() {
        return store.size();
    }
}
