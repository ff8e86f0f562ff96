package dev.ekoolkit.mock.state;

import dev.ekoolkit.mock.config.MockConfig;
import dev.ekoolkit.mock.config.MockUser;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The users who can log in right now, in order. Copy-on-write, like {@link ClientRegistry}. */
public final class UserDirectory {

    /** The most users the directory holds, so admin callers cannot exhaust memory. */
    public static final int MAX_USERS = 10_000;

    private volatile Map<String, MockUser> byId;

    /**
     * A directory holding {@code initial}, in order.
     *
     * @param initial the initial users, in order
     */
    public UserDirectory(List<MockUser> initial) {
        Map<String, MockUser> m = new LinkedHashMap<>();
        for (MockUser u : initial) {
            m.put(u.id(), u);
        }
        byId = m;
    }

    /**
     * The user with this id.
     *
     * @param id a user id
     * @return the user, or empty when none has this id
     */
    public Optional<MockUser> byId(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(byId.get(id));
    }

    /**
     * The user with this id or, failing that, this username (ignoring case).
     *
     * @param idOrUsername a user's id, or a username in any case
     * @return the user, or empty when none matches
     */
    public Optional<MockUser> find(String idOrUsername) {
        if (idOrUsername == null) {
            return Optional.empty();
        }
        MockUser u = byId.get(idOrUsername);
        if (u != null) {
            return Optional.of(u);
        }
        return byUsername(idOrUsername);
    }

    /**
     * The user with this username, ignoring case.
     *
     * @param username a username, in any case
     * @return the user, or empty when none has this username
     */
    public Optional<MockUser> byUsername(String username) {
        return byId.values().stream().filter(x -> x.username().equalsIgnoreCase(username)).findFirst();
    }

    /**
     * The user with this personal code.
     *
     * @param code an Estonian personal code
     * @return the user, or empty when none has this code
     */
    public Optional<MockUser> byPersonalCode(String code) {
        return code == null ? Optional.empty()
                : byId.values().stream().filter(x -> code.equals(x.personalCode())).findFirst();
    }

    /**
     * Every user, in order; immutable.
     *
     * @return the users, in order, unmodifiable
     */
    public List<MockUser> list() {
        return List.copyOf(byId.values());
    }

    /**
     * Adds a user.
     *
     * @param user the user to add; its id and username must not be in use yet
     * @throws IllegalArgumentException when the id or username is taken, a child id is unknown, or the directory is full
     */
    public synchronized void add(MockUser user) {
        if (byId.size() >= MAX_USERS) {
            throw new IllegalArgumentException("the mock holds at most " + MAX_USERS + " users");
        }
        List<MockUser> all = new ArrayList<>(byId.values());
        all.add(user);
        MockConfig.checkUsers(all);
        Map<String, MockUser> m = new LinkedHashMap<>(byId);
        m.put(user.id(), user);
        byId = m;
    }
}
