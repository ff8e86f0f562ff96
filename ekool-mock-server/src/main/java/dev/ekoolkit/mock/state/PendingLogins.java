package dev.ekoolkit.mock.state;

import java.time.Instant;
import java.util.Optional;

/** The logins in progress: bounded (the oldest is dropped when full), expiring, thread-safe. */
public final class PendingLogins {

    private final BoundedStore<String, PendingLogin> store;

    /**
     * A store holding at most {@code max} logins.
     *
     * @param max the most logins held at once, positive
     */
    public PendingLogins(int max) {
        store = new BoundedStore<>(max, PendingLogin::expiresAt);
    }

    /**
     * Adds a login.
     *
     * @param login the login to add
     * @param now the current time, by the server's clock
     */
    public synchronized void put(PendingLogin login, Instant now) {
        store.put(login.id(), login, now);
    }

    /**
     * The unexpired login with this id.
     *
     * @param id the login's id, as the pages' forms carry it
     * @param now the current time, by the server's clock
     * @return the login, or empty when unknown or expired
     */
    public synchronized Optional<PendingLogin> find(String id, Instant now) {
        if (id == null) {
            return Optional.empty();
        }
        PendingLogin p = store.get(id);
        if (p == null) {
            return Optional.empty();
        }
        if (!p.expiresAt().isAfter(now)) {
            store.remove(id);
            return Optional.empty();
        }
        return Optional.of(p);
    }

    /**
     * Replaces a login by its next stage, only if it is still at {@code expected} (so two tabs cannot both
     * advance it).
     *
     * @param expected the login as the caller read it
     * @param next the login at its next stage
     * @return {@code true} when replaced
     */
    public synchronized boolean advance(PendingLogin expected, PendingLogin next) {
        if (store.get(expected.id()) != expected) {
            return false;
        }
        store.replace(expected.id(), next);
        return true;
    }

    /**
     * Removes and returns the login only if it is still {@code expected}: a login ends exactly once.
     *
     * @param expected the login as the caller read it
     * @return {@code true} when this call removed the login, {@code false} when it had already changed or ended
     */
    public synchronized boolean finish(PendingLogin expected) {
        if (store.get(expected.id()) != expected) {
            return false;
        }
        store.remove(expected.id());
        return true;
    }

    /**
     * The number of logins held.
     *
     * @return the number of logins held now, 0 or more
     */
    public synchronized int size() {
        return store.size();
    }
}
