package dev.ekoolkit.mock.state;

import dev.ekoolkit.mock.config.MockClient;
import dev.ekoolkit.mock.internal.Masked;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The clients the server knows right now, in registration order. Copy-on-write: lookups on every token
 * request read an immutable map without locking; changes (admin operations) copy it.
 */
public final class ClientRegistry {

    /** The most clients the registry holds, so admin callers cannot exhaust memory. */
    public static final int MAX_CLIENTS = 10_000;

    private volatile Map<String, MockClient> byId;

    /**
     * A registry holding {@code initial}, in order.
     *
     * @param initial the initial clients, in order
     */
    public ClientRegistry(List<MockClient> initial) {
        Map<String, MockClient> m = new LinkedHashMap<>();
        for (MockClient c : initial) {
            m.put(c.id().value(), c);
        }
        byId = m;
    }

    /**
     * The client with this id, if registered; {@code id} may be any text.
     *
     * @param id any text a request named as the client id, possibly {@code null}
     * @return the registered client, or empty when none has this id
     */
    public Optional<MockClient> find(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(byId.get(id));
    }

    /**
     * How {@code id} may be shown in the journal, error descriptions and pages: a registered client's id as
     * it is, any other text only as its length and kinds of characters ({@link Masked#clientId}), since it may
     * be a secret pasted into the wrong field.
     *
     * @param id any text a request named as the client id
     * @return {@code null} when {@code id} is {@code null}
     */
    public String shown(String id) {
        return Masked.clientId(id, id != null && byId.containsKey(id));
    }

    /**
     * Every client, in registration order; immutable.
     *
     * @return the clients, in registration order, unmodifiable
     */
    public List<MockClient> list() {
        return List.copyOf(byId.values());
    }

    /**
     * The first client, if any.
     *
     * @return the first (default) client, or empty when none is registered
     */
    public Optional<MockClient> first() {
        return byId.values().stream().findFirst();
    }

    /**
     * Adds a client.
     *
     * @param client the client to add; its id must not be in use yet
     * @throws IllegalArgumentException when its id is already registered or the registry is full
     */
    public synchronized void add(MockClient client) {
        if (byId.containsKey(client.id().value())) {
            throw new IllegalArgumentException("a client with the id " + client.id() + " is already registered");
        }
        if (byId.size() >= MAX_CLIENTS) {
            throw new IllegalArgumentException("the mock holds at most " + MAX_CLIENTS + " clients; remove some first");
        }
        Map<String, MockClient> m = new LinkedHashMap<>(byId);
        m.put(client.id().value(), client);
        byId = m;
    }

    /**
     * Replaces the registered client that has the same id, in one step, keeping its place in the order.
     *
     * @param client the client's new state; a client with its id must be registered
     * @throws IllegalArgumentException when no client with that id is registered
     */
    public synchronized void replace(MockClient client) {
        if (!byId.containsKey(client.id().value())) {
            throw new IllegalArgumentException("no client with the id " + Masked.unregisteredClientId(client.id().value()) + " is registered");
        }
        Map<String, MockClient> m = new LinkedHashMap<>(byId);
        m.put(client.id().value(), client);
        byId = m;
    }

    /**
     * Removes the client with this id; {@code true} when there was one.
     *
     * @param id a client id
     * @return {@code true} when a client was removed
     */
    public synchronized boolean remove(String id) {
        if (!byId.containsKey(id)) {
            return false;
        }
        Map<String, MockClient> m = new LinkedHashMap<>(byId);
        m.remove(id);
        byId = m;
        return true;
    }
}
